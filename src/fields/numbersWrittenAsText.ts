import { type CollectionBeforeOperationHook, type FlattenedField, ValidationError } from 'payload'

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** A number as JSON would write it (`12`, `-0.5`, `1e3`), with spaces around allowed; `''` means "empty". */
const PLAIN_NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/

const isMisreadNumber = (value: unknown) => typeof value === 'string' && value.trim() !== '' && !PLAIN_NUMBER.test(value)

/**
 * Number fields written as text that is not a number. Payload reads them with `parseFloat`, so
 * `"price": "12abc"` was stored as 12 and `"Infinity"` as Infinity; the write is refused naming
 * the field instead, at any depth (groups, arrays, blocks).
 */
export function numberTextMisuses(fields: FlattenedField[], data: unknown, prefix = ''): { path: string; message: string }[] {
  if (!isObject(data)) return []
  return fields.flatMap((field) => {
    if (!('name' in field) || !(field.name in data)) return []
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (field.type === 'number') {
      const values = field.hasMany && Array.isArray(value) ? value : [value]
      return values.some(isMisreadNumber) ? [{ path, message: 'Must be a number.' }] : []
    }
    if (field.type === 'group' || (field.type === 'tab' && 'flattenedFields' in field)) return numberTextMisuses(field.flattenedFields, value, `${path}.`)
    if (field.type === 'array' && Array.isArray(value)) return value.flatMap((row, index) => numberTextMisuses(field.flattenedFields, row, `${path}.${index}.`))
    if (field.type === 'blocks' && Array.isArray(value)) {
      return value.flatMap((row, index) => {
        const block = field.blocks.find((candidate) => isObject(row) && candidate.slug === row.blockType)
        return block && 'flattenedFields' in block ? numberTextMisuses(block.flattenedFields as FlattenedField[], row, `${path}.${index}.`) : []
      })
    }
    return []
  })
}

/** Refuses a create or update whose body writes a number field as non-numeric text (400 naming each field). */
export const refuseNumbersWrittenAsText: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const misuses = numberTextMisuses(collection.flattenedFields, 'data' in args ? args.data : undefined)
  if (misuses.length) throw new ValidationError({ collection: collection.slug, errors: misuses })
  return args
}
