import type { PayloadRequest } from 'payload'

import { normalize } from './diff'
import { recordAudit } from './record'
import type { AuditChange } from './types'

type Values = Record<string, unknown>

/** The keys whose values differ, for writes made below Payload's hooks that know both sides already. */
export function changedValues(before: Values, after: Values): AuditChange[] {
  return Object.keys(after)
    .map((field) => ({ field, from: normalize(before[field]), to: normalize(after[field]) }))
    .filter((change) => JSON.stringify(change.from) !== JSON.stringify(change.to))
}

/**
 * The audit entry of an update written with raw SQL on an audited collection (src/attendance,
 * src/feedback, campaigns' status changes): the caller passes what it wrote and what was there,
 * so recording costs the one INSERT and no read.
 */
export async function recordRawUpdate(
  req: PayloadRequest,
  collectionSlug: string,
  documentId: number | string,
  before: Values,
  after: Values,
  personId?: number | null,
): Promise<void> {
  const changes = changedValues(before, after)
  if (changes.length) await recordAudit(req, { action: 'update', collectionSlug, documentId, personId: personId ?? null, changes })
}
