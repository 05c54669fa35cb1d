import type { CustomOperation } from '../openapi/customOperations'

/** Cancelling a course or webinar, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const preview = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    status: { type: 'string' },
    people: { type: 'object', properties: { confirmed: { type: 'integer' }, pending_payment: { type: 'integer' }, waitlisted: { type: 'integer' }, total: { type: 'integer' } } },
    refunds: {
      type: 'object',
      properties: {
        count: { type: 'integer' },
        amounts: { type: 'array', items: { type: 'object', properties: { currency: { type: 'string' }, amount: { type: 'number' } } } },
      },
    },
    summary: { type: 'string', description: 'The same numbers as one sentence in the caller’s admin language.' },
  },
}
const refusals = {
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: 'Not an admin or editor.', content: errors },
  '404': { description: 'Unknown id, or one the caller cannot read.', content: errors },
}

const operationsFor = (collection: 'webinars' | 'courses'): Record<string, CustomOperation> => ({
  [`GET /api/${collection}/{id}/cancellation`]: {
    registeredAs: collection,
    summary: 'What cancelling would do now: people by status and the refunds per currency',
    description: 'Admins and editors. Counts the active enrollments (confirmed, pending_payment, waitlisted) and the succeeded payments that would be refunded. After a cancellation it shows what is still left to cancel.',
    tags: ['Catalog'],
    security: 'user',
    parameters: [idParam],
    responses: { '200': { description: 'The preview.', content: json(preview) }, ...refusals },
  },
  [`POST /api/${collection}/{id}/cancel`]: {
    registeredAs: collection,
    summary: 'Cancel the item: its enrollments end and paid ones are refunded, in the job queue',
    description:
      'Body `{ reason, confirm: { people, refunds } }` with the `people.total` and `refunds.count` the caller saw in the preview. If they no longer match: 409 with the fresh numbers, nothing changed. Otherwise the item becomes `cancelled` and the `cancelItemEnrollments` job is queued (batches of 50): every active enrollment is cancelled with the reason (notice with a calendar cancellation, reminders dropped, waitlist cleared, nobody promoted), open Checkout Sessions are expired and each succeeded payment gets a `refundPayment` job.',
    tags: ['Catalog'],
    security: 'user',
    parameters: [idParam],
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        required: ['reason', 'confirm'],
        properties: {
          reason: { type: 'string', maxLength: 500 },
          confirm: { type: 'object', required: ['people', 'refunds'], properties: { people: { type: 'integer', minimum: 0 }, refunds: { type: 'integer', minimum: 0 } } },
        },
      }),
    },
    responses: {
      '202': { description: 'Cancelled; the enrollments are being cancelled in the background. The preview as it was, plus `message`.', content: json(preview) },
      '400': { description: 'Invalid input; each error names its field (`reason`, `confirm.people`, `confirm.refunds`). Nothing is written.', content: errors },
      ...refusals,
      '409': { description: 'The numbers changed since the preview (the body carries the fresh ones), or the item is already cancelled. Nothing is written.', content: errors },
    },
  },
})

export const cancellationOperations: Record<string, CustomOperation> = { ...operationsFor('courses'), ...operationsFor('webinars') }
