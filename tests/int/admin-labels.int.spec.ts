import { describe, expect, it } from '@jest/globals'
import { buildConfig } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'

/** Payload labels and translates its own auth fields; brand names read the same in both languages. */
const EXEMPT = new Set(['users.email', 'users.sessions', 'users.sessions.expiresAt'])
const BRANDS = new Set(['zoom', 'meet', 'teams', 'youtube', 'stripe'])
const bilingual = (label: unknown) => typeof label === 'object' && label !== null && 'es' in label && 'en' in label

function untranslated(fields: any[], path: string, found: string[]) {
  for (const field of fields) {
    const name = field.name ? `${path}.${field.name}` : path
    const shown = field.name && !field.admin?.hidden && !field.hidden && field.type !== 'ui' && !/^(id|createdAt|updatedAt|deletedAt)$|_tz$|^_/.test(field.name)
    if (shown && !EXEMPT.has(name) && !bilingual(field.label)) found.push(name)
    for (const option of field.options ?? []) {
      if (typeof option === 'object' && !BRANDS.has(option.value) && !bilingual(option.label)) found.push(`${name}=${option.value}`)
    }
    if (field.fields) untranslated(field.fields, name, found)
    for (const tab of field.tabs ?? []) untranslated(tab.fields, tab.name ? `${name}.${tab.name}` : name, found)
  }
  return found
}

describe('the admin speaks Spanish and English', () => {
  it('every collection, global, field and select option staff see has a Spanish and an English label', async () => {
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    const found: string[] = []
    for (const collection of config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      if (!bilingual(collection.labels?.plural) || !bilingual(collection.labels?.singular)) found.push(`${collection.slug} (labels)`)
      untranslated(collection.fields, collection.slug, found)
    }
    for (const global of config.globals.filter((g) => !g.slug.startsWith('payload-'))) {
      if (!bilingual(global.label)) found.push(`${global.slug} (label)`)
      untranslated(global.fields, global.slug, found)
    }
    expect(config.collections.length).toBeGreaterThan(10)
    expect(found).toEqual([])
  })
})
