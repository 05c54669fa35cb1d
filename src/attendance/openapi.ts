import type { CustomOperation } from '../openapi/customOperations'

/** The attendance endpoints (src/attendance/endpoints.ts) as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const sessionParam = { name: 'sessionId', in: 'path', required: true, schema: { type: 'string', maxLength: 64 }, description: 'The course session’s id (`modules[].sessions[].id`).' }
const mark = {
  type: 'object',
  required: ['present'],
  properties: {
    enrollmentId: { type: 'integer', description: 'This or `email`, not both.' },
    email: { type: 'string', description: 'Matched case-insensitively among the item’s confirmed people; no match → `unmatched`.' },
    present: { type: 'boolean' },
    minutesAttended: { type: ['number', 'null'], minimum: 0, maximum: 1440, description: 'Omitted: keep what is stored; null: clear it.' },
  },
}
const body = {
  type: 'object',
  properties: {
    marks: { type: 'array', items: mark, minItems: 1, maxItems: 2000 },
    allPresent: { type: 'boolean', enum: [true], description: 'Instead of `marks`: every confirmed person present (minutes untouched).' },
    source: { type: 'string', enum: ['roster', 'api'], default: 'api' },
  },
}
const result = {
  type: 'object',
  properties: {
    recorded: { type: 'integer', description: 'Rows created or changed.' },
    unchanged: { type: 'integer', description: 'Already recorded with these values: nothing written.' },
    unmatched: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, email: { type: 'string' } } } },
  },
}
const refusals = (who: string) => ({
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: who, content: errors },
  '404': { description: 'Unknown item.', content: errors },
})

const operations = (collection: 'courses' | 'webinars', parameters: Record<string, unknown>[]): Record<string, CustomOperation> => {
  const path = collection === 'courses' ? '/api/courses/{id}/sessions/{sessionId}/attendance' : '/api/webinars/{id}/attendance'
  return {
    [`GET ${path}`]: {
      registeredAs: collection,
      summary: collection === 'courses' ? 'A course session’s roster: confirmed students with what is recorded' : 'A webinar’s roster: confirmed registrants with what is recorded',
      description: 'Admins, editors, sales and the item’s instructors (a session’s own instructor too). `{ item, session, rows: [{ enrollmentId, userId, name, email, present (null = not recorded), minutesAttended, source, recordedAt, recordedBy }] }`.',
      tags: ['Attendance'],
      security: 'user',
      parameters,
      responses: { '200': { description: 'The roster.', content: json({ type: 'object' }) }, '400': { description: 'Unknown or malformed session id (`sessionId`).', content: errors }, ...refusals('Not staff nor an instructor of this item.') },
    },
    [`POST ${path}`]: {
      registeredAs: collection,
      summary: collection === 'courses' ? 'Mark attendance for a course session' : 'Mark attendance for a webinar',
      description:
        'Admins and the item’s instructors (course instructors, the session’s own instructor for that session, webinar speakers); editors and sales read but do not mark. All or nothing: an id of another item or of someone not confirmed, the same person twice, a non-boolean `present`, negative minutes, more than 2000 marks or an unknown session is a 400 naming the field and nothing is written. Re-posting the same marks writes nothing (`unchanged`). Each change stamps who and when and recomputes the enrollment’s `attended`, `completionPercentage` and `completedAt`.',
      tags: ['Attendance'],
      security: 'user',
      parameters,
      requestBody: { required: true, content: json(body) },
      responses: { '200': { description: 'What changed.', content: json(result) }, '400': { description: 'Invalid input; each error names its field. Nothing is written.', content: errors }, ...refusals('Not an admin nor an instructor of this item (or of this session).') },
    },
  }
}

export const attendanceOperations: Record<string, CustomOperation> = {
  ...operations('courses', [idParam, sessionParam]),
  ...operations('webinars', [idParam]),
}
