import { APIError, type Endpoint } from 'payload'

import { manualPaymentAnswer } from '../../../commerce/manualPayments/answer'
import { parseManualEntry } from '../../../commerce/manualPayments/entryInput'
import { recordPaymentForEnrollment } from '../../../commerce/manualPayments/forEnrollment'
import { assertMayRecordMoney } from '../../../commerce/manualPayments/staffOnly'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'

/**
 * `POST /api/enrollments/:id/record-payment {method, reference, receivedOn, amount, note}` (admins and sales):
 * money for an enrollment waiting for payment, including a paid seat staff created by hand, which has no
 * payment yet (one is created). Same rules and answer as `POST /api/payments/:id/record-manual`.
 */
export const recordPaymentEndpoint: Endpoint = {
  path: '/:id/record-payment',
  method: 'post',
  handler: async (req) => {
    assertMayRecordMoney(req)
    const id = routeId(req)
    const enrollment = await req.payload.findByID({ collection: 'enrollments', id, depth: 0, overrideAccess: true, disableErrors: true, req, select: { currency: true } })
    if (!enrollment) throw new APIError('Not Found', 404, undefined, true)
    const entry = await parseManualEntry(req, await readJsonBody(req), String(enrollment.currency))
    return Response.json(manualPaymentAnswer(await recordPaymentForEnrollment(req, id, entry)))
  },
}
