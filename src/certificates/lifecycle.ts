import { APIError, createLocalReq, NotFound, type Payload, type PayloadRequest } from 'payload'

import { inTransaction, sql, sqlFor } from '../enrollment/transaction'
import { say } from '../i18n/say'

type Doc = Record<string, any>

/** Runs `work` in the caller's transaction, or in one of its own when called without a request (seed, scripts). */
export async function withRequest<T>(payload: Payload, req: PayloadRequest | undefined, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const request = req ?? (await createLocalReq({}, payload))
  return inTransaction(request, () => work(request))
}

/** A certificate's row, locked until the transaction ends (revoke and reissue must not interleave). */
export async function lockCertificate(req: PayloadRequest, certificateId: number): Promise<Doc> {
  const id = Number(certificateId)
  if (!Number.isInteger(id) || id <= 0) throw new NotFound(req.t)
  const db = await sqlFor(req)
  const { rows } = await db.execute(sql`SELECT id FROM certificates WHERE id = ${id} FOR UPDATE`)
  if (!rows.length) throw new NotFound(req.t)
  return req.payload.findByID({ collection: 'certificates', id, depth: 0, overrideAccess: true, req })
}

export const alreadyRevoked = (req: PayloadRequest) =>
  new APIError(say(req, { es: 'Este certificado ya está revocado.', en: 'This certificate is already revoked.' }), 409, undefined, true)
