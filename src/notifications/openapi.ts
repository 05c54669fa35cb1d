import type { CustomOperation } from '../openapi/customOperations'

const errors = { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } }

/** The notifications endpoints (src/collections/Notifications/endpoints), spread into src/openapi/customOperations.ts. */
export const notificationOperations: Record<string, CustomOperation> = {
  'GET /api/notifications/unread-count': {
    registeredAs: 'notifications',
    summary: 'How many of my notifications are unread',
    description: 'The bell’s badge, and its fallback while the stream is down (docs/notifications.md).',
    tags: ['Notifications'],
    security: 'user',
    responses: {
      '200': { description: '`{ unread }`', content: { 'application/json': { schema: { type: 'object', properties: { unread: { type: 'integer' } } } } } },
      '401': { description: 'Not logged in.', content: errors },
    },
  },
  'POST /api/notifications/mark-all-read': {
    registeredAs: 'notifications',
    summary: 'Mark all my notifications read',
    description: 'Only the caller’s own unread ones, read now. GraphQL: `mutation { markAllNotificationsRead { updated } }`.',
    tags: ['Notifications'],
    security: 'user',
    responses: {
      '200': { description: '`{ updated }`: how many were unread.', content: { 'application/json': { schema: { type: 'object', properties: { updated: { type: 'integer' } } } } } },
      '401': { description: 'Not logged in.', content: errors },
    },
  },
  'GET /api/notifications/stream': {
    registeredAs: 'notifications',
    summary: 'My notifications as they happen (Server-Sent Events)',
    description:
      '`text/event-stream`: `event: unread` (`{"unread":N}`) on connect and after each batch; `event: notification` with `id:` the notification id and `data:` the document as REST returns it (depth 0). Heartbeat comment every 20 s; the server ends the stream after 15 minutes and `EventSource` reconnects. `Last-Event-ID` (header) or `lastEventId` (query) first replays my notifications with a greater id. Works across app instances (PostgreSQL LISTEN/NOTIFY; ADR 0027).',
    tags: ['Notifications'],
    security: 'user',
    parameters: [
      { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Sent by EventSource when it reconnects.' },
      { name: 'lastEventId', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'The same, for a fresh EventSource that remembers the last id.' },
    ],
    responses: {
      '200': { description: 'The event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      '400': { description: 'The last event id is not a notification id; the error names `lastEventId`.', content: errors },
      '401': { description: 'Not logged in.', content: errors },
    },
  },
}
