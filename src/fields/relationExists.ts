import type { CollectionSlug, PayloadRequest } from 'payload'

const idsOf = (value: unknown): { relationTo?: string; id: unknown }[] => {
  const values = Array.isArray(value) ? value : [value]
  return values
    .filter((each) => each !== null && each !== undefined && each !== '')
    .map((each) => (each && typeof each === 'object' && 'relationTo' in each ? { relationTo: String(each.relationTo), id: (each as { value?: unknown }).value } : { id: each }))
}

/**
 * Payload checks a relationship id's type but not that the document exists, so `"user": 99999999`
 * failed on the foreign key (500). Runs inside the field's validation, after the collection's own
 * hooks have had their say (an unknown webinar on register stays that endpoint's 404).
 */
export async function missingRelation(value: unknown, relationTo: string | string[], req: PayloadRequest): Promise<string | null> {
  for (const { relationTo: chosen, id } of idsOf(value)) {
    const collection = chosen ?? (typeof relationTo === 'string' ? relationTo : null)
    if (!collection || typeof id !== 'number' || !Number.isSafeInteger(id)) continue
    const { totalDocs } = await req.payload.count({ collection: collection as CollectionSlug, where: { id: { equals: id } }, overrideAccess: true, req })
    if (totalDocs === 0) return `There is no ${collection} with id ${id}.`
  }
  return null
}
