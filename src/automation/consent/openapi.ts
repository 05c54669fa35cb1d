import type { CustomOperation } from '../../openapi/customOperations'

/** The unsubscribe link of campaign emails, as OpenAPI entries (spread into src/openapi/customOperations.ts). */
const html = { 'text/html': { schema: { type: 'string' } } }
const tokenParam = { name: 'token', in: 'query', required: true, schema: { type: 'string' }, description: 'The signed token from the email (address + campaign, HMAC under the app secret; never expires).' }

/** The marketing checkbox of the public forms (register, enroll, the lead form, the GraphQL mutations). */
export const marketingConsentProperty = {
  type: 'boolean',
  description: 'The marketing-email checkbox. `true` records consent (method `form`), `false` withdraws it, omitted leaves it as it is. A public form cannot give consent back to an address that unsubscribed or withdrew (the answer is the same). Anything but a boolean is a 400 naming `marketingConsent`.',
}

export const unsubscribeOperations: Record<string, CustomOperation> = {
  'GET /api/unsubscribe': {
    registeredAs: 'root',
    summary: 'Unsubscribe page behind the link in campaign emails (HTML; does not unsubscribe)',
    description: 'Shows the address and a confirmation button, in the person’s language. Opening the link changes nothing, so mail scanners and previews cannot unsubscribe anyone (docs/decisions/0025-consent-and-unsubscribe.md).',
    tags: ['Email'],
    security: 'anyone',
    parameters: [tokenParam],
    responses: { '200': { description: 'The confirmation page.', content: html }, '400': { description: 'A token this server did not sign.', content: html } },
  },
  'POST /api/unsubscribe': {
    registeredAs: 'root',
    summary: 'Unsubscribe (RFC 8058 one-click POST from the `List-Unsubscribe` header, or the page’s button)',
    description: 'No login, no Origin check: the token is the authority. Body `List-Unsubscribe=One-Click` (form-encoded; not required). Puts the address on the suppression list, withdraws marketing consent on its users and leads, and counts one unsubscribe on the campaign, once per address. Repeating it answers 200 and changes nothing. Transactional emails (confirmations, reminders, receipts) keep coming.',
    tags: ['Email'],
    security: 'anyone',
    parameters: [tokenParam],
    requestBody: { required: false, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } } } } },
    responses: { '200': { description: 'Unsubscribed (or already was): a short HTML page.', content: html }, '400': { description: 'A token this server did not sign; nothing changes.', content: html } },
  },
}
