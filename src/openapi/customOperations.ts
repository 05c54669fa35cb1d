/**
 * The endpoints Aula adds to Payload's REST API, written by hand (Payload cannot describe a
 * handler). Keys are `METHOD /api/path` as OpenAPI spells paths. `registeredAs` names where the
 * handler is registered (`<collection>` or `root`) so the spec test can match each entry to the
 * config; entries from the contract whose branch has not landed yet say so with `planned`. Each
 * entry's operationId is in customOperationIds.ts (one table, so the names read as a set).
 */
import { attendanceOperations } from '../attendance/openapi'
import { attendanceImportOperations } from '../attendance/import/openapi'
import { checkInOperations } from '../attendance/checkIn/openapi'
import { certificateOperations } from '../certificates/openapi'
import { couponOperations } from '../commerce/coupons/openapi'
import { receiptOperations } from '../commerce/receipts/openapi'
import { bookingChangeOperations } from '../commerce/bookingChanges/openapi'
import { certificateVerificationOperations } from '../certificates/verify/openapi'
import { cancellationOperations } from '../cancellation/openapi'
import { followUpOperations } from '../followUps/openapi'
import { participantsOperations } from '../participants/openapi'
import { emailPlanOperations } from '../automation/rules/timelineOpenapi'
import { marketingConsentProperty, unsubscribeOperations } from '../automation/consent/openapi'
import { campaignOperations } from '../automation/campaigns/openapi'
import { privacyExportOperations } from '../privacy/export/openapi'
import { privacyErasureOperations } from '../privacy/openapi'
import { notificationOperations } from '../notifications/openapi'

export interface CustomOperation {
  registeredAs: string
  /** On the contract, not in this build yet: documented so frontends can prepare. */
  planned?: boolean
  summary: string
  description?: string
  tags: string[]
  security: 'anyone' | 'user' | 'stripe'
  requestBody?: Record<string, unknown>
  parameters?: Record<string, unknown>[]
  responses: Record<string, { description: string; content?: Record<string, unknown> }>
}

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = { $ref: '#/components/schemas/Errors' }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
/** What staff type when money arrives by hand (src/commerce/manualPayments/entryInput.ts). */
const manualEntryBody = { type: 'object', required: ['method', 'receivedOn', 'amount'], properties: { method: { type: 'string', enum: ['bank_transfer', 'deposit', 'cash'] }, reference: { type: 'string', maxLength: 100, description: 'The bank operation number; required for bank_transfer and deposit.' }, receivedOn: { type: 'string', format: 'date', description: 'The day the money arrived (YYYY-MM-DD), not after today in the business zone.' }, amount: { type: 'number', exclusiveMinimum: 0, maximum: 100000000, description: "In the payment's currency, with its decimals." }, note: { type: 'string', maxLength: 500 }, currency: { type: 'string', description: "Optional; must be the payment's." } } }
const personBody = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    phone: { type: 'string' },
    company: { type: 'string' },
    couponCode: { type: 'string', maxLength: 64, description: 'A coupon code, any case; a 400 naming `couponCode` with a `reason` when it does not apply (docs/selling.md, Cupones).' },
    attendees: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: { type: 'object', required: ['email', 'firstName', 'lastName'], properties: { email: { type: 'string', format: 'email' }, firstName: { type: 'string' }, lastName: { type: 'string' }, phone: { type: 'string' }, company: { type: 'string' } } },
      description:
        'A group or company booking (src/commerce/groups): every attendee gets a seat or nothing is written; a group never waits (409 `data.seatsLeft`), someone already enrolled is a 409 naming them (`data.attendees`), more than the item\'s `maxGroupSize` a 400 on `attendees`. The 201 answer is then `{ message, booking, enrollments: [{id, status, email}], checkoutUrl?, holdExpiresAt?, bankTransfer? }` (docs/selling.md, Reservas de grupo).',
    },
    buyer: {
      type: 'object',
      required: ['email', 'firstName', 'lastName'],
      properties: { email: { type: 'string', format: 'email' }, firstName: { type: 'string' }, lastName: { type: 'string' }, company: { type: 'string' }, taxId: { type: 'string', maxLength: 40 } },
      description: 'Who pays a group booking (required with `attendees`); not given a seat unless also listed as an attendee.',
    },
    marketingConsent: marketingConsentProperty,
  },
  description: 'Required for anonymous callers; a logged-in user may send nothing.',
}
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'A retry of the same request by the same caller returns the same enrollment (header `Idempotent-Replayed: true`); the key reused for a different request is a 422.' }
const enrollmentCreated = {
  description: 'The enrollment: `confirmed`, `waitlisted` when full, or `pending_payment` with `checkoutUrl` and `holdExpiresAt` for paid items (with `paymentMethod: bank_transfer`, `doc.bankTransfer` `{ reference, amount, currency, holdExpiresAt, instructions }` instead of a `checkoutUrl`).',
  content: json({ type: 'object', required: ['doc'], properties: { doc: { $ref: '#/components/schemas/RegisteredEnrollment' }, message: { type: 'string' }, checkoutUrl: { type: 'string' }, holdExpiresAt: { type: 'string', format: 'date-time' } } }),
}
const commonErrors = {
  '400': { description: 'Invalid input; each error names its field.', content: json(errors) },
  '404': { description: 'Unknown id.', content: json(errors) },
  '409': { description: 'Already enrolled (only a caller registering themselves is told which enrollment), or the item has started or is not open.', content: json(errors) },
  '422': { description: 'The Idempotency-Key was already used for a different request.', content: json(errors) },
  '429': { description: 'Rate limited; see `Retry-After`.', content: json(errors) },
}
const participants = (what: string) => ({
  summary: `${what} of one item (JSON, or CSV with ?format=csv)`,
  tags: ['Enrollments'],
  security: 'user' as const,
  parameters: [
    idParam,
    { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'] } },
    { name: 'session', in: 'query', required: false, schema: { type: 'string', maxLength: 64 }, description: 'A course session id: adds `present` (null = not recorded) and `minutesAttended` for that session.' },
  ],
  responses: {
    '200': { description: 'Participants: name, email, phone, company, status, registeredAt, attended, sessionsAttended, sessionsTotal, completionPercentage (from the attendance records).', content: { ...json({ type: 'object' }), 'text/csv': { schema: { type: 'string' } } } },
    '401': { description: 'Not logged in.', content: json(errors) },
    '403': { description: 'Not staff, and not a speaker/instructor of this item.', content: json(errors) },
    '404': { description: 'Unknown id.', content: json(errors) },
  },
})
const csvExport = (collection: string, planned = false): CustomOperation => ({
  registeredAs: collection,
  planned,
  summary: `Export ${collection} as CSV, honouring filters and the caller's access`,
  description: 'Same `where` syntax as the list endpoint. Streamed in pages of 500 rows. Headers in Spanish when the caller\'s admin language is Spanish (the `payload-lng` cookie, else the user\'s `language`).',
  tags: ['Exports'],
  security: 'user',
  parameters: [
    { name: 'where', in: 'query', required: false, style: 'deepObject', explode: true, schema: { type: 'object' }, description: 'Payload query, e.g. `where[status][equals]=confirmed`.' },
    { name: 'sort', in: 'query', required: false, schema: { type: 'string' } },
    { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['es', 'en'] }, description: 'Header language; overrides the cookie and the user setting.' },
  ],
  responses: {
    '200': { description: 'CSV (RFC 4180, formula-safe cells).', content: { 'text/csv': { schema: { type: 'string' } } } },
    '401': { description: 'Not logged in.', content: json(errors) },
    '403': { description: 'The caller may not read this collection.', content: json(errors) },
  },
})

export const customOperations: Record<string, CustomOperation> = {
  'POST /api/webinars/{id}/register': {
    registeredAs: 'webinars',
    summary: 'Register for a webinar',
    description: 'Finds or creates the student user by email. Free: confirmed (or waitlisted when full). Paid: pending payment with a Stripe Checkout URL.',
    tags: ['Registration'],
    security: 'anyone',
    parameters: [idParam, idempotencyKey],
    requestBody: { required: false, content: json(personBody) },
    responses: { '201': enrollmentCreated, ...commonErrors },
  },
  'POST /api/courses/{id}/enroll': {
    registeredAs: 'courses',
    summary: 'Enroll in a course',
    description: 'As webinar registration; the price is the early-bird price before its deadline, else the regular price.',
    tags: ['Registration'],
    security: 'anyone',
    parameters: [idParam, idempotencyKey],
    requestBody: { required: false, content: json(personBody) },
    responses: { '201': enrollmentCreated, ...commonErrors },
  },
  'POST /api/enrollments/{id}/cancel': {
    registeredAs: 'enrollments',
    summary: 'Cancel an enrollment (its owner or staff)',
    description: 'Frees the seat and promotes the oldest waitlisted enrollment.',
    tags: ['Registration'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: false, content: json({ type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } }) },
    responses: {
      '200': { description: 'The cancelled enrollment.', content: json({ type: 'object', properties: { doc: { $ref: '#/components/schemas/enrollments' } } }) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not the owner nor staff.', content: json(errors) },
      '404': { description: 'Unknown id.', content: json(errors) },
      '409': { description: 'Already cancelled.', content: json(errors) },
    },
  },
  'GET /api/webinars/{id}/attendees': { registeredAs: 'webinars', ...participants('Attendees') },
  'GET /api/courses/{id}/students': { registeredAs: 'courses', ...participants('Students') },
  // The participants page (src/participants).
  ...participantsOperations,
  // Cancelling a course or webinar (src/cancellation).
  ...cancellationOperations,
  // Follow-ups after the item ends (src/followUps).
  ...followUpOperations,
  // Attendance: meeting-report import and self check-in (src/attendance/import, src/attendance/checkIn).
  ...attendanceOperations,
  ...attendanceImportOperations,
  ...checkInOperations,
  // Certificate verification, the JWKS and the credential download (src/certificates/verify, src/certificates/credential).
  ...certificateVerificationOperations,
  // Issuing by hand, revoking, reissuing and the PDF download (src/certificates).
  ...certificateOperations,
  // Price quotes with a coupon code, and a coupon's uses (src/commerce/coupons).
  ...couponOperations,
  // A receipt's or credit note's PDF (src/commerce/receipts).
  ...receiptOperations,
  // Replacing a group attendee (src/commerce/bookingChanges).
  ...bookingChangeOperations,
  // The email timelines per item and per person (src/automation/rules/timeline*).
  ...emailPlanOperations,
  // The unsubscribe link of campaign emails (src/automation/consent).
  ...unsubscribeOperations,
  // Campaign actions and segment counts (src/automation/campaigns).
  ...campaignOperations,
  // Personal-data export: the admin's download, the person's own request and its download (src/privacy/export).
  ...privacyExportOperations,
  // Erasure and the retention overview (src/privacy/erasure, src/privacy/retention).
  ...privacyErasureOperations,
  // The bell's count, mark-all and the live stream (src/notifications).
  ...notificationOperations,
  'POST /api/courses/{id}/duplicate': {
    registeredAs: 'courses',
    summary: 'Duplicate a course as a new run, every date moved by `shiftDays`',
    description: 'Editors and admins. The copy is a draft with no seats taken, a title `… (copia)` and a course code `…-2` of its own (the slug follows the title); course, module and session dates and the early-bird deadline move by whole days (sessions keep their local time). Replaces Payload\'s own duplicate for courses.',
    tags: ['Catalog'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: false, content: json({ type: 'object', properties: { shiftDays: { type: 'integer', minimum: -3650, maximum: 3650, default: 0 } } }) },
    responses: {
      '201': { description: 'The new course.', content: json({ type: 'object', properties: { doc: { $ref: '#/components/schemas/courses' }, message: { type: 'string' } } }) },
      '400': { description: 'Invalid `shiftDays` (the error names the field).', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an editor or admin.', content: json(errors) },
      '404': { description: 'Unknown id.', content: json(errors) },
    },
  },
  'POST /api/email-templates/preview': {
    registeredAs: 'email-templates',
    summary: 'Preview an email template in Spanish and English with sample data (staff)',
    description: 'Body `{ key, locale, subject, content?, body? }`: the language being edited is rendered from what is sent (unsaved changes), the other from its saved template (or the Spanish one, as the worker does). Writes nothing.',
    tags: ['Email'],
    security: 'user',
    requestBody: { required: true, content: json({ type: 'object', required: ['key'], properties: { key: { type: 'string' }, locale: { type: 'string', enum: ['es', 'en'] }, subject: { type: 'string' }, content: { type: 'object' }, body: { type: 'string' } } }) },
    responses: {
      '200': { description: '`{ previews: { es, en } }`, each `{ subject, html, text }`.', content: json({ type: 'object' }) },
      '400': { description: 'Unknown email or variable; each error names its field.', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not staff.', content: json(errors) },
    },
  },
  'POST /api/certificate-designs/preview': {
    registeredAs: 'certificate-designs',
    summary: 'A sample certificate PDF from an unsaved design (staff)',
    description: 'Body: the design as the admin form holds it (`wording.{es,en}.{title,preamble,body}`, `signatoryName`, `signatoryTitle`, `pageSize`, `orientation`, `accentColor`, `background`/`logo`/`signature` media ids) plus `language` (`es`/`en`). Renders sample data through the same code as real certificates; writes nothing.',
    tags: ['Certificates'],
    security: 'user',
    requestBody: { required: false, content: json({ type: 'object', properties: { language: { type: 'string', enum: ['es', 'en'] }, wording: { type: 'object' }, signatoryName: { type: 'string' }, background: { type: 'integer' }, logo: { type: 'integer' }, signature: { type: 'integer' } } }) },
    responses: {
      '200': { description: 'The PDF (`application/pdf`, inline, `Cache-Control: no-store`).', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
      '400': { description: 'A `{{variable}}` certificates do not have, or a picture that is not a PNG/JPEG within the limits; each error names its field.', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not staff.', content: json(errors) },
    },
  },
  'POST /api/email-templates/{id}/send-test': {
    registeredAs: 'email-templates',
    summary: 'Send the saved template, with sample data, to the caller’s own address (staff)',
    description: 'Queued like every email (the worker delivers it), subject prefixed `[Prueba]`/`[Test]`, marked as a test in the email log. At most 10 an hour per person.',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '202': { description: 'Queued.', content: json({ type: 'object' }) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not staff.', content: json(errors) },
      '404': { description: 'Unknown id.', content: json(errors) },
      '429': { description: 'Too many tests this hour; see `Retry-After`.', content: json(errors) },
    },
  },
  'GET /api/enrollments/export.csv': csvExport('enrollments'),
  'GET /api/users/export.csv': csvExport('users'),
  'GET /api/leads/export.csv': csvExport('leads'),
  'GET /api/payments/export.csv': csvExport('payments'),
  'GET /api/users/confirm-email-change': {
    registeredAs: 'users',
    summary: 'Page behind the link mailed to a new email address (HTML)',
    description: 'Only asks (mail scanners open links by themselves); its form POSTs the `token` back. A person changing their own email keeps the old one until this is confirmed.',
    tags: ['Users'],
    security: 'anyone',
    parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'An HTML page with a confirm button.', content: { 'text/html': { schema: { type: 'string' } } } }, '404': { description: 'An HTML page: unknown, used or expired link.', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
  'POST /api/users/confirm-email-change': {
    registeredAs: 'users',
    summary: 'Confirm a new email address (the token from the emailed link)',
    description: 'JSON `{ "token" }` answers JSON; the confirmation page’s form post answers an HTML page. The link is single-use and expires after 24 hours.',
    tags: ['Users'],
    security: 'anyone',
    requestBody: {
      required: true,
      content: {
        ...json({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
        'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { token: { type: 'string' } } } },
      },
    },
    responses: {
      '200': { description: 'The account now uses the new address.', content: json({ type: 'object', properties: { message: { type: 'string' }, email: { type: 'string', format: 'email' } } }) },
      '404': { description: 'Unknown, used or expired link.', content: json(errors) },
      '409': { description: 'The address is already used by another account (the error names `email`).', content: json(errors) },
    },
  },
  'GET /api/enrollments/{id}/cancel-link': {
    registeredAs: 'enrollments',
    summary: 'Cancel page behind the `cancelUrl` in emails (HTML)',
    description: 'Asks for confirmation; the signed `token` stands in for a login. Its form POSTs back to the same path.',
    tags: ['Enrollments'],
    security: 'anyone',
    parameters: [idParam, { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'An HTML page.', content: { 'text/html': { schema: { type: 'string' } } } }, '404': { description: 'Unknown id or wrong token.', content: json(errors) } },
  },
  'POST /api/enrollments/{id}/cancel-link': {
    registeredAs: 'enrollments',
    summary: 'Cancel from the email link (form post with `token`)',
    tags: ['Enrollments'],
    security: 'anyone',
    parameters: [idParam],
    requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { token: { type: 'string' } } } } } },
    responses: { '200': { description: 'An HTML page saying the enrollment was cancelled.', content: { 'text/html': { schema: { type: 'string' } } } }, '404': { description: 'Unknown id or wrong token.', content: json(errors) } },
  },
  'GET /api/enrollments/{id}/feedback': {
    registeredAs: 'enrollments',
    summary: 'Feedback page behind the `feedbackUrl` in follow-up emails (HTML)',
    description:
      'A 1–5 rating and a comment, in the participant\'s language. The signed `token` stands in for a login. Open to a confirmed participant once the item has started, once per enrollment; otherwise the page says why (already received: 200; not confirmed: 403; not open yet: 409).',
    tags: ['Enrollments'],
    security: 'anyone',
    parameters: [idParam, { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'An HTML page: the form, or "already received".', content: { 'text/html': { schema: { type: 'string' } } } },
      '403': { description: 'An HTML page: the enrollment is not confirmed.', content: { 'text/html': { schema: { type: 'string' } } } },
      '404': { description: 'An HTML page: unknown id or wrong token.', content: { 'text/html': { schema: { type: 'string' } } } },
      '409': { description: 'An HTML page: the item has not started yet.', content: { 'text/html': { schema: { type: 'string' } } } },
    },
  },
  'POST /api/enrollments/{id}/feedback': {
    registeredAs: 'enrollments',
    summary: 'Send feedback from the email link (form post or JSON with `token`, `rating`, `comment`)',
    description:
      'The only way feedback is written (REST and GraphQL refuse `feedbackRating`, `feedbackComment` and `feedbackAt` for every role). Stores the rating, the comment and when, and recounts the item\'s `ratingAverage` and `ratingCount` in the same transaction. A form post gets HTML, a JSON body gets JSON. Rate limited like public forms.',
    tags: ['Enrollments'],
    security: 'anyone',
    parameters: [idParam],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', required: ['token', 'rating'], properties: { token: { type: 'string' }, rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 2000 } } },
        },
        'application/json': {
          schema: { type: 'object', required: ['token', 'rating'], properties: { token: { type: 'string' }, rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 2000 } } },
        },
      },
    },
    responses: {
      '200': { description: 'Saved: a thank-you page (or `{ outcome: "saved" }`).' },
      '400': { description: 'A bad `rating` or `comment`: the page again with the field named (JSON: the error names `feedbackRating` or `feedbackComment`).', content: json(errors) },
      '403': { description: 'The enrollment is not confirmed; nothing is written.' },
      '404': { description: 'Unknown id or wrong token.' },
      '409': { description: 'Feedback was already received, or the item has not started; nothing changes.' },
      '413': { description: 'The body is larger than 64 KB.', content: json(errors) },
      '429': { description: 'Too many posts from this address (`Retry-After`).', content: json(errors) },
    },
  },
  'GET /api/enrollments/{id}/pay': {
    registeredAs: 'enrollments',
    summary: 'Pay link behind the `payUrl` in the "a seat opened up" email',
    description:
      'For a seat held for payment: redirects (303) to its Stripe Checkout Session, opening one if needed. The signed `token` stands in for a login. A paid enrollment gets a page saying so; an ended hold gets 410.',
    tags: ['Enrollments'],
    security: 'anyone',
    parameters: [idParam, { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
    responses: {
      '303': { description: 'To Stripe Checkout (`Location`).' },
      '200': { description: 'An HTML page: already paid.', content: { 'text/html': { schema: { type: 'string' } } } },
      '404': { description: 'Unknown id or wrong token.', content: json(errors) },
      '410': { description: 'An HTML page: the hold has ended.', content: { 'text/html': { schema: { type: 'string' } } } },
      '502': { description: 'An HTML page: Stripe could not be reached; the hold is kept.', content: { 'text/html': { schema: { type: 'string' } } } },
    },
  },
  'POST /api/payments/{id}/refund': {
    registeredAs: 'payments',
    summary: 'Refund a succeeded payment through Stripe, in full or in part (admins)',
    description:
      "Body `{ amount?, reason? }`: `amount` in the payment's currency (empty = everything not yet refunded). Calls Stripe's refund API with Idempotency-Key `aula-refund-<paymentId>-<n>`; the `charge.refunded` webhook then sets `amountRefunded` and, once everything is back, marks the payment and its enrollments refunded and frees the seats. See docs/selling.md.",
    tags: ['Payments'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: false, content: json({ type: 'object', properties: { amount: { type: 'number', exclusiveMinimum: 0 }, reason: { type: 'string', maxLength: 500 } } }) },
    responses: {
      '202': { description: '`{ message, refund: { number, amount, stripeRefundId } }`.', content: json({ type: 'object' }) },
      '400': { description: '`amount` not a positive number, with too many decimals, or more than is left to refund; `reason` too long.', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin.', content: json(errors) },
      '409': { description: 'The payment has not succeeded, or nothing is left to refund.', content: json(errors) },
      '502': { description: 'Stripe refused or could not be reached.', content: json(errors) },
    },
  },
  'POST /api/payments/{id}/record-manual': {
    registeredAs: 'payments',
    summary: 'Record money received by bank transfer, deposit or cash (admins and sales)',
    description:
      'Appends an entry to the payment; once the entries cover its amount the payment succeeds and every seat it pays for is confirmed (as a Stripe payment would). More than the amount is accepted and flagged for review. See docs/selling.md.',
    tags: ['Payments'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json(manualEntryBody) },
    responses: {
      '200': { description: '`{ message, settled, payment: { id, status, method, provider, reference, amount, currency, received, due, stillDue, overpaid, needsReview, entries } }`.', content: json({ type: 'object' }) },
      '400': { description: 'Invalid input; each error names its field.', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin or sales.', content: json(errors) },
      '404': { description: 'Unknown id.', content: json(errors) },
      '409': { description: 'The payment is already paid or refunded, this operation number is already recorded on it, or its card checkout completed meanwhile.', content: json(errors) },
    },
  },
  'POST /api/enrollments/{id}/record-payment': {
    registeredAs: 'enrollments',
    summary: 'Record money for an enrollment waiting for payment (admins and sales)',
    description: 'Like `POST /api/payments/{id}/record-manual`, on the enrollment\'s payment (or its group booking\'s); a paid seat staff created by hand, which has none, gets a manual payment.',
    tags: ['Payments'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json(manualEntryBody) },
    responses: {
      '200': { description: 'As for record-manual.', content: json({ type: 'object' }) },
      '400': { description: 'Invalid input; each error names its field.', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin or sales.', content: json(errors) },
      '404': { description: 'Unknown id.', content: json(errors) },
      '409': { description: 'The enrollment is not waiting for payment, or its payment cannot take more money.', content: json(errors) },
    },
  },
  'POST /api/email-log/{id}/resend': {
    registeredAs: 'email-log',
    summary: 'Queue a failed email again (admins)',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: 'Queued again.', content: json({ type: 'object' }) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin.', content: json(errors) },
      '409': { description: 'Only failed emails can be resent.', content: json(errors) },
    },
  },
  'POST /api/webhooks/{id}/rotate-secret': {
    registeredAs: 'webhooks',
    summary: 'Replace a webhook\'s signing secret (admins)',
    description: 'The old secret stops working at once. The answer is the only time the new secret is shown (as the `secret` of the 201 that created the webhook was): store it in the receiver. See docs/webhooks.md.',
    tags: ['Webhooks'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`{ message, id, secret }`; `secret` is `whsec_` and 43 base64url characters.', content: json({ type: 'object', required: ['id', 'secret'], properties: { message: { type: 'string' }, id: { type: 'integer' }, secret: { type: 'string', pattern: '^whsec_[A-Za-z0-9_-]{43}$' } } }) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin.', content: json(errors) },
      '404': { description: 'Unknown webhook.', content: json(errors) },
    },
  },
  'POST /api/webhook-deliveries/{id}/redeliver': {
    registeredAs: 'webhook-deliveries',
    summary: 'Send a webhook delivery once more, now (admins)',
    description: 'The same body and event id (`Aula-Event-Id`) as before, freshly signed; allowed in any status but `sending`, `gone` and `abandoned` included. The webhook must be switched on. See docs/webhooks.md, "Deliveries".',
    tags: ['Webhooks'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`{ message, id, status: "pending" }`: queued for an attempt now.', content: json({ type: 'object', properties: { message: { type: 'string' }, id: { type: 'integer' }, status: { type: 'string', enum: ['pending'] } } }) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin.', content: json(errors) },
      '404': { description: 'Unknown delivery.', content: json(errors) },
      '409': { description: 'Being sent right now, or its webhook is switched off or deleted.', content: json(errors) },
    },
  },
  'POST /api/leads': {
    registeredAs: 'leads',
    summary: 'Submit a lead (website contact and corporate-training forms)',
    description:
      'Anyone may call it. Only the fields below are accepted from the public; `stage`, `score`, `assignedTo`, `notes`, `tags`, `source` and anything else are ignored. Answers the same `{message}` whatever happened, never an id. A filled honeypot (`website`, `company_website`) gets the same answer and stores nothing. The same email with an open lead adds a "submitted again" interaction to it. Admins and sales get Payload\'s normal create here. See docs/leads.md.',
    tags: ['Leads'],
    security: 'anyone',
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        required: ['firstName', 'lastName', 'email'],
        properties: {
          ...Object.fromEntries(
            ['firstName', 'lastName', 'email', 'phone', 'company', 'position', 'message', 'preferredDates', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent'].map((name) => [name, { type: 'string' }]),
          ),
          type: { type: 'string', enum: ['individual', 'corporate'] },
          headcount: { type: 'integer', minimum: 1 },
          interest: { type: 'object', properties: { relationTo: { type: 'string', enum: ['courses', 'webinars'] }, value: { type: 'integer' } } },
          marketingConsent: marketingConsentProperty,
        },
      }),
    },
    responses: {
      '201': { description: 'The lead was received.', content: json({ type: 'object', properties: { message: { type: 'string' } } }) },
      '400': commonErrors['400'],
      '429': commonErrors['429'],
    },
  },
  'POST /api/leads/{id}/merge': {
    registeredAs: 'leads',
    summary: 'Merge another lead into this one (admins, sales on leads they can work on)',
    description: 'Body `{otherId}`. Interactions, notes, tags and enrollments are combined; empty fields are filled from the other lead, which is deleted.',
    tags: ['Leads'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json({ type: 'object', required: ['otherId'], properties: { otherId: { type: 'integer' } } }) },
    responses: {
      '200': { description: 'The kept lead.', content: json({ type: 'object' }) },
      '400': commonErrors['400'],
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin or sales user.', content: json(errors) },
      '404': { description: 'A lead the caller cannot work on.', content: json(errors) },
    },
  },
  'POST /api/leads/{id}/convert': {
    registeredAs: 'leads',
    summary: 'Enroll a won lead in a course or webinar (admins, sales on leads they can work on)',
    description: 'Body `{item: {relationTo, value}}`. Goes through the enrollment engine (capacity, waitlist); the enrollment is recorded on the lead.',
    tags: ['Leads'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json({ type: 'object', required: ['item'], properties: { item: { type: 'object' } } }) },
    responses: {
      '201': { description: 'The enrollment (confirmed, waitlisted or pending payment).', content: json({ type: 'object' }) },
      '400': commonErrors['400'],
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not an admin or sales user.', content: json(errors) },
      '404': { description: 'A lead the caller cannot work on, or an unknown item.', content: json(errors) },
      '409': { description: 'The lead is not won, or the person is already enrolled.', content: json(errors) },
    },
  },
  ...Object.fromEntries(
    (['users', 'leads'] as const).map((collection) => [
      `GET /api/${collection}/{id}/timeline`,
      {
        registeredAs: collection,
        summary: `A ${collection === 'users' ? 'person' : 'lead'}'s timeline (staff)`,
        description:
          'Enrollments, payments, emails (rendered; signed links hidden for all but admins), interactions and lead history in time order, each `when` in the business zone (`timeZone`, `zoneName`). Every source is read with the caller\'s access; sources they may not read are named in `hidden`. `related` links a lead and the account with the same email.',
        tags: [collection === 'users' ? 'Users' : 'Leads'],
        security: 'user',
        parameters: [idParam],
        responses: {
          '200': { description: 'The timeline.', content: json({ type: 'object', properties: { subject: { type: 'object' }, timeZone: { type: 'string' }, zoneName: { type: 'string' }, entries: { type: 'array', items: { type: 'object' } }, related: { type: 'array', items: { type: 'object' } }, hidden: { type: 'array', items: { type: 'string' } } } }) },
          '401': { description: 'Not logged in.', content: json(errors) },
          '403': { description: 'Not staff.', content: json(errors) },
          '404': { description: 'A person the caller may not read.', content: json(errors) },
        },
      } satisfies CustomOperation,
    ]),
  ),
  'GET /api/calendar': {
    registeredAs: 'root',
    summary: 'Webinars and course sessions of a month or week (the admin calendar; staff only)',
    description: 'Each entry sits on its local day in its own zone (webinars: `startsAt_tz`; sessions: the business zone), with status, seats taken and capacity. Read with the caller\'s access.',
    tags: ['Catalog'],
    security: 'user',
    parameters: [
      { name: 'view', in: 'query', required: false, schema: { type: 'string', enum: ['month', 'week'], default: 'month' } },
      { name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Any day of the month or week; default today in the business zone.' },
    ],
    responses: {
      '200': { description: '`{ view, days, today, timeZone, previous, next, entries: [...] }`.', content: json({ type: 'object' }) },
      '400': { description: 'Invalid `view` or `date` (each error names its field).', content: json(errors) },
      '401': { description: 'Not logged in.', content: json(errors) },
      '403': { description: 'Not staff.', content: json(errors) },
    },
  },
  'POST /api/stripe/webhooks': {
    registeredAs: 'root',
    summary: 'Stripe webhook (Stripe only)',
    description: 'Signature verified on the raw body (`Stripe-Signature`); each event is recorded once by id; updates payments and enrollments.',
    tags: ['Payments'],
    security: 'stripe',
    parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } }],
    requestBody: { required: true, content: json({ type: 'object', description: 'A Stripe event.' }) },
    responses: { '200': { description: 'Event accepted (or already recorded).' }, '400': { description: 'Bad signature or payload.', content: json(errors) } },
  },
  'GET /api/openapi.json': {
    registeredAs: 'root',
    summary: 'This OpenAPI 3.1 document',
    tags: ['Documentation'],
    security: 'anyone',
    responses: { '200': { description: 'The document.', content: json({ type: 'object' }) } },
  },
  'GET /api/docs': {
    registeredAs: 'root',
    summary: 'Readable API reference (HTML) rendered from this document',
    tags: ['Documentation'],
    security: 'anyone',
    responses: { '200': { description: 'An HTML page.', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
  'GET /api/health': {
    registeredAs: 'root',
    summary: 'Health for load balancers and monitors (docs/operations.md)',
    description: 'Each check\'s status for anyone; its detail for admins and `Authorization: Bearer <METRICS_TOKEN>`. Never cached.',
    tags: ['Operations'],
    security: 'anyone',
    responses: {
      '200': { description: '`ok` or `degraded`: keep sending traffic.', content: json({ type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, checks: { type: 'object' } } }) },
      '503': { description: '`down`: the database is unreachable or a migration is missing.', content: json({ type: 'object', properties: { status: { type: 'string', enum: ['down'] }, checks: { type: 'object' } } }) },
    },
  },
  'GET /api/metrics': {
    registeredAs: 'root',
    summary: 'Prometheus metrics for a scraper holding METRICS_TOKEN (docs/operations.md)',
    tags: ['Operations'],
    security: 'anyone',
    parameters: [{ name: 'Authorization', in: 'header', required: true, schema: { type: 'string' }, description: '`Bearer <METRICS_TOKEN>`.' }],
    responses: {
      '200': { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } },
      '401': { description: 'Missing or wrong token.', content: json(errors) },
      '404': { description: 'METRICS_TOKEN is not configured.', content: json(errors) },
    },
  },
}
