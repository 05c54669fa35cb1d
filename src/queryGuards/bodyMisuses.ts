import type { FlattenedField } from 'payload'

import { parseDocumentId } from '../utilities/documentId'
import type { WhereMisuse } from './whereMisuses'

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** Payload's own "no relation" spellings (`''`, `'none'`, `'null'`). */
const NO_RELATION = new Set(['', 'none', 'null'])

/** A relationship a body names: where, to which collection, which id (null when the id is not written exactly). */
interface RelationRef {
  path: string
  relationTo: string | null
  id: number | null
}

function refOf(value: unknown, path: string, relationTo: string | string[]): RelationRef | null {
  if (value === null || value === undefined || (typeof value === 'string' && NO_RELATION.has(value))) return null
  if (Array.isArray(relationTo)) {
    if (!isObject(value)) return { path, relationTo: null, id: null }
    const target = typeof value.relationTo === 'string' && relationTo.includes(value.relationTo) ? value.relationTo : null
    return { path, relationTo: target, id: parseDocumentId(isObject(value.value) ? value.value.id : value.value) }
  }
  // A populated document (what a GET answered) is read for its id.
  const id = isObject(value) && 'id' in value ? value.id : value
  return { path, relationTo, id: parseDocumentId(id) }
}

const optionValues = (field: Extract<FlattenedField, { type: 'select' | 'radio' }>) => field.options.map((option) => (typeof option === 'string' ? option : option.value))
const isNumeric = (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** What is wrong with a choice, number or checkbox value, or null (Payload's own validation does the rest). */
function scalarProblem(field: FlattenedField, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  const many = 'hasMany' in field && field.hasMany === true
  if (many && !Array.isArray(value)) return 'Must be a list.'
  const values: unknown[] = many ? (value as unknown[]) : [value]
  if (field.type === 'select' || field.type === 'radio') {
    const allowed = optionValues(field)
    return values.every((each) => typeof each === 'string' && allowed.includes(each)) ? null : `Must be one of: ${allowed.join(', ')}.`
  }
  if (field.type === 'number') return values.every(isNumeric) ? null : 'Must be a number.'
  if (field.type === 'checkbox') return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : 'Must be true or false.'
  return null
}

/** Every relationship a body names, at any depth (groups, tabs, arrays, blocks), and every value of the wrong shape for its field. */
function collect(fields: FlattenedField[], data: unknown, prefix: string, refs: RelationRef[], problems: WhereMisuse[]) {
  if (!isObject(data)) return
  for (const field of fields) {
    if (!('name' in field) || !(field.name in data)) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    const scalar = scalarProblem(field, value)
    if (scalar) problems.push({ path, message: scalar })
    if (field.type === 'relationship' || field.type === 'upload') {
      const many = field.hasMany === true && Array.isArray(value)
      const values: unknown[] = many ? (value as unknown[]) : [value]
      values.forEach((each, index) => {
        const ref = refOf(each, many ? `${path}.${index}` : path, field.relationTo)
        if (ref) refs.push(ref)
      })
    } else if (field.type === 'group' || field.type === 'tab') {
      // Payload walks a group's fields inside its value: `null` there crashed on the first sub-field (500).
      if (value !== undefined && !isObject(value)) problems.push({ path, message: 'Must be an object of its fields.' })
      collect(field.flattenedFields, value, `${path}.`, refs, problems)
    } else if (field.type === 'array' || field.type === 'blocks') {
      // Payload's own admin form sends an array or blocks field without rows as its row count, 0.
      if (value !== undefined && value !== 0 && !Array.isArray(value)) problems.push({ path, message: 'Must be a list.' })
      if (!Array.isArray(value)) continue
      value.forEach((row, index) => {
        const block = field.type === 'blocks' ? field.blocks.find((candidate) => isObject(row) && candidate.slug === row.blockType) : null
        const rowFields = field.type === 'array' ? field.flattenedFields : (block?.flattenedFields as FlattenedField[] | undefined)
        if (rowFields) collect(rowFields, row, `${path}.${index}.`, refs, problems)
      })
    }
  }
}

/**
 * A body's values against their fields, at any depth, before any hook or SQL sees them. Payload
 * reads relationship ids with `parseFloat`, so `"speakers": ["1' OR '1'='1"]` linked speaker 1; it
 * lets `5`, `true` or `{}` through to an enum or numeric column (500), and a global's array set to
 * `null` crashed the adapter. An id is a positive whole number written exactly (that the document
 * exists is checked later, in the field's validation: src/fields/relationExists.ts); a choice is
 * one of the options; a number is a number; an array or blocks field takes a list, a group an object. Otherwise the
 * write is refused naming the field.
 */
export function bodyMisuses(fields: FlattenedField[], data: unknown): WhereMisuse[] {
  const refs: RelationRef[] = []
  const problems: WhereMisuse[] = []
  collect(fields, data, '', refs, problems)
  const malformed = refs.filter((ref) => ref.relationTo === null || ref.id === null)
  return [...problems, ...malformed.map(({ path }) => ({ path, message: 'A related document is named by its id: a whole number such as 12.' }))]
}
