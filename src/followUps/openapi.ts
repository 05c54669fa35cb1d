import type { CustomOperation } from '../openapi/customOperations'

/** Follow-ups after a webinar or course, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const status = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['scheduled', 'on_hold', 'released', 'sent', 'skipped'] },
    statusLabel: { type: 'string', description: 'The status in the caller’s admin language.' },
    dueAt: { type: ['string', 'null'], format: 'date-time', description: 'The item’s end plus its `followUpDelayHours`.' },
    dueAtText: { type: 'string', description: '`dueAt` in the item’s zone, naming it.' },
    changedAt: { type: ['string', 'null'], format: 'date-time' },
    changedAtText: { type: 'string' },
    confirmed: { type: 'integer', description: 'Confirmed people now: who a release writes to.' },
    sent: { type: ['integer', 'null'], description: 'People handled when the follow-up was sent.' },
    attendanceRecorded: { type: 'boolean' },
    summary: { type: 'string', description: 'One sentence for staff, in their admin language.' },
  },
}
const refusals = (who: string) => ({
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: who, content: errors },
  '404': { description: 'Unknown id.', content: errors },
})

const operationsFor = (collection: 'webinars' | 'courses'): Record<string, CustomOperation> => ({
  [`GET /api/${collection}/{id}/follow-ups`]: {
    registeredAs: collection,
    summary: 'Where the follow-up emails after the item stand',
    description:
      'Staff who see the participants (admins, editors, sales, the item’s instructors). `scheduled` until the end plus the delay; then attendees get `followup_attended` and the other confirmed people `followup_missed`; with no attendance recorded the item is `on_hold` and nothing is sent (docs/decisions/0013-follow-ups.md).',
    tags: ['Catalog'],
    security: 'user',
    parameters: [idParam],
    responses: { '200': { description: 'The follow-up state, read fresh.', content: json(status) }, ...refusals('Not staff who see this item’s participants.') },
  },
  [`POST /api/${collection}/{id}/follow-ups/release`]: {
    registeredAs: collection,
    summary: 'Release a follow-up on hold: everyone confirmed gets `followup_released`',
    description:
      'Admins, editors and sales. Only from `on_hold` (no attendance recorded): the item becomes `released` and a `sendFollowUps` job for it is queued at once. The email presumes neither presence nor absence. Each person gets one follow-up ever (dedupe key `followup:<enrollment id>`).',
    tags: ['Catalog'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '202': { description: 'Released; `message` says so, with the state.', content: json({ ...status, properties: { ...status.properties, message: { type: 'string' } } }) },
      ...refusals('Not an admin, editor or sales.'),
      '409': { description: 'Not on hold (still scheduled, already released or sent); the message says which.', content: errors },
    },
  },
})

export const followUpOperations: Record<string, CustomOperation> = { ...operationsFor('webinars'), ...operationsFor('courses') }
