import type { Endpoint } from 'payload'

import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { cancelAsCaller, readAsCaller } from '../../../enrollment/cancel'

/** `POST /api/enrollments/:id/cancel` `{reason?}`: the owner or staff end an enrollment; its seat goes to the waitlist. */
export const cancelEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    const { reason } = parseInput(await readJsonBody(req), { reason: { kind: 'string', maxLength: 500 } }, 'enrollments')
    await cancelAsCaller(req, id, reason)
    const doc = await readAsCaller(req, id)
    return Response.json({ message: 'Enrollment cancelled.', doc }, { status: 200 })
  },
}
