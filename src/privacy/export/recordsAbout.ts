import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { Doc } from './types'
import { withoutSecrets } from './withoutSecrets'

const all = { pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' } as const

/** Rows of a collection this deployment may not have yet (the audit log and notifications came later); none when it has not. */
async function rowsOf(req: PayloadRequest, collection: string, where: Where): Promise<Doc[]> {
  if (!req.payload.collections[collection as CollectionSlug]) return []
  const { docs } = await req.payload.find({ collection: collection as CollectionSlug, where, ...all, req })
  return docs as Doc[]
}

/** The admin notifications addressed to their account. */
export const notificationsOf = async (req: PayloadRequest, userId: number | null): Promise<Doc[]> =>
  userId === null ? [] : (await rowsOf(req, 'notifications', { recipient: { equals: userId } })).map(withoutSecrets)

/**
 * Audit entries about them: those naming them as the person (their account, enrollments, payments,
 * receipts, certificates) and those of their leads. Who acted and from where is part of the entry.
 */
export async function auditEntriesAbout(req: PayloadRequest, userId: number | null, leadIds: number[]): Promise<Doc[]> {
  const or: Where[] = [
    ...(userId !== null ? [{ person: { equals: userId } }, { and: [{ collectionSlug: { equals: 'users' } }, { documentId: { equals: String(userId) } }] }] : []),
    ...(leadIds.length ? [{ and: [{ collectionSlug: { equals: 'leads' } }, { documentId: { in: leadIds.map(String) } }] }] : []),
  ]
  if (!or.length) return []
  return (await rowsOf(req, 'audit-log', { or })).map(withoutSecrets)
}
