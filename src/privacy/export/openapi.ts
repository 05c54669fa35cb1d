import type { CustomOperation } from '../../openapi/customOperations'

const errors = { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } }
const zip = { 'application/zip': { schema: { type: 'string', format: 'binary' } } }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }

/** Personal-data export endpoints (src/privacy/export), as OpenAPI entries (spread into src/openapi/customOperations.ts). */
export const privacyExportOperations: Record<string, CustomOperation> = {
  'GET /api/privacy/export': {
    registeredAs: 'root',
    summary: 'Export everything Aula holds about a person (admins)',
    description:
      'A zip: `datos.json` (profile, enrollments, bookings, payments, receipts, certificates, attendance, feedback, emails sent, leads and interactions, consents, notifications, audit entries) plus `certificados/*.pdf` and `recibos/*.pdf`. Exactly one of `user` and `email`; an address with an account is that account. Recorded in the audit log as `export` (docs/privacy.md).',
    tags: ['Privacy'],
    security: 'user',
    parameters: [
      { name: 'user', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'An account id.' },
      { name: 'email', in: 'query', required: false, schema: { type: 'string', format: 'email', maxLength: 254 }, description: 'An address: a lead without an account, or an account by its email.' },
    ],
    responses: {
      '200': { description: '`aula-datos-<id>.zip` (`Cache-Control: private, no-store`).', content: zip },
      '400': { description: 'Neither or both parameters, given twice, or malformed; the error names it.', content: errors },
      '401': { description: 'Not logged in.', content: errors },
      '403': { description: 'Not an admin.', content: errors },
      '404': { description: 'Aula holds nothing about that id or address.', content: errors },
    },
  },
  'POST /api/privacy/my-export': {
    registeredAs: 'root',
    summary: 'Ask for a copy of one’s own data (logged in)',
    description: 'Builds the same zip in the background and emails a link (`privacy_export_ready`) that downloads only with the person’s login; the copy expires after 7 days. One request per hour.',
    tags: ['Privacy'],
    security: 'user',
    responses: {
      '202': { description: '`{ id, status: "pending", message }`: the `privacy-exports` row being prepared.', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, message: { type: 'string' } } } } } },
      '401': { description: 'Not logged in.', content: errors },
      '429': { description: 'Already asked within the hour; see `Retry-After`.', content: errors },
    },
  },
  'GET /api/privacy-exports/{id}/download': {
    registeredAs: 'privacy-exports',
    summary: 'Download one’s own data export (the emailed link)',
    description: 'Its owner and admins; anyone else gets the same 404 as for a missing one.',
    tags: ['Privacy'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`aula-datos-<id>.zip`.', content: zip },
      '401': { description: 'Not logged in.', content: errors },
      '404': { description: 'Unknown, or not yours.', content: errors },
      '409': { description: 'Still being prepared.', content: errors },
      '410': { description: 'Expired (deleted by the daily job soon after).', content: errors },
    },
  },
}
