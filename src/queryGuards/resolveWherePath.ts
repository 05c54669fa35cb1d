import type { CollectionSlug, FlattenedField, Payload } from 'payload'

export interface ResolvedWherePath {
  /** The field the last segment names (or the JSON field the path goes into), when every segment could be followed. */
  field: FlattenedField | null
  /** How many relationship or upload fields the path goes through before its last segment. */
  relationshipHops: number
}

const isRelation = (field: FlattenedField): field is Extract<FlattenedField, { type: 'relationship' | 'upload' }> =>
  field.type === 'relationship' || field.type === 'upload'

/**
 * Follows a `where` path such as `speakers.name` or `modules.title` through groups, arrays and
 * relationships, the way Payload reads it. Unknown segments give `field: null`; Payload itself
 * answers those with a QueryError naming the path.
 */
export function resolveWherePath(payload: Payload, collectionSlug: string, path: string): ResolvedWherePath {
  const segments = path.split('.')
  let fields: FlattenedField[] | undefined = payload.collections[collectionSlug as CollectionSlug]?.config.flattenedFields
  let relationshipHops = 0
  for (const [index, segment] of segments.entries()) {
    const field: FlattenedField | undefined = fields?.find((candidate) => candidate.name === segment)
    if (!field) return { field: null, relationshipHops }
    // The rest of the path is inside the JSON document (`variables.firstName`).
    if (index === segments.length - 1 || field.type === 'json') return { field, relationshipHops }
    if (isRelation(field)) {
      relationshipHops += 1
      fields = typeof field.relationTo === 'string' ? payload.collections[field.relationTo as CollectionSlug]?.config.flattenedFields : undefined
    } else if ('flattenedFields' in field) {
      fields = field.flattenedFields
    } else {
      return { field: null, relationshipHops }
    }
  }
  return { field: null, relationshipHops }
}
