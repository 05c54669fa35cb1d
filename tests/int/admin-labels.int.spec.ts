import { describe, expect, it } from '@jest/globals'
import { initI18n } from '@payloadcms/translations'
import { buildConfig, type SanitizedConfig } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'

/** Payload labels and translates its own auth fields; brand names read the same in both languages. */
const EXEMPT = new Set(['users.email', 'users.sessions', 'users.sessions.expiresAt'])
const BRANDS = new Set(['zoom', 'meet', 'teams', 'youtube', 'stripe'])
const bilingual = (label: unknown) => typeof label === 'object' && label !== null && 'es' in label && 'en' in label

/** Collection and field labels reach the config as functions of the language (src/i18n/withAdminLanguage.ts): they must say something in each. */
const sayBoth = (label: unknown, i18n: Record<'es' | 'en', unknown>) =>
  typeof label === 'function' ? { es: String(label({ i18n: i18n.es, t: (i18n.es as { t: unknown }).t })), en: String(label({ i18n: i18n.en, t: (i18n.en as { t: unknown }).t })) } : label
const translated = (label: unknown, i18n: Record<'es' | 'en', unknown>) => {
  const both = sayBoth(label, i18n)
  return bilingual(both) && Boolean((both as { es: string }).es)
}

function untranslated(fields: any[], path: string, found: string[], i18n: Record<'es' | 'en', unknown>) {
  for (const field of fields) {
    const name = field.name ? `${path}.${field.name}` : path
    const shown = field.name && !field.admin?.hidden && !field.hidden && field.type !== 'ui' && !/^(id|createdAt|updatedAt|deletedAt)$|_tz$|^_/.test(field.name)
    if (shown && !EXEMPT.has(name) && !translated(field.label, i18n)) found.push(name)
    // An array's or blocks' "Añadir …" button reads `labels.singular`: without it Payload makes English words from the name.
    if (shown && !EXEMPT.has(name) && (field.type === 'array' || field.type === 'blocks') && (!bilingual(field.labels?.singular) || !bilingual(field.labels?.plural))) found.push(`${name} (labels)`)
    for (const option of field.options ?? []) {
      if (typeof option === 'object' && !BRANDS.has(option.value) && !bilingual(option.label)) found.push(`${name}=${option.value}`)
    }
    if (field.fields) untranslated(field.fields, name, found, i18n)
    for (const tab of field.tabs ?? []) untranslated(tab.fields, tab.name ? `${name}.${tab.name}` : name, found, i18n)
    for (const block of field.blocks ?? []) if (typeof block === 'object') untranslated(block.fields, `${name}.${block.slug}`, found, i18n)
  }
  return found
}

// Values meant to trip each validator: wrong types, negatives, fractions, huge numbers, bad URLs, zones and currencies, dates out of order.
const PROBES: unknown[] = [null, '', -1, 1.5, 0.001, 1e15, 'x', 'not a url', 'javascript:alert(1)', 'Mars/Olympus', 'ZZZ', '1999-01-01', '2030-06-01', '2030-02-30', 'x'.repeat(100_001), 'a\u0000b', 'Hola {{noSuchVariable}}', [1, 'x'], {}, true]
const SIBLINGS = { startDate: '2030-06-01', endDate: '2030-01-01', currency: 'PEN', isFree: false, regularPrice: 10, key: 'enrollment_confirmed' }

/** Every message a field's `validate` gives for the probes, said in Spanish and in English; one that reads the same in both was written in one language only. */
async function monolingualMessages(fields: any[], path: string, requests: Record<'es' | 'en', unknown>, found: Set<string>, checked: { count: number }) {
  for (const field of fields) {
    const name = field.name ? `${path}.${field.name}` : path
    if (typeof field.validate === 'function' && field.type !== 'relationship' && field.type !== 'upload') {
      for (const value of PROBES) {
        const said = await Promise.all(
          (['es', 'en'] as const).map(async (language) => {
            const options = { req: requests[language], data: SIBLINGS, siblingData: SIBLINGS, operation: 'create', path: [field.name], required: field.required, event: 'submit' }
            try {
              return await field.validate(value, { ...field, ...options })
            } catch {
              return true
            }
          }),
        )
        const [es, en] = said
        if (typeof es === 'string') checked.count += 1
        if (typeof es === 'string' && es === en && /[a-z]{3}/i.test(es)) found.add(`${name}: ${es}`)
      }
    }
    if (field.fields) await monolingualMessages(field.fields, name, requests, found, checked)
    for (const tab of field.tabs ?? []) await monolingualMessages(tab.fields, tab.name ? `${name}.${tab.name}` : name, requests, found, checked)
    for (const block of field.blocks ?? []) if (typeof block === 'object') await monolingualMessages(block.fields, `${name}.${block.slug}`, requests, found, checked)
  }
  return found
}

const languages = async (config: SanitizedConfig) => {
  const [es, en] = await Promise.all((['es', 'en'] as const).map((language) => initI18n({ config: config.i18n, context: 'api', language })))
  return { es, en }
}

describe('the admin speaks Spanish and English', () => {
  it('every collection, global, field, array row and select option staff see has a Spanish and an English label', async () => {
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    const i18n = await languages(config)
    const found: string[] = []
    for (const collection of config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      if (!translated(collection.labels?.plural, i18n) || !translated(collection.labels?.singular, i18n)) found.push(`${collection.slug} (labels)`)
      untranslated(collection.fields, collection.slug, found, i18n)
    }
    for (const global of config.globals.filter((g) => !g.slug.startsWith('payload-'))) {
      if (!bilingual(global.label)) found.push(`${global.slug} (label)`)
      untranslated(global.fields, global.slug, found, i18n)
    }
    expect(config.collections.length).toBeGreaterThan(10)
    expect(found).toEqual([])
  })

  it('collection names reach the browser as words in the admin language, never as an object ("Añadir [object Object]")', async () => {
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    const i18n = await languages(config)
    const leads = config.collections.find((collection) => collection.slug === 'leads')
    expect(sayBoth(leads?.labels.singular, i18n)).toEqual({ es: 'Prospecto', en: 'Lead' })
    expect(sayBoth(leads?.labels.plural, i18n)).toEqual({ es: 'Prospectos', en: 'Leads' })
    // …and field labels too: a list column's sort buttons read "Ordenar por [object Object]" with an object.
    const stage = leads?.flattenedFields.find((field) => field.name === 'stage')
    expect(sayBoth(stage && 'label' in stage ? stage.label : undefined, i18n)).toEqual({ es: 'Etapa', en: 'Stage' })
  })

  it('no validation message Aula writes is in one language only', async () => {
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    const i18n = await languages(config)
    const requests = { es: { i18n: i18n.es, t: i18n.es.t }, en: { i18n: i18n.en, t: i18n.en.t } }
    const found = new Set<string>()
    const checked = { count: 0 }
    for (const entity of [...config.collections, ...config.globals].filter((each) => !each.slug.startsWith('payload-'))) {
      await monolingualMessages(entity.fields, entity.slug, requests, found, checked)
    }
    // The probes do trip validators (Payload's own and Aula's): the walk is not vacuous.
    expect(checked.count).toBeGreaterThan(100)
    expect([...found]).toEqual([])
  })
})
