import { APIError, type PayloadRequest } from 'payload'

import { checkRole } from '../../../access'
import { say } from '../../../i18n/say'

/** Staff lead actions are for admins and sales; the row rules then decide which leads. */
export function requireLeadWorker(req: PayloadRequest) {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para trabajar con prospectos.', en: 'Log in to work with leads.' }), 401, undefined, true)
  if (!checkRole(['admin', 'sales'], req.user)) throw new APIError(say(req, { es: 'Solo administración y ventas trabajan con prospectos.', en: 'Only admins and sales work with leads.' }), 403, undefined, true)
  return req.user
}

/** A lead the caller may read and so update (both rules are `readOrUpdateLeads`), or 404 (not 403: a sales user does not learn that a colleague's lead exists). */
export async function findWorkableLead(req: PayloadRequest, id: number) {
  const { docs } = await req.payload.find({
    collection: 'leads',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  if (!docs[0]) throw new APIError(say(req, { es: `No hay un prospecto con id ${id} con el que puedas trabajar.`, en: `There is no lead with id ${id} that you can work on.` }), 404, undefined, true)
  return docs[0]
}
