import type { CollectionSlug, FieldHook, PayloadRequest } from 'payload'

import { slugify } from '../utilities/slugify'

/**
 * A slug a person typed is only normalised: if another item already holds it, the unique index
 * answers 400 naming `slug`, because silently changing a URL someone chose would surprise them.
 * A slug generated from the title gets `-2`, `-3`, ... instead, so saving never fails on it.
 */
export const generateSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, collection, req }) => {
    const typed = typeof value === 'string' ? slugify(value) : ''
    if (typed) return typed
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source !== 'string' || !collection) return value
    const base = slugify(source)
    if (!base) return value
    return firstFreeSlug(base, collection.slug as CollectionSlug, originalDoc?.id, req)
  }

async function firstFreeSlug(base: string, collection: CollectionSlug, ownId: unknown, req: PayloadRequest) {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`
    const where = ownId === undefined ? { slug: { equals: candidate } } : { slug: { equals: candidate }, id: { not_equals: ownId } }
    // Trashed items keep their slug (they can be restored), so they count as taken.
    const { totalDocs } = await req.payload.count({ collection, where: where as never, trash: true, overrideAccess: true, req })
    if (totalDocs === 0) return candidate
  }
}
