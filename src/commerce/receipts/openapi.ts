import type { CustomOperation } from '../../openapi/customOperations'

const errors = { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } }
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }

/** Receipts' own endpoint, as an OpenAPI entry (spread into src/openapi/customOperations.ts). */
export const receiptOperations: Record<string, CustomOperation> = {
  'GET /api/receipts/{id}/pdf': {
    registeredAs: 'receipts',
    summary: 'Download a receipt’s or credit note’s PDF',
    description: 'Drawn from the snapshot frozen at issue, in the buyer’s language. The payment’s person, the buyer and office staff (admins, editors, sales), as reading the receipt; anyone else gets the same 404 as for a missing one.',
    tags: ['Payments'],
    security: 'user',
    parameters: [idParam],
    responses: { '200': { description: 'The PDF (`attachment; filename="B-2026-000001.pdf"`, `Cache-Control: private, no-store`).', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, '404': { description: 'Unknown, or not yours to read.', content: errors } },
  },
}
