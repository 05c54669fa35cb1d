import type { CollectionConfig, DateField, Field, GlobalConfig } from 'payload'

import { DATE_FORMAT, DATE_TIME_FORMAT } from '../../utilities/localTime'

type PickerAppearance = 'dayAndTime' | 'dayOnly' | 'default' | 'monthOnly' | 'timeOnly'

/** Day first, 24 h: what staff in Peru, Spain and the rest of Latin America type and read (docs/decisions/0008). */
export const DAY_FIRST_FORMATS: Record<PickerAppearance, string> = {
  dayAndTime: DATE_TIME_FORMAT,
  dayOnly: DATE_FORMAT,
  default: DATE_FORMAT,
  monthOnly: 'MM/yyyy',
  timeOnly: 'HH:mm',
}

const ZONED_FIELD = '/src/components/dates/ZonedDateField#ZonedDateField'
const ZONED_CELL = '/src/components/dates/ZonedDateCell#ZonedDateCell'

/**
 * Every date field reads and shows day first, and staff type and read times in one zone: the
 * item's own (`timezone` on the field, Payload's picker keeps it in `<name>_tz`) or the business's
 * (Aula's picker). Applied to the whole config, so a field added tomorrow is not left on Payload's
 * US default (`MMM d, yyy h:mm a`, parsed in the browser's zone).
 */
export function dayFirstDateField(field: DateField): DateField {
  const admin = field.admin ?? {}
  const date = (admin.date ?? {}) as { pickerAppearance?: PickerAppearance; displayFormat?: string; timeFormat?: string }
  const appearance = date.pickerAppearance ?? 'default'
  const components = admin.components ?? {}
  return {
    ...field,
    admin: {
      ...admin,
      date: { ...date, displayFormat: date.displayFormat ?? DAY_FIRST_FORMATS[appearance], timeFormat: date.timeFormat ?? 'HH:mm' } as NonNullable<DateField['admin']>['date'],
      components: {
        ...components,
        // A field with its own zone keeps Payload's picker, which already reads and writes in that zone.
        ...(!components.Field && !field.timezone ? { Field: ZONED_FIELD } : {}),
        ...(!components.Cell ? { Cell: ZONED_CELL } : {}),
      },
    },
  }
}

/** Walks fields at any depth (rows, groups, collapsibles, arrays, tabs, blocks). */
export function withDayFirstDateFields(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'date') return dayFirstDateField(field)
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withDayFirstDateFields(tab.fields) })) }
    if (field.type === 'blocks') {
      return { ...field, blocks: (field.blocks ?? []).map((block) => ({ ...block, fields: withDayFirstDateFields(block.fields) })) }
    }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: withDayFirstDateFields(field.fields) } as Field
    return field
  })
}

type Stamp = 'updatedAt' | 'createdAt' | 'deletedAt'

/**
 * Payload adds `updatedAt`/`createdAt` (and `deletedAt` with trash) after Aula's config is built,
 * with no format of their own. Declaring them here, as Payload would (same columns and indexes),
 * gives their list cells the day-first format and the zone too.
 */
const timestampFields = (fields: Field[], stamps: Stamp[], indexed: boolean): Field[] => {
  // Payload looks only at top-level fields too.
  const existing = new Set(fields.map((field) => ('name' in field ? field.name : undefined)))
  return stamps
    .filter((name) => !existing.has(name))
    .map((name): DateField => ({
      name,
      type: 'date',
      ...(indexed ? { index: true } : {}),
      label: ({ t }) => t(`general:${name}`),
      // Server-stamped: Payload's own fields take a caller's value (its adapter fills `createdAt` only
      // when the data has none), so a student could backdate an enrollment and move the dashboard's
      // weekly figures. No API caller may write them; server code (the seed) writes with overrideAccess.
      // `deletedAt` stays Payload's: trashing a document over the API is a write of that field.
      ...(name === 'deletedAt' ? {} : { access: { create: () => false, update: () => false } }),
      admin: { disableBulkEdit: true, hidden: true, date: { pickerAppearance: 'dayAndTime' } },
    }))
}

export function withDayFirstDates(collection: CollectionConfig): CollectionConfig {
  const stamps: Stamp[] = collection.timestamps === false ? [] : collection.trash ? ['updatedAt', 'createdAt', 'deletedAt'] : ['updatedAt', 'createdAt']
  return { ...collection, fields: withDayFirstDateFields([...collection.fields, ...timestampFields(collection.fields, stamps, true)]) }
}

export function withDayFirstGlobalDates(global: GlobalConfig): GlobalConfig {
  return { ...global, fields: withDayFirstDateFields([...global.fields, ...timestampFields(global.fields, ['updatedAt', 'createdAt'], false)]) }
}
