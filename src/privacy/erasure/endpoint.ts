import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { checkRole } from '../../access'
import { parseInput } from '../../endpoints/parseInput'
import { readJsonBody } from '../../endpoints/readJsonBody'
import { say } from '../../i18n/say'
import { parseDocumentId } from '../../utilities/documentId'
import { erasePerson, type ErasureSubject } from './erasePerson'

const invalid = (path: string, message: string) => new ValidationError({ errors: [{ path, message }] })

/** The caller must be a logged-in admin. */
export function requireAdmin(req: PayloadRequest): void {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión.', en: 'Log in first.' }), 401, undefined, true)
  if (!checkRole(['admin'], req.user)) throw new APIError(say(req, { es: 'Solo un administrador puede hacer esto.', en: 'Only an admin can do this.' }), 403, undefined, true)
}

/** `confirm: true`, exactly: an erasure cannot be undone, so it is never the default of a missing field. */
export function requireConfirm(req: PayloadRequest, body: Record<string, unknown>): void {
  if (body.confirm !== true) throw invalid('confirm', say(req, { es: 'Confirma el borrado con confirm: true; no se puede deshacer.', en: 'Confirm with confirm: true; this cannot be undone.' }))
}

function subjectFrom(req: PayloadRequest, body: Record<string, unknown>): ErasureSubject {
  const { email } = parseInput({ email: body.email }, { email: { kind: 'email' } })
  const user = body.user === undefined || body.user === null || body.user === '' ? undefined : parseDocumentId(body.user)
  if (user === null) throw invalid('user', say(req, { es: 'user debe ser el id de una cuenta (un número entero).', en: 'user must be an account id (a whole number).' }))
  if (user !== undefined && email !== undefined) throw invalid('email', say(req, { es: 'Indica user o email, no ambos.', en: 'Give user or email, not both.' }))
  if (user === undefined && email === undefined) throw invalid('user', say(req, { es: 'Indica user (id de la cuenta) o email.', en: 'Give user (the account id) or email.' }))
  // Erasing oneself would lock the admin out mid-request and leave nobody answerable for it.
  if (user !== undefined && user === req.user?.id) throw invalid('user', say(req, { es: 'No puedes borrar tus propios datos.', en: 'You cannot erase yourself.' }))
  if (email !== undefined && email === String(req.user?.email ?? '').toLowerCase()) throw invalid('email', say(req, { es: 'No puedes borrar tus propios datos.', en: 'You cannot erase yourself.' }))
  return user !== undefined ? { userId: user } : { email }
}

/**
 * `POST /api/privacy/erase` `{ user: id | email: address, confirm: true, reason? }` (admins): erases the
 * person (src/privacy/erasure/erasePerson.ts) and answers with the counts. 404 when nothing is held.
 */
export const eraseEndpoint: Endpoint = {
  path: '/privacy/erase',
  method: 'post',
  handler: async (req) => {
    requireAdmin(req)
    const body = await readJsonBody(req)
    const subject = subjectFrom(req, body)
    const { reason } = parseInput({ reason: body.reason }, { reason: { kind: 'string', maxLength: 500 } })
    requireConfirm(req, body)
    const summary = await erasePerson(req, subject, reason)
    return Response.json({ message: say(req, { es: `Datos borrados. La persona figura ahora como ${summary.pseudonym}.`, en: `Erased. The person now appears as ${summary.pseudonym}.` }), summary })
  },
}
