import type { SanitizedGlobalConfig } from 'payload'

import { pascalCase } from './names'

/**
 * Payload's REST operations on one global (`GET` and `POST /api/globals/<slug>`), described like a
 * collection's. Every Aula global is settings that staff apps read (business time zone and
 * currency, bank details, lead scoring…); none is public, so both operations need a login and the
 * global's own access decides (a 403 otherwise).
 */
export function globalPaths(global: SanitizedGlobalConfig): Record<string, Record<string, unknown>> {
  const name = pascalCase(global.slug)
  const json = (schema: unknown) => ({ 'application/json': { schema } })
  const errors = json({ $ref: '#/components/schemas/Errors' })
  const ref = { $ref: `#/components/schemas/${global.slug}` }
  const common = { tags: ['Settings'], 'x-payload-global': global.slug, security: [{ jwt: [] }, { cookie: [] }] }
  const denied = { '401': { description: 'Not logged in.', content: errors }, '403': { description: 'The global’s access refuses the caller.', content: errors } }
  const depth = { name: 'depth', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'How deep to populate relationships.' }
  const locale = { name: 'locale', in: 'query', required: false, schema: { type: 'string' } }
  return {
    [`/api/globals/${global.slug}`]: {
      get: { ...common, operationId: `get${name}`, summary: `Read the ${global.slug} global`, parameters: [depth, locale], responses: { '200': { description: 'The global.', content: json(ref) }, ...denied } },
      post: {
        ...common,
        operationId: `update${name}`,
        summary: `Update the ${global.slug} global`,
        requestBody: { required: true, content: json({ $ref: `#/components/schemas/${name}Update` }) },
        responses: {
          '200': { description: 'Updated.', content: json({ type: 'object', properties: { message: { type: 'string' }, result: ref } }) },
          '400': { description: 'Invalid data; each error names its field.', content: errors },
          ...denied,
        },
      },
    },
  }
}
