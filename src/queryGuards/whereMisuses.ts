import type { FlattenedField, Payload, Where } from 'payload'

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

function misuseOf(payload: Payload, collectionSlug: string, fieldPath: string, operator: string, value: unknown): string | null {
  if (UNIMPLEMENTED_OPERATORS.has(operator)) return `The "${operator}" operator is not supported.`
  const { field, relationshipHops } = resolveWherePath(payload, collectionSlug, fieldPath)
  if (relationshipHops > MAX_RELATIONSHIP_HOPS) return 'A filter can follow one relationship at most.'
  if (GEO_OPERATORS.has(operator) && field?.type !== 'point') return `The "${operator}" operator only applies to map points (point fields).`
  if (field?.type === 'json') return jsonMisuse(operator, value)
  if (field && (field.type === 'relationship' || field.type === 'upload') && TEXT_OPERATORS.has(operator)) {
    const matchesIds = operator === 'like' || (operator === 'contains' && field.hasMany)
    return matchesIds ? null : `The "${operator}" operator does not apply to a single relationship; use equals or in.`
  }
  if (TEXT_OPERATORS.has(operator) && !likeBecomesEquals(operator, fieldPath, field) && isNotText(fieldPath, field)) {
    return `The "${operator}" operator only applies to text; use equals, in or a comparison for this field.`
  }
  return null
}

/** Every clause of `where` that Aula refuses before it reaches SQL, with its path (`where.or.0.status.like`). */
export function whereMisuses(payload: Payload, collectionSlug: string, where: unknown, prefix = 'where'): WhereMisuse[] {
  if (!where || typeof where !== 'object') return []
  return Object.entries(where as Where).flatMap(([key, condition]) => {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      return condition.flatMap((nested, index) => whereMisuses(payload, collectionSlug, nested, `${prefix}.${key}.${index}`))
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) return []
    return Object.entries(condition).flatMap(([operator, value]) => {
      const message = misuseOf(payload, collectionSlug, key, operator, value)
      return message ? [{ path: `${prefix}.${key}.${operator}`, message }] : []
    })
  })
}
