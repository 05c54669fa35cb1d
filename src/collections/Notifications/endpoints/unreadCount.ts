import type { Endpoint } from 'payload'

import { unreadCount } from '../../../notifications/unread'
import { notificationOwner } from './caller'

/** `GET /api/notifications/unread-count` → `{ unread }`: the bell's badge (and its fallback when the stream fails). */
export const unreadCountEndpoint: Endpoint = {
  path: '/unread-count',
  method: 'get',
  handler: async (req) => {
    const user = notificationOwner(req)
    return Response.json({ unread: await unreadCount(req.payload, Number(user.id)) }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
