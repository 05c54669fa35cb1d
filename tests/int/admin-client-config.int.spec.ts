import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { initI18n } from '@payloadcms/translations'
import { createClientConfig } from 'payload'

import { startTestAula, type TestAula } from '../helpers/aula'

/**
 * Every admin page sends the client config to the browser through React's server components, which
 * refuse a function: one field with a function where Payload does not strip it (a `condition` beside
 * `admin` instead of inside it) turns every admin page into a 500. Found while writing the campaigns
 * browser spec: the admin did not load at all.
 */
let aula: TestAula
beforeAll(async () => {
  aula = await startTestAula()
}, 120_000)
afterAll(async () => {
  await aula?.close()
})

it('the admin’s client config holds no function, so no admin page fails to render', async () => {
  const i18n = await initI18n({ config: aula.payload.config.i18n, context: 'client', language: 'es' })
  const client = createClientConfig({ config: aula.payload.config, i18n, importMap: {} } as never)
  const functions: string[] = []
  const seen = new Set<unknown>()
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') functions.push(path)
    if (!value || typeof value !== 'object' || seen.has(value)) return
    seen.add(value)
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`)
  }
  walk(client, 'config')
  // Name the collection, not its index, so the failure says where to look.
  const named = functions.map((path) =>
    path.replace(/^config\.collections\.(\d+)/, (_, index: string) => `collections[${(client as { collections: { slug: string }[] }).collections[Number(index)].slug}]`),
  )
  expect(named).toEqual([])
})

it('no field is a radio: in Payload 3.88 choosing one does not re-run the conditions that show the fields it governs', async () => {
  // payload#15929 (fixed upstream in a later release): staff picked "Prospectos" and kept seeing the enrolled-people filters.
  const radios: string[] = []
  const walk = (fields: { type: string; name?: string; fields?: unknown[]; tabs?: { fields: unknown[] }[]; blocks?: { fields: unknown[] }[] }[], path: string) => {
    for (const field of fields) {
      const here = field.name ? `${path}.${field.name}` : path
      if (field.type === 'radio') radios.push(here)
      if (field.fields) walk(field.fields as never, here)
      for (const tab of field.tabs ?? []) walk(tab.fields as never, here)
      for (const block of field.blocks ?? []) walk(block.fields as never, here)
    }
  }
  // Payload's own collections (the jobs log) are not staff forms.
  for (const collection of aula.payload.config.collections.filter((each) => !each.slug.startsWith('payload-'))) walk(collection.fields as never, collection.slug)
  for (const global of aula.payload.config.globals) walk(global.fields as never, global.slug)
  expect(radios).toEqual([])
})
