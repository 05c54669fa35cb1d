import type { Field, SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { pascalCase, singularName } from './names'

type Schema = Record<string, any>
type WriteOperation = 'create' | 'update'

/**
 * Request-body schemas for creating and updating documents (`WebinarCreate`, `WebinarUpdate`),
 * derived from the read schema by walking the Payload field config. A field is left out of the
 * body for an operation when Payload would not store what the caller sends:
 * - its field access for the operation takes no argument and answers `false` (`() => false`):
 *   it cannot depend on who asks, so it refuses everyone and Payload drops the value. This is how
 *   Aula marks what the server computes (`seatsTaken`, `seatsLeft`, `searchText`, ratings,
 *   `createdAt`/`updatedAt`, which Payload itself guards this way). Access that looks at the
 *   caller (`isAdminField`) stays: the field is writable for some callers;
 * - it is `hidden` (Payload strips it from every API: auth's `hash`, `salt`, tokens);
 * - it is a virtual field bound to a relationship path (`virtual: 'author.name'`), which Payload
 *   fills on read and never writes;
 * - it is the document's `id` or a timestamp, which the database and Payload assign (listed
 *   explicitly: Payload's own internal collections and globals do not guard them with access).
 * Not used as a signal: `admin.readOnly` (an admin-panel setting; Payload also sets it on every
 * virtual field, yet `users.sendInvitation` and `webinars.timezone` are virtual write inputs that
 * hooks read) and a plain `virtual: true` (same reason).
 * Updates are partial (Payload keeps the stored value of a field the body leaves out, inside
 * groups too), so an update body requires nothing, except inside array rows, which replace the
 * stored rows whole.
 */
export function writeSchemas(entity: SanitizedCollectionConfig | SanitizedGlobalConfig, readSchema: Schema, kind: 'collection' | 'global'): Record<string, Schema> {
  const name = kind === 'collection' ? singularName(entity.slug) : pascalCase(entity.slug)
  const isAuth = kind === 'collection' && Boolean((entity as SanitizedCollectionConfig).auth) && !(entity as SanitizedCollectionConfig).auth.disableLocalStrategy
  const body = (operation: WriteOperation) => {
    const schema = objectBody(entity.fields, readSchema, operation, true)
    for (const assigned of ASSIGNED_BY_PAYLOAD) delete schema.properties[assigned]
    schema.required = schema.required?.filter((field: string) => !ASSIGNED_BY_PAYLOAD.includes(field))
    if (!schema.required?.length) delete schema.required
    if (isAuth) schema.properties.password = { type: 'string', writeOnly: true, description: operation === 'create' ? 'Optional: without it the account is invited to choose one (`sendInvitation`).' : 'A new password.' }
    return schema
  }
  return {
    [`${name}Create`]: { ...body('create'), description: `What a create of ${entity.slug} accepts: its fields without the ones the server computes or refuses to take from a client.` },
    [`${name}Update`]: { ...body('update'), description: `What an update of ${entity.slug} accepts: any of the fields it may change (the others keep their stored value).` },
  }
}

const ASSIGNED_BY_PAYLOAD = ['id', 'createdAt', 'updatedAt']

const objectBody = (fields: Field[], readSchema: Schema, operation: WriteOperation, mergesPartially: boolean): Schema => {
  const properties: Record<string, Schema> = { ...(readSchema.properties ?? {}) }
  const required = new Set<string>(readSchema.required ?? [])
  const walk = (level: Field[]) => {
    for (const field of level) {
      if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) nest(tab.name, tab.fields, 'group')
          else walk(tab.fields)
        }
        continue
      }
      if (!('name' in field) || !field.name) {
        if ('fields' in field && Array.isArray(field.fields)) walk(field.fields)
        continue
      }
      if (!(field.name in properties)) continue
      if (refusesWrite(field, operation)) {
        delete properties[field.name]
        required.delete(field.name)
        continue
      }
      if ('defaultValue' in field && field.defaultValue !== undefined) required.delete(field.name)
      if (field.type === 'group' || field.type === 'array') nest(field.name, field.fields, field.type)
    }
  }
  const nest = (fieldName: string, subFields: Field[], type: 'group' | 'array') => {
    const sub = properties[fieldName]
    if (!sub || sub.$ref) return
    if (type === 'group' && sub.properties) properties[fieldName] = objectBody(subFields, sub, operation, mergesPartially)
    if (type === 'array' && sub.items?.properties) properties[fieldName] = { ...sub, items: objectBody(subFields, sub.items, operation, false) }
  }
  walk(fields)
  const schema: Schema = { ...readSchema, properties }
  const keepRequired = operation === 'create' || !mergesPartially
  if (keepRequired && required.size) schema.required = [...required].filter((name) => name in properties)
  else delete schema.required
  return schema
}

const refusesWrite = (field: Field, operation: WriteOperation): boolean => {
  if ('hidden' in field && field.hidden) return true
  if ('virtual' in field && typeof field.virtual === 'string') return true
  const rule = 'access' in field ? field.access?.[operation] : undefined
  return typeof rule === 'function' && rule.length === 0 && refusesEveryone(rule as () => unknown)
}

const refusesEveryone = (rule: () => unknown): boolean => {
  try {
    return rule() === false
  } catch {
    return false
  }
}
