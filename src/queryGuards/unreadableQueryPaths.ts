import type { CollectionSlug, FlattenedField, PayloadRequest, Where } from 'payload'

/**
 * `where` and `sort` run in SQL before any answer is trimmed by read access, so a filter or a sort
 * on a value the caller may not read is an oracle for it: `where[organizer.email][like]=a%` tells
 * a student which webinars an admin whose address starts with "a" organizes, and a sort by it
 * orders the catalog by that address. Payload checks field-level read rules along a path, but a
 * relationship into a collection the caller reads only in part (a `Where` access, like `users`
 * for a student: their own row) is joined without that row filter. A path is readable only when
 * every field on it is readable for this caller and every collection it enters through a
 * relationship is readable as a whole (collection access `true`).
 */

type Relation = Extract<FlattenedField, { type: 'relationship' | 'upload' }>
const isRelation = (field: FlattenedField): field is Relation => field.type === 'relationship' || field.type === 'upload'

/** Per request: whether the caller reads every row of a collection (access returns exactly `true`). */
const readsWhole = new WeakMap<PayloadRequest, Map<string, Promise<boolean>>>()
function readsWholeCollection(req: PayloadRequest, slug: string): Promise<boolean> {
  let known = readsWhole.get(req)
  if (!known) readsWhole.set(req, (known = new Map()))
  let answer = known.get(slug)
  if (!answer) {
    const read = req.payload.collections[slug as CollectionSlug]?.config.access.read
    answer = Promise.resolve(read ? read({ req }) : false).then((result) => result === true)
    known.set(slug, answer)
  }
  return answer
}

async function fieldReadable(req: PayloadRequest, field: FlattenedField): Promise<boolean> {
  const read = 'access' in field ? field.access?.read : undefined
  return read ? Boolean(await read({ req } as Parameters<typeof read>[0])) : true
}

/** Whether `segments`, starting in `fields` (a collection's or a group's), name only what the caller may read. */
async function pathReadable(req: PayloadRequest, fields: FlattenedField[] | undefined, segments: string[]): Promise<boolean> {
  const [segment, ...rest] = segments
  if (segment === undefined) return true
  if (segment === 'id' && rest.length === 0) return true
  const field = fields?.find((candidate) => candidate.name === segment)
  // Unknown paths are Payload's (and whereMisuses') to refuse; nothing to read there.
  if (!field) return true
  if (!(await fieldReadable(req, field))) return false
  if (rest.length === 0 || field.type === 'json') return true
  if (isRelation(field)) return relationReadable(req, field, rest)
  return pathReadable(req, 'flattenedFields' in field ? field.flattenedFields : undefined, rest)
}

/**
 * The ids a relationship stores are the parent's own column (`organizer`, `item.value`,
 * `item.relationTo`, `organizer.id`); anything further is a field of the related document.
 */
async function relationReadable(req: PayloadRequest, field: Relation, rest: string[]): Promise<boolean> {
  const polymorphic = Array.isArray(field.relationTo)
  const [next, ...after] = rest
  if (rest.length === 1 && (next === 'id' || (polymorphic && (next === 'value' || next === 'relationTo')))) return true
  const targets = (polymorphic ? field.relationTo : [field.relationTo]) as string[]
  const inside = polymorphic && next === 'value' ? after : rest
  for (const slug of targets) {
    if (!(await readsWholeCollection(req, slug))) return false
    if (!(await pathReadable(req, req.payload.collections[slug as CollectionSlug]?.config.flattenedFields, inside))) return false
  }
  return true
}

/** GraphQL spells nested paths with `__`; a sort may be a list or `a,-b`. */
const normalise = (path: string) => path.replace(/__/g, '.')

function wherePaths(where: unknown): string[] {
  if (!where || typeof where !== 'object') return []
  return Object.entries(where as Where).flatMap(([key, condition]) => {
    if ((key.toLowerCase() === 'and' || key.toLowerCase() === 'or') && Array.isArray(condition)) return condition.flatMap(wherePaths)
    return [normalise(key)]
  })
}

function sortPaths(sort: unknown): string[] {
  const list = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return list
    .filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
    .map((entry) => normalise(entry.trim().replace(/^[-+]/, '')))
}

/** Every clause of `where` and every key of `sort` that touches something the caller cannot read. */
export async function unreadableQueryPaths(req: PayloadRequest, collectionSlug: string, query: { where?: unknown; sort?: unknown }): Promise<{ path: string }[]> {
  const fields = req.payload.collections[collectionSlug as CollectionSlug]?.config.flattenedFields
  const candidates = [...new Set([...wherePaths(query.where), ...sortPaths(query.sort)])]
  const verdicts = await Promise.all(candidates.map((path) => pathReadable(req, fields, path.split('.'))))
  return candidates.filter((_, index) => !verdicts[index]).map((path) => ({ path }))
}
