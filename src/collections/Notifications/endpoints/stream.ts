import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { notificationStreamResponse } from '../../../notifications/stream/sseResponse'
import { notificationOwner } from './caller'

/** EventSource sends the header on its own reconnects; a page opening a fresh EventSource can only use the query. */
function lastEventIdOf(req: PayloadRequest): number | null {
  const raw = req.headers.get('last-event-id') ?? new URL(req.url ?? 'http://localhost').searchParams.get('lastEventId')
  if (raw === null || raw.trim() === '') return null
  if (!/^\d{1,10}$/.test(raw.trim()) || Number(raw) > 2_147_483_647) {
    throw new ValidationError({
      collection: 'notifications',
      errors: [{ path: 'lastEventId', message: 'Last-Event-ID debe ser el id de una notificación. / Last-Event-ID must be a notification id.' }],
    })
  }
  return Number(raw)
}

/** `GET /api/notifications/stream`: Server-Sent Events for the logged-in user (src/notifications/stream). */
export const notificationStreamEndpoint: Endpoint = {
  path: '/stream',
  method: 'get',
  handler: async (req) => {
    const user = notificationOwner(req)
    const lastEventId = lastEventIdOf(req)
    return notificationStreamResponse(req.payload, user, { lastEventId, signal: (req as unknown as Request).signal })
  },
}
