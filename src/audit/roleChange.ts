import type { PayloadRequest } from 'payload'

import { recordAudit } from './record'

type Doc = Record<string, unknown>

const rolesOf = (doc: Doc | null): string[] => (Array.isArray(doc?.roles) ? (doc.roles as string[]).map(String).sort() : [])

/**
 * Granting or taking a role is the change an administrator is asked about first, so it gets an
 * entry of its own beside the update's diff: on create when the account starts with more than
 * the student role, on update whenever the roles differ.
 */
export async function recordRoleChange(req: PayloadRequest, doc: Doc, before: Doc | null): Promise<void> {
  const from = rolesOf(before)
  const to = rolesOf(doc)
  if (before && (!Array.isArray(doc.roles) || !Array.isArray(before.roles))) return
  if (JSON.stringify(from) === JSON.stringify(to)) return
  if (!before && to.every((role) => role === 'student')) return
  await recordAudit(req, { action: 'role_change', collectionSlug: 'users', documentId: doc.id as number, personId: Number(doc.id), changes: [{ field: 'roles', from: before ? from : null, to }] })
}
