import { describe, expect, it } from '@jest/globals'
import { buildConfig } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { BOOLEAN_CELL } from '../../src/fields/booleanCells'

/** Every checkbox at any depth (rows, collapsibles, groups, arrays, tabs, blocks), by path. */
function checkboxes(fields: any[], path: string, found: Array<{ path: string; cell: unknown }>) {
  for (const field of fields) {
    const name = field.name ? `${path}.${field.name}` : path
    if (field.type === 'checkbox') found.push({ path: name, cell: field.admin?.components?.Cell })
    if (field.fields) checkboxes(field.fields, name, found)
    for (const tab of field.tabs ?? []) checkboxes(tab.fields, tab.name ? `${name}.${tab.name}` : name, found)
    for (const block of field.blocks ?? []) checkboxes(block.fields, `${name}.${block.slug}`, found)
  }
  return found
}

describe('yes/no values read ✓ and — in every list', () => {
  it('every checkbox field of every collection and global staff can open uses Aula’s ✓/— cell, not Payload’s true/false', async () => {
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    const found: Array<{ path: string; cell: unknown }> = []
    for (const collection of config.collections.filter((c) => !c.admin?.hidden)) checkboxes(collection.fields, collection.slug, found)
    for (const global of config.globals.filter((g) => !g.admin?.hidden)) checkboxes(global.fields, `globals.${global.slug}`, found)
    // The ones that exist today must be among them, so the walk cannot pass by finding nothing.
    expect(found.map((field) => field.path)).toEqual(expect.arrayContaining(['enrollments.attended', 'payments.needsReview', 'leads.stageHistory.movedBack']))
    expect(found.filter((field) => field.cell !== BOOLEAN_CELL).map((field) => field.path)).toEqual([])
  })
})
