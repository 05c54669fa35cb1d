import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { idOf } from '../../../crm/ids'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { register } from '../../../enrollment/register'
import { inTransaction } from '../../../enrollment/transaction'
import { say } from '../../../i18n/say'
import { publicEnrollment } from '../../Enrollments/endpoints/publicEnrollment'
import { parseItemRef } from './captureInput'
import { findWorkableLead, requireLeadWorker } from './requireLeadWorker'

/**
 * `POST /api/leads/:id/convert` `{item: {relationTo, value}}`: enrolls a won lead's person in a
 * course or webinar through the enrollment engine, so capacity, waitlist and duplicate rules are
 * exactly the website's (a full item waitlists; an existing enrollment is a 409). The enrollment
 * is recorded on the lead in the same transaction.
 */
export const convertEndpoint: Endpoint = {
  path: '/:id/convert',
  method: 'post',
  handler: async (req) => {
    requireLeadWorker(req)
    const id = routeId(req)
    const body = await readJsonBody(req)
    const item = parseItem(body.item, req)
    const enrollment = await inTransaction(req, async () => {
      const lead = await findWorkableLead(req, id)
      if (lead.stage !== 'won') throw new APIError(say(req, { es: 'Solo se puede convertir un prospecto ganado: márcalo como ganado primero.', en: 'Only a won lead can be converted: mark it won first.' }), 409, undefined, true)
      const person = { email: lead.email, firstName: lead.firstName, lastName: lead.lastName, phone: lead.phone ?? undefined, company: lead.company ?? undefined }
      const result = await register(req, { collection: item.relationTo, itemId: item.value, person, source: 'admin' })
      const enrollments = [...(lead.enrollments ?? []).map(idOf), result.enrollment.id as number]
      await req.payload.update({ collection: 'leads', id, data: { enrollments: enrollments as number[] }, overrideAccess: true, depth: 0, req })
      return result.enrollment
    })
    return Response.json({ message: say(req, { es: `Prospecto ${id} convertido.`, en: `Lead ${id} converted.` }), enrollment: await publicEnrollment(req, enrollment, { ownView: true }) }, { status: 201 })
  },
}

function parseItem(raw: unknown, req: PayloadRequest) {
  const item = parseItemRef(raw, 'item')
  if (!item) {
    const message = say(req, { es: 'Elige un curso o webinar: item {"relationTo": "courses" | "webinars", "value": <id>}.', en: 'item is required: {"relationTo": "courses" | "webinars", "value": <id>}.' })
    throw new ValidationError({ collection: 'leads', errors: [{ path: 'item', message }] }, req.t)
  }
  return item
}
