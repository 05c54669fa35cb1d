import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { say } from '../../../i18n/say'

/**
 * One template per key and language. The compound unique index is the real guarantee; this check
 * turns the common case into a 400 on `key` that staff can read, instead of a database error.
 */
export const rejectDuplicateKeyLocale: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const key = data?.key ?? originalDoc?.key
  const locale = data?.locale ?? originalDoc?.locale ?? 'es'
  if (!key) return data
  const clash = await req.payload.find({
    collection: 'email-templates',
    where: {
      and: [{ key: { equals: key } }, { locale: { equals: locale } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
    },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (clash.docs.length) {
    throw new ValidationError({
      collection: 'email-templates',
      errors: [{ path: 'key', message: say(req, { es: `Ya existe una plantilla "${key}" en "${locale}"; edita esa.`, en: `A "${key}" template in "${locale}" already exists; edit that one instead.` }) }],
    }, req.t)
  }
  return data
}
