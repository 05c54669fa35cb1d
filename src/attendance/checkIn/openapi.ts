import type { CustomOperation } from '../../openapi/customOperations'

/** Self check-in, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const html = { 'text/html': { schema: { type: 'string' } } }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const sessionParam = { name: 'sessionId', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } }
const codeParam = { name: 'code', in: 'query', required: false, schema: { type: 'string', pattern: '^[0-9]{6}$' }, description: 'Prefills the form (the QR carries it).' }

const checkIn = (collection: 'courses' | 'webinars', parameters: Record<string, unknown>[]): CustomOperation => ({
  registeredAs: collection,
  summary: 'Check in with the session’s code (a logged-in student with a confirmed enrollment)',
  description:
    'JSON `{ code }` → 201 `{ result: "recorded", present: true }` (200 `unchanged` when already present), source `check_in`. The code is valid from 15 minutes before the start until the end. A form post (`application/x-www-form-urlencoded`: `code`, and `email` + `password` when not logged in) from the check-in page answers with that page and, after a login, the session cookie; a form from another origin is a 403. Attempts are limited per person (10) and per address (300) per 10 minutes.',
  tags: ['Attendance'],
  security: 'user',
  parameters,
  requestBody: { required: true, content: { ...json({ type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } }, required: ['code'] }), 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } },
  responses: {
    '200': { description: 'Already marked present (or the page, for a form post).', content: { ...json({ type: 'object' }), ...html } },
    '201': { description: 'Marked present.', content: json({ type: 'object', properties: { result: { type: 'string' }, present: { type: 'boolean' }, sessionId: { type: ['string', 'null'] } } }) },
    '400': { description: 'Wrong code (`code`), or not 6 digits.', content: errors },
    '401': { description: 'Not logged in (or a wrong email/password on the page).', content: errors },
    '403': { description: 'No confirmed enrollment of the caller in this item.', content: errors },
    '404': { description: 'Unknown item or session.', content: errors },
    '409': { description: 'Check-in has not opened yet (the message says when), or the item was cancelled.', content: errors },
    '410': { description: 'The code expired: the session is over.', content: errors },
    '429': { description: 'Too many attempts; `data.retryAfterSeconds`.', content: errors },
  },
})

const page = (collection: 'courses' | 'webinars', parameters: Record<string, unknown>[]): CustomOperation => ({
  registeredAs: collection,
  summary: 'The check-in page the QR opens (HTML, no script)',
  tags: ['Attendance'],
  security: 'anyone',
  parameters,
  responses: { '200': { description: 'A form for the code (and a login when needed).', content: html }, '404': { description: 'Unknown item or session.', content: html } },
})

const staffCode = (collection: 'courses' | 'webinars', parameters: Record<string, unknown>[]): CustomOperation => ({
  registeredAs: collection,
  summary: 'The session’s check-in code, its window and a QR of the check-in page (for the roster screen)',
  tags: ['Attendance'],
  security: 'user',
  parameters,
  responses: {
    '200': {
      description: '`{ code, state: open|not_open|closed, opensAt, closesAt, opensAtText, closesAtText, url, qr }`; `qr` is a PNG data URL of `url`.',
      content: json({ type: 'object' }),
    },
    '401': { description: 'Not logged in.', content: errors },
    '403': { description: 'Not an admin nor an instructor of this session.', content: errors },
    '404': { description: 'Unknown item or session.', content: errors },
  },
})

export const checkInOperations: Record<string, CustomOperation> = {
  'POST /api/courses/{id}/sessions/{sessionId}/check-in': checkIn('courses', [idParam, sessionParam]),
  'GET /api/courses/{id}/sessions/{sessionId}/check-in': page('courses', [idParam, sessionParam, codeParam]),
  'GET /api/courses/{id}/sessions/{sessionId}/check-in-code': staffCode('courses', [idParam, sessionParam]),
  'POST /api/webinars/{id}/check-in': checkIn('webinars', [idParam]),
  'GET /api/webinars/{id}/check-in': page('webinars', [idParam, codeParam]),
  'GET /api/webinars/{id}/check-in-code': staffCode('webinars', [idParam]),
}
