import type { CustomOperation } from '../../openapi/customOperations'

/** The meeting-report import, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const sessionParam = { name: 'sessionId', in: 'path', required: true, schema: { type: 'string', maxLength: 64 }, description: 'The course session’s id (`modules[].sessions[].id`).' }
const person = { type: 'object', properties: { enrollmentId: { type: 'integer' }, name: { type: 'string' }, email: { type: 'string' }, minutes: { type: 'integer' }, present: { type: 'boolean' } } }
const result = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['zoom', 'meet', 'teams', 'csv'] },
    sessionMinutes: { type: 'integer' },
    presentFromMinutes: { type: 'integer', description: 'Half the session: at least this many minutes in the meeting is present.' },
    matched: { type: 'array', items: person, description: 'Written (created or changed).' },
    unchanged: { type: 'array', items: person, description: 'Already recorded exactly so (re-importing the same file).' },
    unmatched: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' }, minutes: { type: 'integer' } } }, description: 'Name and email as the file had them (plain text; never stored).' },
  },
}

const operation = (collection: 'courses' | 'webinars', parameters: Record<string, unknown>[]): CustomOperation => ({
  registeredAs: collection,
  summary: 'Import the participants report of Zoom, Google Meet or Microsoft Teams',
  description:
    'A form upload (`file`) or a raw `text/csv` body, at most 2 MB: Zoom’s participants report, Meet’s attendance CSV or Teams’ attendance report (UTF-16 and tab-separated are fine). Rows are summed per email (rejoins), matched case-insensitively among the item’s confirmed enrollments, minutes capped at the session’s length, present from half the session; someone already marked present another way stays present. All or nothing (source `import`). Admins and the item’s instructors.',
  tags: ['Attendance'],
  security: 'user',
  parameters,
  requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }, 'text/csv': { schema: { type: 'string' } } } },
  responses: {
    '200': { description: 'What matched, what was already so, and the rows that matched nobody.', content: json(result) },
    '400': { description: 'Not a CSV report (binary), participant columns missing (the message lists the expected ones), an unreadable duration (its line), no file, or an unknown session.', content: errors },
    '401': { description: 'Not logged in.', content: errors },
    '403': { description: 'Not an admin nor an instructor of this item.', content: errors },
    '404': { description: 'Unknown item.', content: errors },
    '413': { description: 'The file is larger than 2 MB.', content: errors },
  },
})

export const attendanceImportOperations: Record<string, CustomOperation> = {
  'POST /api/courses/{id}/sessions/{sessionId}/attendance/import': operation('courses', [idParam, sessionParam]),
  'POST /api/webinars/{id}/attendance/import': operation('webinars', [idParam]),
}
