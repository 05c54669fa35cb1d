import type { CustomOperation } from '../../openapi/customOperations'

/** The campaign actions, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = { $ref: '#/components/schemas/Errors' }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const count = {
  type: 'object',
  properties: {
    total: { type: 'integer', description: 'Distinct addresses the segment describes.' },
    withConsent: { type: 'integer', description: 'Of those, with marketing consent granted and not withdrawn.' },
    suppressed: { type: 'integer', description: 'Of those, on the suppression list.' },
    reachable: { type: 'integer', description: 'With consent and not suppressed: who the campaign reaches.' },
  },
}
const segment = {
  type: 'object',
  description: 'As the `segment` group of a campaign: `kind` (`enrolled` | `leads` | `lapsed_students`), `items` ([{relationTo, value}]), `categories`, `statuses`, `from`, `until`, `stages`, `sources`, `tags`, `lastEnrolledBefore`.',
}
const access = {
  '401': { description: 'Not logged in.', content: json(errors) },
  '403': { description: 'Not an admin, editor or sales person.', content: json(errors) },
}
const byId = { ...access, '404': { description: 'Unknown id.', content: json(errors) } }

export const campaignOperations: Record<string, CustomOperation> = {
  'POST /api/campaigns/segment-count': {
    registeredAs: 'campaigns',
    summary: 'Count an (unsaved) segment: in it, with consent, suppressed, reachable (campaign staff)',
    tags: ['Email'],
    security: 'user',
    requestBody: { required: true, content: json({ type: 'object', properties: { segment } }) },
    responses: { '200': { description: 'The count.', content: json(count) }, '400': { description: 'A segment field that cannot be read; each error names it (`segment.statuses`).', content: json(errors) }, ...access },
  },
  'GET /api/campaigns/{id}/audience': {
    registeredAs: 'campaigns',
    summary: 'Count a saved campaign’s segment (campaign staff)',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: { '200': { description: 'The count.', content: json(count) }, ...byId },
  },
  'POST /api/campaigns/{id}/test-send': {
    registeredAs: 'campaigns',
    summary: 'Send the saved campaign to the caller’s own address, marked as a test (campaign staff)',
    description: 'Queued like every email, subject prefixed `[Prueba]`/`[Test]`, with the caller’s name in the variables and the unsubscribe link. Shares the 10-an-hour limit of template tests. Any status.',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: { '202': { description: 'Queued.', content: json({ type: 'object' }) }, ...byId, '429': { description: 'Too many tests this hour.', content: json(errors) } },
  },
  'POST /api/campaigns/{id}/schedule': {
    registeredAs: 'campaigns',
    summary: 'Schedule a draft campaign (draft → scheduled) for its `sendAt`, or now when empty (campaign staff)',
    description: 'Refused with a 400 naming each field when the Spanish subject/body is missing, the English version is half written, `sendAt` has passed, or the segment reaches nobody (`segment`).',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`{ status: "scheduled", sendAt, audience }`.', content: json({ type: 'object' }) },
      '400': { description: 'What is missing, by field.', content: json(errors) },
      ...byId,
      '409': { description: 'Not a draft.', content: json(errors) },
    },
  },
  'POST /api/campaigns/{id}/cancel': {
    registeredAs: 'campaigns',
    summary: 'Cancel a scheduled or sending campaign; its emails not yet sent are cancelled (campaign staff)',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: '`{ status: "cancelled", stoppedEmails }`.', content: json({ type: 'object' }) },
      ...byId,
      '409': { description: 'Neither scheduled nor sending.', content: json(errors) },
    },
  },
}
