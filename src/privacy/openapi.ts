import type { CustomOperation } from '../openapi/customOperations'

const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const adminOnly = {
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: 'Not an admin.', content: errors },
}
const years = { type: 'integer', minimum: 1, maximum: 100, description: 'Whole years without activity; default: privacy-settings `inactivityYears`.' }

/** Erasure and retention endpoints (src/privacy/erasure, src/privacy/retention), spread into src/openapi/customOperations.ts. */
export const privacyErasureOperations: Record<string, CustomOperation> = {
  'POST /api/privacy/erase': {
    registeredAs: 'root',
    summary: 'Erase a person’s personal data (admins)',
    description:
      'In one transaction: names and addresses become a pseudonym everywhere, contact details, notes, comments and email contents go, payments and receipts keep amounts, dates and numbers with an erasure note, certificates are revoked, audit entries about the person are redacted, and an `erasure` audit entry records counts only. The address may register again as a new person (docs/privacy.md).',
    tags: ['Privacy'],
    security: 'user',
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        required: ['confirm'],
        properties: {
          user: { type: 'integer', minimum: 1, description: 'An account id (not your own).' },
          email: { type: 'string', format: 'email', maxLength: 254, description: 'An address: a lead without an account, or an account by its email.' },
          confirm: { type: 'boolean', enum: [true], description: 'Must be `true`: an erasure cannot be undone.' },
          reason: { type: 'string', maxLength: 500, description: 'Kept in the audit entry, without the person’s names and addresses.' },
        },
      }),
    },
    responses: {
      '200': { description: '`{ message, summary }`: the pseudonym and counts of what was erased.', content: json({ type: 'object', properties: { message: { type: 'string' }, summary: { type: 'object' } } }) },
      '400': { description: 'Neither or both of `user` and `email`, a malformed one, yourself, `confirm` not `true`, `reason` too long; the error names the field.', content: errors },
      ...adminOnly,
      '404': { description: 'Aula holds nothing about that id or address.', content: errors },
      '409': { description: 'Already erased.', content: errors },
    },
  },
  'GET /api/privacy/inactive': {
    registeredAs: 'root',
    summary: 'People with no activity for N years (admins)',
    description: 'Activity: account created, login, enrollment, payment, lead interaction, email sent; by the app clock. Staff and erased people are left out; leads without an account count once per address.',
    tags: ['Privacy'],
    security: 'user',
    parameters: [{ name: 'years', in: 'query', required: false, schema: years }],
    responses: {
      '200': { description: '`{ years, cutoff, total, people }`: the first 50, longest inactive first (`kind`, `id`, `name`, `email`, `lastActivityAt`).', content: json({ type: 'object' }) },
      '400': { description: '`years` not a whole number from 1 to 100.', content: errors },
      ...adminOnly,
    },
  },
  'POST /api/privacy/erase-inactive': {
    registeredAs: 'root',
    summary: 'Erase everyone inactive for N years, in the background (admins)',
    description: 'Fixes the cut-off now and queues the `eraseInactivePeople` job, which erases each person as `POST /api/privacy/erase` does; someone active again before their turn is spared.',
    tags: ['Privacy'],
    security: 'user',
    requestBody: { required: true, content: json({ type: 'object', required: ['confirm'], properties: { years, confirm: { type: 'boolean', enum: [true] } } }) },
    responses: {
      '200': { description: '`{ years, cutoff, queued, message }`: how many will be erased.', content: json({ type: 'object' }) },
      '400': { description: '`years` malformed or `confirm` not `true`.', content: errors },
      ...adminOnly,
    },
  },
}
