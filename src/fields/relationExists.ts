import type { CollectionSlug, PayloadRequest } from 'payload'

import { say } from '../i18n/say'

interface Reference {
  collection: string | null
  id: unknown
}

const referencesIn = (value: unknown, relationTo: string | string[]): Reference[] => {
  const values = Array.isArray(value) ? value : [value]
  return values
    .filter((each) => each !== null && each !== undefined && each !== '')
    .map((each) =>
      each && typeof each === 'object' && 'relationTo' in each
        ? { collection: String(each.relationTo), id: (each as { value?: unknown }).value }
        : { collection: typeof relationTo === 'string' ? relationTo : null, id: each },
    )
}

const key = ({ collection, id }: Reference) => `${collection}:${String(id && typeof id === 'object' && 'id' in id ? id.id : id)}`

/**
 * Payload checks a relationship id's type but not that the document exists, so `"user": 99999999`
 * failed on the foreign key (500). Runs inside the field's validation, after the collection's own
 * hooks have had their say (an unknown webinar on register stays that endpoint's 404). Only what a
 * caller newly sends is looked up, one query per related collection: ids already stored on the
 * document, and server code acting with `overrideAccess` (it writes ids it has just read), cost nothing.
 */
export async function missingRelation(
  value: unknown,
  relationTo: string | string[],
  { req, previousValue, overrideAccess }: { req: PayloadRequest; previousValue?: unknown; overrideAccess?: boolean },
): Promise<string | null> {
  if (overrideAccess) return null
  const stored = new Set(referencesIn(previousValue, relationTo).map(key))
  const idsByCollection = new Map<string, number[]>()
  for (const reference of referencesIn(value, relationTo)) {
    const { collection, id } = reference
    if (!collection || typeof id !== 'number' || !Number.isSafeInteger(id) || stored.has(key(reference))) continue
    idsByCollection.set(collection, [...(idsByCollection.get(collection) ?? []), id])
  }
  for (const [collection, ids] of idsByCollection) {
    const wanted = [...new Set(ids)]
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: wanted } },
      select: {},
      depth: 0,
      limit: wanted.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const found = new Set(docs.map((doc) => doc.id))
    const missing = wanted.find((id) => !found.has(id))
    if (missing !== undefined) return say(req, { es: `No existe ${collection} con id ${missing}.`, en: `There is no ${collection} with id ${missing}.` })
  }
  return null
}
