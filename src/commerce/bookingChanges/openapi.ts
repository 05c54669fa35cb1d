import type { CustomOperation } from '../../openapi/customOperations'

/** Replacing a group attendee and the buyer's signed link, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const html = { 'text/html': { schema: { type: 'string' } } }
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const tokenParam = { name: 'token', in: 'query', required: true, schema: { type: 'string' }, description: 'From the buyer\'s `manageUrl` (group_booking_confirmed email).' }
const attendee = { type: 'object', required: ['email', 'firstName', 'lastName'], properties: { email: { type: 'string', format: 'email' }, firstName: { type: 'string', maxLength: 100 }, lastName: { type: 'string', maxLength: 100 } } }

export const bookingChangeOperations: Record<string, CustomOperation> = {
  'POST /api/bookings/{id}/replace-attendee': {
    registeredAs: 'bookings',
    summary: 'Give one attendee’s seat to another person, before the start (staff, the buyer, or the signed link)',
    description:
      'Staff (admin, editor, sales), the booking’s buyer logged in, or anyone sending the signed link’s `token` (body or query). One transaction: the old enrollment ends (`replacedBy`), the new one takes the same seat, price and payment (`replaces`); the waiting list is not offered the seat. The old person gets `booking_attendee_replaced` with a calendar cancellation, the new one the normal confirmation. docs/decisions/0022-replacing-an-attendee.md.',
    tags: ['Registration'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json({ type: 'object', required: ['enrollmentId', 'attendee'], properties: { enrollmentId: { type: 'integer' }, attendee, token: { type: 'string' } } }) },
    responses: {
      '200': { description: '`{ message, replaced: {id, email}, enrollment: {id, status, email}, enrollments: [{id, status, email}] }`.', content: json({ type: 'object' }) },
      '400': { description: 'Invalid input, each error naming its field (`enrollmentId` also when it is not an attendee of this booking, `attendee.email`…). Nothing is written.', content: errors },
      '401': { description: 'No login and no token.', content: errors },
      '404': { description: 'Wrong or forged token, another booking’s token, or a caller who is neither staff nor the buyer.', content: errors },
      '409': { description: 'The item started or was cancelled, the booking is cancelled or expired, the attendee no longer holds a seat, or the new person is already enrolled in the item (`data.attendee` names them).', content: errors },
    },
  },
  'GET /api/bookings/{id}/manage': {
    registeredAs: 'bookings',
    summary: 'The buyer’s signed-link page: the attendees, each with a replace form',
    description: 'A script-free HTML page in the buyer’s language. After the start it lists the attendees without forms.',
    tags: ['Registration'],
    security: 'anyone',
    parameters: [idParam, tokenParam],
    responses: {
      '200': { description: 'The page.', content: html },
      '404': { description: 'Unknown booking or wrong token (an HTML page).', content: html },
    },
  },
  'POST /api/bookings/{id}/manage': {
    registeredAs: 'bookings',
    summary: 'The signed-link page’s form (form-encoded `token, enrollmentId, email, firstName, lastName`)',
    description: 'Replaces as `replace-attendee` does and answers the page again with what happened; an error keeps its status code. Counted with the public writes (429 when over budget).',
    tags: ['Registration'],
    security: 'anyone',
    parameters: [idParam],
    responses: {
      '200': { description: 'Replaced; the page with the new list.', content: html },
      '400': { description: 'Invalid input; the page names the problem.', content: html },
      '404': { description: 'Unknown booking or wrong token.', content: html },
      '409': { description: 'Not possible now (see `replace-attendee`); the page says why.', content: html },
    },
  },
}
