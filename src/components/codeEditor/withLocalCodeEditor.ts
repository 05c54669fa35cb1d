import type { Field } from 'payload'

const EDITORS = {
  json: '/src/components/codeEditor/LocalCodeEditorFields#LocalJSONField',
  code: '/src/components/codeEditor/LocalCodeEditorFields#LocalCodeField',
} as const

const withLocalEditor = (field: Field): Field => {
  if (field.type === 'json' || field.type === 'code') {
    if (field.admin?.components?.Field) return field
    return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: EDITORS[field.type] } } } as Field
  }
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withLocalEditor) })) }
  if (field.type === 'blocks') return { ...field, blocks: field.blocks.map((block) => (typeof block === 'string' ? block : { ...block, fields: block.fields.map(withLocalEditor) })) }
  if ('fields' in field) return { ...field, fields: field.fields.map(withLocalEditor) } as Field
  return field
}

/**
 * Every JSON and code field of a collection or global edits in Monaco loaded from Aula, not from a
 * CDN (LocalCodeEditorFields.tsx). Config-wide, so a JSON field added later is covered too.
 */
export const withLocalCodeEditor = <T extends { fields: Field[] }>(entity: T): T => ({ ...entity, fields: entity.fields.map(withLocalEditor) })
