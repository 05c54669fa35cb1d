import type { CustomOperation } from '../../openapi/customOperations'

/** Public verification, the JWKS and the credential download, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } })
const errors = json({ $ref: '#/components/schemas/Errors' })
const jwt = { 'application/vc+jwt': { schema: { type: 'string', description: 'A compact JWS (header.payload.signature).' } } }
const codeParam = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{32}$' }, description: 'The verification code printed on the certificate (its QR code).' }
const tooMany = { description: 'Too many checks from this address (`RATE_LIMIT_VERIFY_PER_IP` per window); see `Retry-After`.', content: errors }

const verification = {
  type: 'object',
  required: ['status', 'number', 'version', 'holderName', 'item', 'hours', 'completedOn', 'issuedOn', 'revocation', 'links'],
  properties: {
    status: { type: 'string', enum: ['valid', 'revoked'] },
    number: { type: 'string', example: 'AULA-2026-000123' },
    version: { type: 'integer', minimum: 1 },
    holderName: { type: 'string', description: 'The name as printed on the certificate.' },
    item: { type: 'object', properties: { type: { type: 'string', enum: ['webinar', 'course'] }, title: { type: 'string' } } },
    hours: { type: 'number' },
    completedOn: { type: 'string', format: 'date' },
    issuedOn: { type: 'string', format: 'date' },
    revocation: { type: ['object', 'null'], properties: { revokedAt: { type: ['string', 'null'], format: 'date-time' }, reason: { type: 'string' } } },
    links: {
      type: 'object',
      properties: {
        page: { type: 'string', format: 'uri' },
        credential: { type: ['string', 'null'], format: 'uri', description: 'Null once revoked.' },
        jwks: { type: 'string', format: 'uri' },
      },
    },
  },
}

export const certificateVerificationOperations: Record<string, CustomOperation> = {
  'GET /api/certificates/verify/{code}': {
    registeredAs: 'certificates',
    summary: 'Verify a certificate by its code (public)',
    description:
      'Anyone with the code learns whether the certificate is valid or revoked (when and why), and what it states: the printed name, the item, hours, completion and issue dates, number and version. Nothing else about the person. An unknown or malformed code is a 404. Not cached (`no-store`).',
    tags: ['Certificates'],
    security: 'anyone',
    parameters: [codeParam],
    responses: { '200': { description: 'The certificate as printed, and its status.', content: json(verification) }, '404': { description: 'No certificate has this code.', content: errors }, '429': tooMany },
  },
  'GET /api/certificates/verify/{code}/credential': {
    registeredAs: 'certificates',
    summary: 'The signed Open Badges 3.0 credential of a valid certificate (public)',
    description: 'A W3C VC 2.0 `OpenBadgeCredential` signed as a JWT (EdDSA/Ed25519, `typ: vc+jwt`, `kid` in the header); verify it with the keys at `/api/certificates/jwks`.',
    tags: ['Certificates'],
    security: 'anyone',
    parameters: [codeParam],
    responses: { '200': { description: 'The credential.', content: jwt }, '404': { description: 'No certificate has this code.', content: errors }, '410': { description: 'The certificate was revoked: its credential is withdrawn.', content: errors }, '429': tooMany },
  },
  'GET /api/certificates/jwks': {
    registeredAs: 'certificates',
    summary: 'Public keys that verify every credential ever signed here (JWKS)',
    description: 'Current and retired Ed25519 keys (`kty: OKP`, `crv: Ed25519`, `alg: EdDSA`), public parts only. Cacheable for an hour; a key never leaves this set once it signed a credential.',
    tags: ['Certificates'],
    security: 'anyone',
    responses: { '200': { description: 'A JSON Web Key Set.', content: { 'application/jwk-set+json': { schema: { type: 'object', properties: { keys: { type: 'array', items: { type: 'object' } } } } } } } },
  },
  'GET /api/certificates/{id}/credential': {
    registeredAs: 'certificates',
    summary: 'Download the signed credential of a certificate you may read (holder, its instructors, staff)',
    tags: ['Certificates'],
    security: 'user',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
    responses: { '200': { description: 'The credential as a `.jwt` file.', content: jwt }, '404': { description: 'Unknown id, or not a certificate the caller may read.', content: errors } },
  },
}
