import type { CustomOperation } from '../../openapi/customOperations'

/** The email timelines as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const ruleRef = { type: ['object', 'null'], properties: { id: { type: 'integer' }, name: { type: 'string' } }, description: 'The email rule; null when it was deleted.' }

const itemPlan = {
  type: 'object',
  properties: {
    collection: { type: 'string', enum: ['webinars', 'courses'] },
    id: { type: 'integer' },
    title: { type: 'string' },
    timeZone: { type: 'string', description: 'The item’s IANA zone: every `atLocal` is written in it.' },
    zoneName: { type: 'string' },
    rows: {
      type: 'array',
      description: 'Earliest first; rows with no moment (enrollment-change rules) last.',
      items: {
        type: 'object',
        properties: {
          rule: ruleRef,
          templateKey: { type: 'string' },
          templateLabel: { type: 'string', description: 'In the caller’s admin language.' },
          at: { type: ['string', 'null'], format: 'date-time', description: 'The rule’s moment for this item (or session), before quiet hours move it per person; for rows only the log knows (a rule switched off, an earlier time of a moved item), the earliest of them.' },
          atLocal: { type: 'string', description: '`at` as dd/MM/yyyy HH:mm in the item’s zone, naming it.' },
          sessionId: { type: ['string', 'null'] },
          sessionName: { type: ['string', 'null'] },
          people: { type: 'integer', description: 'Still ahead: the people in the rule’s audience now. Past: those it went or is going to.' },
          sent: { type: 'integer' },
          queued: { type: 'integer' },
          cancelled: { type: 'integer', description: 'Cancelled or failed rows (a person who left, a rule switched off or re-timed).' },
        },
      },
    },
  },
}

const personRow = {
  type: 'object',
  properties: {
    id: { type: 'integer', description: 'The email-log row.' },
    templateKey: { type: 'string' },
    templateLabel: { type: 'string' },
    rule: ruleRef,
    status: { type: 'string', enum: ['sent', 'queued', 'sending'] },
    at: { type: ['string', 'null'], format: 'date-time', description: 'Sent at, or due at (null: as soon as possible).' },
    atLocal: { type: 'string', description: 'In the item’s zone (the business zone for an email about no item), naming it.' },
    item: { type: ['object', 'null'], properties: { collection: { type: 'string' }, id: { type: 'integer' }, title: { type: 'string' } } },
  },
}

const itemOperation = (collection: 'webinars' | 'courses'): CustomOperation => ({
  registeredAs: collection,
  summary: 'The emails the rules send for this item, and when',
  description:
    'Staff who see the item’s participants (admins, editors, sales, its own instructors). One row per rule and moment (per session for session rules), with how many people get it and what the email log holds. GraphQL: `ItemEmailPlan(collection, id)`. See docs/automation.md.',
  tags: ['Email'],
  security: 'user',
  parameters: [idParam],
  responses: {
    '200': { description: 'The item’s email plan.', content: json(itemPlan) },
    '401': { description: 'Not logged in.', content: errors },
    '403': { description: 'Not staff who see this item’s participants.', content: errors },
    '404': { description: 'Unknown id.', content: errors },
  },
})

export const emailPlanOperations: Record<string, CustomOperation> = {
  'GET /api/webinars/{id}/email-plan': itemOperation('webinars'),
  'GET /api/courses/{id}/email-plan': itemOperation('courses'),
  'GET /api/users/{id}/email-plan': {
    registeredAs: 'users',
    summary: 'What one person got and will get by email',
    description:
      'The person themself, or staff who may read that user. Sent emails (`got`, oldest first) and queued ones (`upcoming`, soonest first), to their address or about their enrollments, with the item; never the content or its links. Lead emails only for admins. GraphQL: `PersonEmailPlan(user)`.',
    tags: ['Email'],
    security: 'user',
    parameters: [idParam],
    responses: {
      '200': { description: 'The person’s emails.', content: json({ type: 'object', properties: { user: { type: 'object', properties: { id: { type: 'integer' }, email: { type: 'string' } } }, got: { type: 'array', items: personRow }, upcoming: { type: 'array', items: personRow } } }) },
      '401': { description: 'Not logged in.', content: errors },
      '403': { description: 'A student asking about someone else.', content: errors },
      '404': { description: 'Unknown id, or a user the caller may not read.', content: errors },
    },
  },
}
