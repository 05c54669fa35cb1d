import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { designImageProblem } from '../../../certificates/pdf/imageRules'
import { idOf } from '../../../crm/ids'
import { say } from '../../../i18n/say'

export const DESIGN_IMAGE_FIELDS = ['background', 'logo', 'signature'] as const

/**
 * Background, logo and signature must be images the PDF can carry (PNG or JPEG) and small enough to
 * render quickly and safely (src/certificates/pdf/imageRules.ts). Each problem names its field.
 */
export const checkDesignImages: CollectionBeforeChangeHook = async ({ data, req, collection }) => {
  const errors: { path: string; message: string }[] = []
  for (const field of DESIGN_IMAGE_FIELDS) {
    const id = idOf(data[field])
    if (id == null) continue
    const media = await req.payload.find({ collection: 'media', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })
    const problem = media.docs[0] ? designImageProblem(media.docs[0]) : { es: 'Esa imagen no existe.', en: 'That image does not exist.' }
    if (problem) errors.push({ path: field, message: say(req, problem) })
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
  return data
}
