import type { CustomOperation } from '../openapi/customOperations'

/** The participants page's endpoints as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const filterParams = [
  { name: 'status', in: 'query', required: false, schema: { type: 'string' }, description: 'Comma-separated: confirmed, pending_payment, waitlisted, cancelled, refunded.' },
  { name: 'paymentStatus', in: 'query', required: false, schema: { type: 'string' }, description: 'Comma-separated: not_required, pending, paid, failed, refunded.' },
  { name: 'attended', in: 'query', required: false, schema: { type: 'boolean' } },
  { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Part of a name, email or company; accents and case ignored.' },
  { name: 'session', in: 'query', required: false, schema: { type: 'string', maxLength: 64 }, description: 'A course session id: each row gains `session: { present, minutesAttended, source, recordedAt }`, and the CSV becomes that session’s attendance sheet.' },
]
const refusals = (who: string) => ({
  '400': { description: 'Invalid input; each error names its field. Nothing is written.', content: errors },
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: who, content: errors },
  '404': { description: 'Unknown id.', content: errors },
})
const VIEWERS = 'Not an admin, editor or sales, nor an instructor/speaker of this item.'

const operationsFor = (collection: 'webinars' | 'courses'): Record<string, CustomOperation> => ({
  [`GET /api/${collection}/{id}/participants`]: {
    registeredAs: collection,
    summary: 'The participants page: every enrollment of the item with its person, filtered',
    description: 'Staff who read all enrollments and the item’s own instructors. Rows oldest first, with `registeredAtText` in the item’s zone (named); `counts` per status before filters; `abilities` says what the caller may do.',
    tags: ['Participants'],
    security: 'user',
    parameters: [idParam, ...filterParams],
    responses: { '200': { description: '`{ item, abilities, counts, totalDocs, docs }`.', content: json({ type: 'object' }) }, ...refusals(VIEWERS) },
  },
  [`GET /api/${collection}/{id}/participants.csv`]: {
    registeredAs: collection,
    summary: 'The rows the participants page shows, as the enrollments CSV export',
    tags: ['Participants', 'Exports'],
    security: 'user',
    parameters: [idParam, ...filterParams, { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['es', 'en'] } }],
    responses: { '200': { description: 'CSV, the columns of `GET /api/enrollments/export.csv`.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...refusals(VIEWERS) },
  },
  [`POST /api/${collection}/{id}/participants/attendance`]: {
    registeredAs: collection,
    summary: 'Mark participants present or absent',
    description: 'Admins and the item’s instructors (the `attended` field rule). Every id must be this item’s and, to mark present, confirmed; otherwise a 400 and nothing is written.',
    tags: ['Participants'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json({ type: 'object', required: ['enrollmentIds', 'attended'], properties: { enrollmentIds: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 1000 }, attended: { type: 'boolean' } } }) },
    responses: { '200': { description: '`{ updated }`: how many changed.', content: json({ type: 'object', properties: { updated: { type: 'integer' } } }) }, ...refusals('Not an admin nor an instructor of this item.') },
  },
  [`POST /api/${collection}/{id}/participants/message`]: {
    registeredAs: collection,
    summary: '"Email these people": preview, a test to oneself, or send a one-off message',
    description: 'Admins, editors and sales. `message` is `{ es?: { subject, body }, en?: {…} }` (plain text; `{{firstName}}`, `{{lastName}}`, `{{title}}`, `{{startsAt}}`); each person gets their language when written, else the caller’s. `send` needs a `sendKey` (8–64 of `A-Za-z0-9_-`): the same key again sends nothing (`alreadySent: true`). The emails are queued by a job, in batches, through the email log (template `participants_message`).',
    tags: ['Participants'],
    security: 'user',
    parameters: [idParam],
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        required: ['mode', 'message'],
        properties: {
          mode: { type: 'string', enum: ['preview', 'test', 'send'] },
          audience: { type: 'object', properties: { status: { type: 'array', items: { type: 'string' } }, paymentStatus: { type: 'array', items: { type: 'string' } }, attended: { type: 'boolean' }, q: { type: 'string' }, enrollmentIds: { type: 'array', items: { type: 'integer' } } } },
          message: { type: 'object' },
          sendKey: { type: 'string' },
        },
      }),
    },
    responses: {
      '200': { description: 'preview: `{ recipients, byLanguage, sample, rendered }`; test: `{ to, sent }`; send repeated: `{ queued: false, alreadySent: true, recipients }`.', content: json({ type: 'object' }) },
      '202': { description: 'send: `{ queued: true, alreadySent: false, recipients }`.', content: json({ type: 'object' }) },
      ...refusals('Not an admin, editor or sales.'),
    },
  },
})

export const participantsOperations: Record<string, CustomOperation> = { ...operationsFor('webinars'), ...operationsFor('courses') }
