import type { CheckboxField, CollectionConfig, Field, GlobalConfig } from 'payload'

/** The list cell every checkbox field uses: ✓ or —, never Payload's `true`/`false` (`verdadero`/`falso`). */
export const BOOLEAN_CELL = '/src/components/BooleanCell#BooleanCell'

export function booleanCellField(field: CheckboxField): CheckboxField {
  const admin = field.admin ?? {}
  return { ...field, admin: { ...admin, components: { ...admin.components, Cell: admin.components?.Cell ?? BOOLEAN_CELL } } }
}

/** Walks fields at any depth (rows, groups, collapsibles, arrays, tabs, blocks). */
export function withBooleanCellFields(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'checkbox') return booleanCellField(field)
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withBooleanCellFields(tab.fields) })) }
    if (field.type === 'blocks') {
      return { ...field, blocks: (field.blocks ?? []).map((block) => ({ ...block, fields: withBooleanCellFields(block.fields) })) }
    }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: withBooleanCellFields(field.fields) } as Field
    return field
  })
}

/** Applied to the whole config, so a checkbox added tomorrow reads ✓/— in its list too. */
export const withBooleanCells = (collection: CollectionConfig): CollectionConfig => ({ ...collection, fields: withBooleanCellFields(collection.fields) })

export const withGlobalBooleanCells = (global: GlobalConfig): GlobalConfig => ({ ...global, fields: withBooleanCellFields(global.fields) })
