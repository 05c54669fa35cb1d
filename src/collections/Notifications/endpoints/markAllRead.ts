import type { Endpoint } from 'payload'

import { markAllRead } from '../../../notifications/unread'
import { notificationOwner } from './caller'

/** `POST /api/notifications/mark-all-read` → `{ updated }`: the caller's own unread notifications, read now. */
export const markAllReadEndpoint: Endpoint = {
  path: '/mark-all-read',
  method: 'post',
  handler: async (req) => {
    const user = notificationOwner(req)
    return Response.json({ updated: await markAllRead(req, Number(user.id)) }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
