import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

/** What a recipient may change. Everything else was written by notify() and stays as it was. */
const WRITABLE = new Set(['readAt'])
/** Echoed back by forms and clients with the document; harmless while unchanged. */
const ECHOED = new Set(['id', 'createdAt', 'updatedAt'])

const comparable = (value: unknown): unknown => {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  if (value === undefined || value === null || value === '') return null
  return String(value)
}

/**
 * Over REST and GraphQL a recipient marks a notification read or unread and nothing else: a body that
 * changes any other field is a 400 naming it, and nothing is written. Server code (the Local API) is trusted.
 */
export const allowOnlyReadAt: CollectionBeforeValidateHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || req.payloadAPI === 'local' || !data) return data
  const errors = Object.keys(data)
    .filter((field) => !WRITABLE.has(field) && !ECHOED.has(field))
    .filter((field) => comparable(data[field]) !== comparable((originalDoc as Record<string, unknown> | undefined)?.[field]))
    .map((path) => ({ path, message: 'Solo se puede cambiar readAt (fecha de lectura). / Only readAt can be changed.' }))
  if (errors.length) throw new ValidationError({ collection: 'notifications', errors })
  return data
}
