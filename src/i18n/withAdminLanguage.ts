import { getTranslation } from '@payloadcms/translations'
import type { CollectionConfig, Field, FieldHook, LabelFunction, StaticLabel } from 'payload'

import { say } from './say'

/**
 * Payload writes some of its own words from Aula's config without translating them. Every
 * collection goes through here once (src/config/createAulaConfig.ts), so fields added later are covered:
 * - Collection and field labels become functions of the language. Payload resolves those before the
 *   browser sees them; a `{es, en}` object reached the relationship "create new" button and every
 *   list column's sort buttons untranslated, read out as `Añadir [object Object]` and
 *   `Ordenar por [object Object] Ascendente`.
 * - An array or blocks field without `labels` reads its own `label` on its "Add …" button, not the
 *   English words Payload makes from its name ("Añadir Stripe Event").
 * - Duplicating a document gives its unique text fields (course code, slug) Payload's English
 *   " - Copy" suffix: here it is " - copia" for a Spanish admin.
 */
export function withAdminLanguage(collection: CollectionConfig): CollectionConfig {
  const { labels } = collection
  return {
    ...collection,
    labels: labels && { singular: inLanguage(labels.singular), plural: inLanguage(labels.plural) },
    fields: collection.fields.map(withFieldWords),
  }
}

const inLanguage = (label: StaticLabel | LabelFunction | undefined): StaticLabel | LabelFunction | undefined =>
  label && typeof label === 'object' ? ({ i18n }) => getTranslation(label, i18n) : label

/** Payload's own default for unique text (`setDefaultBeforeDuplicate`), in the admin's language. */
export const copySuffix: FieldHook = ({ value, req }) =>
  typeof value === 'string' && value.trim() !== '' ? `${value} - ${say(req, { es: 'copia', en: 'copy' })}` : undefined

const COPIED_TYPES = new Set(['text', 'textarea', 'code'])

function withFieldWords(field: Field): Field {
  let next = field
  if ('unique' in next && next.unique && COPIED_TYPES.has(next.type) && !('hooks' in next && next.hooks?.beforeDuplicate?.length)) {
    next = { ...next, hooks: { ...('hooks' in next ? next.hooks : {}), beforeDuplicate: [copySuffix] } } as Field
  }
  if ((next.type === 'array' || next.type === 'blocks') && !next.labels && next.label && typeof next.label === 'object') {
    next = { ...next, labels: { singular: next.label, plural: next.label } }
  }
  if ('label' in next && next.label && typeof next.label === 'object') next = { ...next, label: inLanguage(next.label) } as Field
  switch (next.type) {
    case 'array':
    case 'group':
    case 'row':
    case 'collapsible':
      return { ...next, fields: next.fields.map(withFieldWords) } as Field
    case 'tabs':
      return { ...next, tabs: next.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withFieldWords) })) }
    case 'blocks':
      return { ...next, blocks: next.blocks.map((block) => (typeof block === 'string' ? block : { ...block, fields: block.fields.map(withFieldWords) })) }
    default:
      return next
  }
}
