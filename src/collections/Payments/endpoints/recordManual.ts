import { APIError, type Endpoint } from 'payload'

import { manualPaymentAnswer } from '../../../commerce/manualPayments/answer'
import { parseManualEntry } from '../../../commerce/manualPayments/entryInput'
import { recordManualPayment } from '../../../commerce/manualPayments/record'
import { assertMayRecordMoney } from '../../../commerce/manualPayments/staffOnly'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'

/**
 * `POST /api/payments/:id/record-manual {method, reference, receivedOn, amount, note}` (admins and sales;
 * the sidebar's "Registrar pago manual"): keeps the entry and, once the entries cover the amount, confirms
 * the seats (src/commerce/manualPayments/record.ts). 400 naming the field, 409 on a paid or refunded payment.
 */
export const recordManualEndpoint: Endpoint = {
  path: '/:id/record-manual',
  method: 'post',
  handler: async (req) => {
    assertMayRecordMoney(req)
    const id = routeId(req)
    const payment = await req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!payment) throw new APIError('Not Found', 404, undefined, true)
    const entry = await parseManualEntry(req, await readJsonBody(req), String(payment.currency))
    return Response.json(manualPaymentAnswer(await recordManualPayment(req, id, entry)))
  },
}
