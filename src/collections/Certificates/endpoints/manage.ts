import { APIError, type Endpoint, Forbidden, type PayloadRequest } from 'payload'

import { issueCertificate, reissueCertificate, revokeCertificate } from '../../../certificates/issue'
import { REVOKE_REASON_MAX } from '../../../certificates/revoke'
import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { say } from '../../../i18n/say'
import { managesCertificates } from '../access'

function requireManager(req: PayloadRequest): number {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para gestionar certificados.', en: 'Log in to manage certificates.' }), 401, undefined, true)
  if (!managesCertificates(req.user)) throw new Forbidden(req.t)
  return req.user.id as number
}

/** `POST /api/certificates/issue` `{enrollment, note}` (admins): a certificate by hand, for any confirmed enrollment. */
export const issueEndpoint: Endpoint = {
  path: '/issue',
  method: 'post',
  handler: async (req) => {
    const issuedBy = requireManager(req)
    const input = parseInput(await readJsonBody(req), { enrollment: { kind: 'id', required: true }, note: { kind: 'string', required: true, maxLength: 1000 } }, 'certificates')
    const doc = await issueCertificate(req.payload, { enrollmentId: input.enrollment, note: input.note, issuedBy }, req)
    return Response.json({ message: say(req, { es: 'Certificado emitido.', en: 'Certificate issued.' }), doc }, { status: 201 })
  },
}

/** `POST /api/certificates/:id/revoke` `{reason}` (admins). */
export const revokeEndpoint: Endpoint = {
  path: '/:id/revoke',
  method: 'post',
  handler: async (req) => {
    const revokedBy = requireManager(req)
    const id = routeId(req)
    const { reason } = parseInput(await readJsonBody(req), { reason: { kind: 'string', required: true, maxLength: REVOKE_REASON_MAX } }, 'certificates')
    const doc = await revokeCertificate(req.payload, { certificateId: id, reason, revokedBy }, req)
    return Response.json({ message: say(req, { es: 'Certificado revocado.', en: 'Certificate revoked.' }), doc })
  },
}

/** `POST /api/certificates/:id/reissue` `{note?}` (admins): a corrected version, same number. */
export const reissueEndpoint: Endpoint = {
  path: '/:id/reissue',
  method: 'post',
  handler: async (req) => {
    const reissuedBy = requireManager(req)
    const id = routeId(req)
    const { note } = parseInput(await readJsonBody(req), { note: { kind: 'string', maxLength: 1000 } }, 'certificates')
    const doc = await reissueCertificate(req.payload, { certificateId: id, note, reissuedBy }, req)
    return Response.json({ message: say(req, { es: 'Certificado reemitido.', en: 'Certificate reissued.' }), doc })
  },
}
