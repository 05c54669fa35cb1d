import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { startPasswordReset } from '../../../accounts/passwordReset'

/**
 * Replaces Payload's own `POST /api/users/forgot-password` (a collection endpoint wins over the
 * built-in one): same body formats and answer, but the work runs after answering, so the answer
 * takes as long for an unknown email as for a real account (src/accounts/passwordReset.ts).
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    startPasswordReset(req, req.data?.email)
    return Response.json({ message: req.t('general:success') }, { status: 200 })
  },
}
