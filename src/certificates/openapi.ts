import type { CustomOperation } from '../openapi/customOperations'

/** Issue, revoke, reissue and the PDF download (src/collections/Certificates/endpoints) as OpenAPI entries. */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const answer = (what: string) => ({ description: what, content: json({ type: 'object', properties: { message: { type: 'string' }, doc: { $ref: '#/components/schemas/certificates' } } }) })
const adminOnly = {
  '401': { description: 'Not logged in.', content: errors },
  '403': { description: 'Not an admin.', content: errors },
}

export const certificateOperations: Record<string, CustomOperation> = {
  'POST /api/certificates/issue': {
    registeredAs: 'certificates',
    summary: 'Issue a certificate by hand (admins)',
    description:
      'For any confirmed enrollment, completed or not. Takes the next number of the year, draws and stores the PDF, signs the credential and emails the holder, in one transaction. If the enrollment already has a valid certificate, that one is returned (201 too).',
    tags: ['Certificates'],
    security: 'user',
    requestBody: { required: true, content: json({ type: 'object', required: ['enrollment', 'note'], properties: { enrollment: { type: 'integer' }, note: { type: 'string', maxLength: 1000, description: 'Why it was issued by hand; staff read it, the holder does not.' } } }) },
    responses: {
      '201': answer('The certificate.'),
      '400': { description: '`enrollment` missing, malformed or not confirmed; `note` missing or too long.', content: errors },
      ...adminOnly,
      '404': { description: 'Unknown enrollment.', content: errors },
    },
  },
  'POST /api/certificates/{id}/revoke': {
    registeredAs: 'certificates',
    summary: 'Revoke a certificate (admins)',
    description: 'The certificate stays (its number is never reused); verification answers `revoked` with the date and the reason. An unsent email for it is not sent.',
    tags: ['Certificates'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: true, content: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', maxLength: 1000 } } }) },
    responses: { '200': answer('The revoked certificate.'), '400': { description: '`reason` missing or too long.', content: errors }, ...adminOnly, '404': { description: 'Unknown certificate.', content: errors }, '409': { description: 'Already revoked.', content: errors } },
  },
  'POST /api/certificates/{id}/reissue': {
    registeredAs: 'certificates',
    summary: 'Reissue a certificate after a correction (admins)',
    description: 'Same number and verification code, `version` + 1, the facts taken again from the person and the item (the completion day is kept), a new PDF and credential, and a new email.',
    tags: ['Certificates'],
    security: 'user',
    parameters: [idParam],
    requestBody: { required: false, content: json({ type: 'object', properties: { note: { type: 'string', maxLength: 1000 } } }) },
    responses: { '200': answer('The new version.'), '400': { description: '`note` too long.', content: errors }, ...adminOnly, '404': { description: 'Unknown certificate.', content: errors }, '409': { description: 'Revoked certificates are not reissued.', content: errors } },
  },
  'GET /api/certificates/{id}/pdf': {
    registeredAs: 'certificates',
    summary: 'Download a certificate’s PDF',
    description: 'Its holder, the item’s instructors and office staff (as reading the certificate); anyone else gets the same 404 as for a missing one.',
    tags: ['Certificates'],
    security: 'user',
    parameters: [idParam],
    responses: { '200': { description: 'The PDF of the current version.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, '404': { description: 'Unknown, or not yours to read.', content: errors } },
  },
}
