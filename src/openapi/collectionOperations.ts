import type { SanitizedCollectionConfig } from 'payload'

import { pascalCase, singularName } from './names'

/**
 * Payload's generated REST operations for one collection, described for OpenAPI. Operation ids
 * come from the slug (`listWebinars`, `getWebinar`, `createWebinar`…); bodies use the write
 * schemas of writeSchemas.ts (`WebinarCreate`, `WebinarUpdate`).
 */
export function collectionPaths(collection: SanitizedCollectionConfig): Record<string, Record<string, unknown>> {
  const { slug } = collection
  const plural = pascalCase(slug)
  const singular = singularName(slug)
  const ref = { $ref: `#/components/schemas/${slug}` }
  const createRef = { $ref: `#/components/schemas/${singular}Create` }
  const updateRef = { $ref: `#/components/schemas/${singular}Update` }
  const errors = { $ref: '#/components/schemas/Errors' }
  const json = (schema: unknown) => ({ 'application/json': { schema } })
  const tag = labelOf(collection)
  const common = { tags: [tag], 'x-payload-collection': slug }
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
  const depth = { name: 'depth', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'How deep to populate relationships.' }
  const locale = { name: 'locale', in: 'query', required: false, schema: { type: 'string' } }
  const denied = { '401': { description: 'Not logged in.', content: json(errors) }, '403': { description: 'Not allowed.', content: json(errors) } }
  const invalid = { '400': { description: 'Invalid data; each error names its field.', content: json(errors) } }
  const missing = { '404': { description: 'Unknown id (or not visible to the caller).', content: json(errors) } }
  const docResult = json({ type: 'object', properties: { doc: ref, message: { type: 'string' } } })

  const paths: Record<string, Record<string, unknown>> = {
    [`/api/${slug}`]: {
      get: {
        ...common,
        operationId: `list${plural}`,
        summary: `List ${slug}`,
        parameters: [
          { name: 'where', in: 'query', style: 'deepObject', explode: true, required: false, schema: { type: 'object' }, description: 'Payload query: `where[field][operator]=value`.' },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          { name: 'sort', in: 'query', required: false, schema: { type: 'string' }, description: 'Field name, `-field` for descending.' },
          { name: 'select', in: 'query', style: 'deepObject', explode: true, required: false, schema: { type: 'object' } },
          depth,
          locale,
        ],
        responses: {
          // allOf, not properties beside the $ref: generators (openapi-typescript) ignore a $ref's siblings.
          '200': { description: 'A page of documents the caller may read.', content: json({ allOf: [{ $ref: '#/components/schemas/PaginatedDocs' }, { type: 'object', required: ['docs'], properties: { docs: { type: 'array', items: ref } } }] }) },
          ...denied,
        },
      },
      post: {
        ...common,
        operationId: `create${singular}`,
        summary: `Create a ${slug} document`,
        requestBody: { required: true, content: collection.upload ? { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, _payload: { type: 'string', description: `The other fields as JSON (${singular}Create).` } } } } } : json(createRef) },
        responses: { '201': { description: 'Created.', content: docResult }, ...invalid, ...denied },
      },
    },
    [`/api/${slug}/{id}`]: {
      get: { ...common, operationId: `get${singular}`, summary: `Get one ${slug} document`, parameters: [id, depth, locale], responses: { '200': { description: 'The document.', content: json(ref) }, ...denied, ...missing } },
      patch: { ...common, operationId: `update${singular}`, summary: `Update a ${slug} document`, parameters: [id], requestBody: { required: true, content: json(updateRef) }, responses: { '200': { description: 'Updated.', content: docResult }, ...invalid, ...denied, ...missing } },
      delete: { ...common, operationId: `delete${singular}`, summary: `Delete a ${slug} document`, parameters: [id], responses: { '200': { description: 'Deleted.', content: docResult }, ...denied, ...missing } },
    },
  }
  if (collection.auth) {
    const credentials = json({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } })
    const auth = (path: string, method: string, operationId: string, summary: string, extra: Record<string, unknown> = {}) => {
      paths[`/api/${slug}/${path}`] = { [method]: { ...common, tags: ['Authentication'], operationId, summary, responses: { '200': { description: 'OK.' }, ...invalid, ...denied }, ...extra } }
    }
    auth('login', 'post', `login${singular}`, 'Log in: returns `token` (send `Authorization: JWT <token>`) and sets the cookie', { requestBody: { required: true, content: credentials } })
    auth('logout', 'post', `logout${singular}`, 'Log out')
    auth('me', 'get', `getCurrent${singular}`, 'The logged-in user (or `user: null`)')
    auth('refresh-token', 'post', `refresh${singular}Token`, 'A fresh token for the logged-in user')
    auth('forgot-password', 'post', `forgot${singular}Password`, 'Email a reset link', { requestBody: { required: true, content: json({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }) } })
    auth('reset-password', 'post', `reset${singular}Password`, 'Set a new password with the emailed token', { requestBody: { required: true, content: json({ type: 'object', required: ['token', 'password'], properties: { token: { type: 'string' }, password: { type: 'string' } } }) } })
  }
  return paths
}

/** The collection's English plural label: its tag in the document. */
export const labelOf = (collection: SanitizedCollectionConfig): string => {
  const plural = collection.labels?.plural
  if (typeof plural === 'string') return plural
  if (plural && typeof plural === 'object' && 'en' in plural) return String((plural as Record<string, string>).en)
  // Collection labels are functions of the admin language (src/i18n/withAdminLanguage.ts); the API reference is in English.
  if (typeof plural === 'function') return String(plural({ i18n: { language: 'en' }, t: (key: string) => key } as never))
  return collection.slug
}
