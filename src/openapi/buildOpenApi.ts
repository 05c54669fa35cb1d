import type { SanitizedConfig } from 'payload'

import { collectionPaths, labelOf } from './collectionOperations'
import { customOperationIds } from './customOperationIds'
import { customOperations, type CustomOperation } from './customOperations'
import { addPublicExamples } from './examples'
import { globalPaths } from './globalOperations'
import { registeredEnrollmentSchema } from './registeredEnrollment'
import { pruneUnusedSchemas, schemaComponents } from './schemaComponents'
import { describeTags } from './tags'
import { writeSchemas } from './writeSchemas'

export type OpenApiDocument = Record<string, any>

const cache = new WeakMap<SanitizedConfig, OpenApiDocument>()

/**
 * Aula's OpenAPI 3.1 document: collection and global operations and schemas generated from the
 * Payload config (Payload's own `configToJSONSchema`, the source of `payload-types.ts`), plus the
 * custom endpoints described by hand in `customOperations.ts`. Built once per config.
 * tests/int/openapi-lint.int.spec.ts holds it to Redocly's recommended rules (docs/api.md lists
 * the warnings kept).
 */
export function buildOpenApi(config: SanitizedConfig): OpenApiDocument {
  const cached = cache.get(config)
  if (cached) return cached
  const schemas = schemaComponents(config)
  schemas.Errors = {
    type: 'object',
    properties: { errors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' }, data: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } } } } } },
  }
  schemas.PaginatedDocs = {
    type: 'object',
    properties: Object.fromEntries(
      [['docs', { type: 'array' }], ...['totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter', 'prevPage', 'nextPage'].map((name) => [name, { type: ['integer', 'null'] }]), ['hasPrevPage', { type: 'boolean' }], ['hasNextPage', { type: 'boolean' }]],
    ),
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const collection of config.collections) {
    if (collection.slug.startsWith('payload-')) continue
    Object.assign(paths, collectionPaths(collection))
    Object.assign(schemas, writeSchemas(collection, schemas[collection.slug], 'collection'))
  }
  for (const global of config.globals) {
    if (global.slug.startsWith('payload-')) continue
    Object.assign(paths, globalPaths(global))
    Object.assign(schemas, writeSchemas(global, schemas[global.slug], 'global'))
  }
  for (const [key, operation] of Object.entries(customOperations)) {
    const [method, path] = key.split(' ')
    paths[path] = { ...paths[path], [method.toLowerCase()]: toOperation(operation, customOperationIds[key]) }
  }
  schemas.RegisteredEnrollment = registeredEnrollmentSchema(schemas.enrollments)
  addPublicExamples(paths as Record<string, Record<string, any>>)
  const tagNames = [...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation: any) => operation.tags ?? [])))]
  const collectionLabels = new Map(config.collections.map((collection) => [labelOf(collection), collection.slug]))

  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Aula REST API',
      version: '1.0.0',
      description: 'Catalog, registration, enrollments, leads and payments. Payload query syntax for lists; errors are `{"errors":[{"message","data":{"errors":[{"path","message"}]}}]}`. GraphQL lives at `/api/graphql`.',
    },
    servers: [{ url: config.serverURL || '/' }],
    tags: describeTags(tagNames, collectionLabels),
    paths,
    components: {
      schemas,
      securitySchemes: {
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>` from `POST /api/users/login`.' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'payload-token' },
      },
    },
    security: [{}, { jwt: [] }, { cookie: [] }],
  }
  pruneUnusedSchemas(document)
  cache.set(config, document)
  return document
}

const toOperation = (operation: CustomOperation, operationId: string | undefined) => {
  const { registeredAs, planned, security, ...rest } = operation
  return {
    ...(operationId ? { operationId } : {}),
    ...rest,
    security: security === 'user' ? [{ jwt: [] }, { cookie: [] }] : [{}],
    'x-aula-registered-as': registeredAs,
    ...(planned ? { 'x-aula-planned': true } : {}),
  }
}
