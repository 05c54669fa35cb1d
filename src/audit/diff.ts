import type { Field } from 'payload'

import { isSecretField } from './secrets'
import type { AuditChange } from './types'

type Doc = Record<string, unknown>

/**
 * A populated relation (`doc` in afterChange is read at the request's depth; `previousDoc` is
 * not) compares as its id, so loading a relation never looks like a change. An array row keeps its
 * fields: it has an `id` but no `createdAt`.
 */
export function normalize(value: unknown): unknown {
  if (value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    const object = value as Doc
    if ('id' in object && 'createdAt' in object) return object.id
    if ('relationTo' in object && 'value' in object && Object.keys(object).length === 2) return { relationTo: object.relationTo, value: normalize(object.value) }
    const result: Doc = {}
    for (const [key, inner] of Object.entries(object)) if (!isSecretField(key)) result[key] = normalize(inner)
    return result
  }
  return value
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const isEmpty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** Per fields array of the (immutable) config: flattening them again for each audited write cost about 1 % of a registration's CPU. */
const flattened = new WeakMap<Field[], Field[]>()

/** Data fields by their path in the document: rows, tabs and collapsibles flattened; UI, join and virtual fields are not data. */
function dataFields(fields: Field[]): Field[] {
  let found = flattened.get(fields)
  if (!found) flattened.set(fields, (found = flattenDataFields(fields)))
  return found
}

function flattenDataFields(fields: Field[]): Field[] {
  return fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return dataFields(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ type: 'group', name: tab.name, fields: tab.fields } as Field] : dataFields(tab.fields)))
    if (field.type === 'ui' || field.type === 'join') return []
    if ('virtual' in field && field.virtual) return []
    if (!('name' in field) || !field.name || isSecretField(field.name)) return []
    // A computed copy of other fields (`searchText`) says nothing their own changes do not.
    if ((field.custom as { audit?: boolean } | undefined)?.audit === false) return []
    return [field]
  })
}

/**
 * Field-by-field differences between two versions of a document (either may be empty for create
 * and delete). A field missing from one side was not readable there (field access) and is left out
 * rather than reported as erased. Groups recurse with dotted paths; array rows are matched by their
 * id (`modules.0.title`); blocks and JSON compare whole.
 */
export function diffDocuments(fields: Field[], before: Doc | null | undefined, after: Doc | null | undefined, prefix = ''): AuditChange[] {
  const changes: AuditChange[] = []
  for (const field of dataFields(fields)) {
    const name = (field as { name: string }).name
    const path = prefix + name
    const hasBefore = Boolean(before) && name in before!
    const hasAfter = Boolean(after) && name in after!
    if (before && after && (!hasBefore || !hasAfter)) continue
    const from = before ? before[name] : undefined
    const to = after ? after[name] : undefined
    if (field.type === 'group') {
      changes.push(...diffDocuments(field.fields, (from as Doc | null) ?? (before ? {} : null), (to as Doc | null) ?? (after ? {} : null), `${path}.`))
      continue
    }
    if (field.type === 'array' && before && after) {
      changes.push(...diffRows(field.fields, path, (from as Doc[] | null) ?? [], (to as Doc[] | null) ?? []))
      continue
    }
    const normalFrom = normalize(from)
    const normalTo = normalize(to)
    if (same(normalFrom, normalTo)) continue
    if (!before && isEmpty(normalTo)) continue
    if (!after && isEmpty(normalFrom)) continue
    changes.push({ field: path, from: normalFrom, to: normalTo })
  }
  return changes
}

function diffRows(fields: Field[], path: string, before: Doc[], after: Doc[]): AuditChange[] {
  const changes: AuditChange[] = []
  const beforeById = new Map(before.map((row) => [String(row.id), row]))
  const afterIds = new Set(after.map((row) => String(row.id)))
  after.forEach((row, index) => {
    const previous = beforeById.get(String(row.id))
    if (previous) changes.push(...diffDocuments(fields, previous, row, `${path}.${index}.`))
    else changes.push({ field: `${path}.${index}`, from: null, to: normalize(row) })
  })
  for (const row of before) if (!afterIds.has(String(row.id))) changes.push({ field: `${path}.${before.indexOf(row)}`, from: normalize(row), to: null })
  return changes
}
