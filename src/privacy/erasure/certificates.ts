import type { PayloadRequest } from 'payload'

import { revokeCertificate } from '../../certificates/revoke'
import { sql, sqlFor } from '../../enrollment/transaction'
import { ERASURE_REVOKE_REASON, type Pseudonym } from './pseudonym'
import { inList, type PersonRecords } from './subject'

/**
 * Issued certificates are revoked (their numbers are never reused and the verification page says
 * why), name the pseudonym, and lose what carries the real name: the signed credential and the PDFs
 * (deleted from storage too).
 */
export async function revokeAndPseudonymiseCertificates(req: PayloadRequest, records: PersonRecords, pseudonym: Pseudonym): Promise<number> {
  if (!records.certificateIds.length) return 0
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM certificates WHERE id IN (${inList(records.certificateIds)}) AND status = 'valid' ORDER BY id`)
  for (const row of rows) {
    await revokeCertificate(req.payload, { certificateId: Number(row.id), reason: ERASURE_REVOKE_REASON, revokedBy: req.user?.id ?? null }, req)
  }
  await db.execute(sql`
    UPDATE certificates SET holder_name = ${pseudonym.fullName}, credential = NULL, note = NULL, pdf_id = NULL
    WHERE id IN (${inList(records.certificateIds)})`)
  await req.payload.delete({
    collection: 'certificate-files',
    where: { certificate: { in: records.certificateIds } },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return rows.length
}
