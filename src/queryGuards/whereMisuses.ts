import type { FlattenedField, Payload, Where } from 'payload'

import { isDateInRange } from '../fields/dateRange'
import { resolveWherePath } from './resolveWherePath'

export interface WhereMisuse {
  path: string
  message: string
}

/** Operators that only mean something on point (map) fields. */
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
/** Accepted by Payload, not implemented by its Postgres adapter (`operatorMap` in @payloadcms/drizzle). */
const UNIMPLEMENTED_OPERATORS = new Set(['all'])
/** Text matching; Postgres has no `ILIKE` for numbers, dates, booleans, enums or ids. */
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const NOT_TEXT_TYPES = new Set(['number', 'date', 'checkbox', 'point', 'radio'])
/** Filters may follow one relationship (`speakers.name`), not a chain of them (`speakers.user.email`). */
const MAX_RELATIONSHIP_HOPS = 1

const isNotText = (fieldPath: string, field: FlattenedField | null) =>
  fieldPath === 'id' || fieldPath.endsWith('.id') || (field !== null && (NOT_TEXT_TYPES.has(field.type) || (field.type === 'select' && !field.hasMany)))

/** The adapter reads `like` on a number or an id as `equals`, so that one works. */
const likeBecomesEquals = (operator: string, fieldPath: string, field: FlattenedField | null) =>
  operator === 'like' && (fieldPath === 'id' || fieldPath.endsWith('.id') || field?.type === 'number')

/**
 * Inside a JSON field the adapter writes JSONPath itself: `contains` becomes `~` and a single value
 * for `in` becomes `@ in "a"`, neither of which Postgres can parse. A list for `in` works.
 */
function jsonMisuse(operator: string, value: unknown): string | null {
  if (operator === 'contains') return 'The "contains" operator is not supported inside JSON fields; use like.'
  if ((operator === 'in' || operator === 'not_in') && !Array.isArray(value)) return `Inside JSON fields "${operator}" needs a list (${operator}[0]=a&${operator}[1]=b).`
  return null
}

/** Operators whose value is a point in time on a date field (`exists` takes true/false). */
const DATE_VALUE_OPERATORS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in'])

/** Postgres reads dates from year 1 to 9999 the way Aula writes them; `10000-01-01` was a 500. */
function dateMisuse(operator: string, value: unknown): string | null {
  if (!DATE_VALUE_OPERATORS.has(operator) || value === null || value === undefined || value === '') return null
  const values = Array.isArray(value) ? value : typeof value === 'string' && operator.endsWith('in') ? value.split(',') : [value]
  return values.every(isDateInRange) ? null : `"${operator}" on a date needs dates between the years 1 and 9999 (2030-01-31 or 2030-01-31T09:00:00Z).`
}

/**
 * A link to several collections (`item`) compared as a whole must name the collection and the id
 * (`where[item][equals][relationTo]=webinars&where[item][equals][value]=7`); anything else is a
 * "Not supported" 500 deep in Payload's Postgres adapter (even `exists` and `in`, checked on 3.88).
 * `item.relationTo` and `item.value` are the usual way.
 */
function polymorphicMisuse(relationTo: string[], operator: string, value: unknown): string | null {
  const named = isPlainObject(value) && typeof value.relationTo === 'string' && relationTo.includes(value.relationTo) && 'value' in value
  if ((operator === 'equals' || operator === 'not_equals') && named) return null
  return `A link to ${relationTo.join(' or ')} is filtered by its .relationTo and .value (where[field.relationTo][equals]=…&where[field.value][${operator}]=…).`
}

function misuseOf(payload: Payload, collectionSlug: string, fieldPath: string, operator: string, value: unknown): string | null {
  if (UNIMPLEMENTED_OPERATORS.has(operator)) return `The "${operator}" operator is not supported.`
  // No PostgreSQL text holds a NUL byte, so a value with one can match nothing.
  if ((Array.isArray(value) ? value : [value]).some((each) => typeof each === 'string' && each.includes('\u0000'))) return 'A filter value cannot contain a NUL byte.'
  const { field, relationshipHops } = resolveWherePath(payload, collectionSlug, fieldPath)
  if (relationshipHops > MAX_RELATIONSHIP_HOPS) return 'A filter can follow one relationship at most.'
  if (GEO_OPERATORS.has(operator) && field?.type !== 'point') return `The "${operator}" operator only applies to map points (point fields).`
  // The JSON column as a whole (`where[error][like]`) has no text or equality operators in Postgres, only paths inside it do.
  if (field?.type === 'json' && fieldPath.split('.').pop() === field.name && operator !== 'exists') {
    return `A JSON field can only be filtered with exists, or by a path inside it (${field.name}.key).`
  }
  if (field?.type === 'json') return jsonMisuse(operator, value)
  if (field?.type === 'richText' && operator !== 'exists') return 'Rich text can only be filtered with exists; filter on a text field instead.'
  const dateProblem = field?.type === 'date' ? dateMisuse(operator, value) : null
  if (dateProblem) return dateProblem
  const polymorphicProblem = field?.type === 'relationship' && Array.isArray(field.relationTo) && fieldPath.split('.').pop() === field.name ? polymorphicMisuse(field.relationTo, operator, value) : null
  if (polymorphicProblem) return polymorphicProblem
  if (field && (field.type === 'relationship' || field.type === 'upload') && TEXT_OPERATORS.has(operator)) {
    const matchesIds = operator === 'like' || (operator === 'contains' && field.hasMany)
    return matchesIds ? null : `The "${operator}" operator does not apply to a single relationship; use equals or in.`
  }
  if (TEXT_OPERATORS.has(operator) && !likeBecomesEquals(operator, fieldPath, field) && isNotText(fieldPath, field)) {
    return `The "${operator}" operator only applies to text; use equals, in or a comparison for this field.`
  }
  return null
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/** Every clause of `where` that Aula refuses before it reaches SQL, with its path (`where.or.0.status.like`). */
export function whereMisuses(payload: Payload, collectionSlug: string, where: unknown, prefix = 'where'): WhereMisuse[] {
  if (where === undefined || where === null) return []
  // `?where=abc` (Payload parses a string `where` as JSON) or `where[and][0]=x`: not a filter at all.
  if (!isPlainObject(where)) return [{ path: prefix, message: 'A filter is an object: where[field][operator]=value.' }]
  return Object.entries(where as Where).flatMap(([key, condition]): WhereMisuse[] => {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(condition)) return [{ path: `${prefix}.${key}`, message: `"${key}" takes a list of filters: where[${key}][0][field][operator]=value.` }]
      return condition.flatMap((nested, index) => whereMisuses(payload, collectionSlug, nested, `${prefix}.${key}.${index}`))
    }
    if (!isPlainObject(condition)) return [{ path: `${prefix}.${key}`, message: `A filter on "${key}" needs an operator: where[${key}][equals]=value.` }]
    return Object.entries(condition).flatMap(([operator, value]) => {
      const message = misuseOf(payload, collectionSlug, key, operator, value)
      return message ? [{ path: `${prefix}.${key}.${operator}`, message }] : []
    })
  })
}
