import { configToJSONSchema, type Field, type SanitizedConfig } from 'payload'

type Schema = Record<string, any>

/**
 * Payload's JSON Schema of the config (the one `payload-types.ts` is generated from), made into
 * OpenAPI 3.1 components. That schema is written for json-schema-to-typescript, so it carries
 * things an OpenAPI validator rightly refuses:
 * - `tsType`, a hint for the TypeScript generator (on rich-text node types);
 * - definitions that exist only for TypeScript (`auth`, whose name-keyed members are not schemas,
 *   `config`, the `*_select` shapes, jobs' task inputs, Payload's own internal collections); they
 *   are dropped later by `pruneUnusedSchemas` with everything no operation reaches;
 * - relationship `oneOf`s whose branches each accept `null`, so a `null` matches two branches and
 *   fails `oneOf`: `null` is taken out of the branches and offered once;
 * - `hidden` fields (a webhook's sealed signing secret), which Payload never returns from any API.
 */
export function schemaComponents(config: SanitizedConfig): Record<string, Schema> {
  const definitions = configToJSONSchema(config, 'number').definitions ?? {}
  for (const entity of [...config.collections, ...config.globals]) dropHiddenFields(definitions[entity.slug], entity.fields)
  const text = JSON.stringify(definitions).replace(/#\/definitions\//g, '#/components/schemas/')
  return cleanSchema(JSON.parse(text)) as Record<string, Schema>
}

const dropHiddenFields = (schema: Schema | undefined, fields: Field[]): void => {
  if (!schema?.properties) return
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) dropHiddenFields(schema.properties[tab.name], tab.fields)
        else dropHiddenFields(schema, tab.fields)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field && Array.isArray(field.fields)) dropHiddenFields(schema, field.fields)
      continue
    }
    if ('hidden' in field && field.hidden) {
      delete schema.properties[field.name]
      if (Array.isArray(schema.required)) schema.required = schema.required.filter((name: string) => name !== field.name)
      continue
    }
    if (field.type === 'group') dropHiddenFields(schema.properties[field.name], field.fields)
    if (field.type === 'array') dropHiddenFields(schema.properties[field.name]?.items, field.fields)
  }
}

/** Keys json-schema-to-typescript understands and OpenAPI's schema dialect does not. */
const TYPESCRIPT_ONLY_KEYS = new Set(['tsType'])

const cleanSchema = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(cleanSchema)
  if (!value || typeof value !== 'object') return value
  const out: Schema = {}
  for (const [key, child] of Object.entries(value)) {
    if (TYPESCRIPT_ONLY_KEYS.has(key)) continue
    out[key] = cleanSchema(child)
  }
  if (Array.isArray(out.oneOf) && out.oneOf.length > 1 && out.oneOf.every(acceptsNull)) {
    out.oneOf = [...out.oneOf.map(withoutNull), { type: 'null' }]
  }
  return out
}

const acceptsNull = (schema: Schema) => Array.isArray(schema?.type) && schema.type.includes('null')
const withoutNull = (schema: Schema) => {
  const types = schema.type.filter((type: string) => type !== 'null')
  return { ...schema, type: types.length === 1 ? types[0] : types }
}

/**
 * Keeps the schemas an operation reaches (through `$ref`s, transitively): a schema nothing points
 * at documents nothing a client can send or receive.
 */
export function pruneUnusedSchemas(document: Schema): void {
  const schemas: Record<string, Schema> = document.components.schemas
  const reached = new Set<string>()
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        const name = child.slice('#/components/schemas/'.length)
        if (!reached.has(name)) {
          reached.add(name)
          visit(schemas[name])
        }
      } else visit(child)
    }
  }
  visit(document.paths)
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name]
}
