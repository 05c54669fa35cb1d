import { APIError, type Endpoint, Forbidden, ValidationError } from 'payload'

import { checkRole } from '../../../access'
import { STAFF_ROLES } from '../../../access/roles'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { previewInBothLanguages } from '../../../email/templatePreview'
import { templateVariableErrors } from '../../../email/templateVariableErrors'
import { isEmailTemplateKey, toEmailLocale } from '../../../email/templateVariables'
import { say } from '../../../i18n/say'

/**
 * `POST /api/email-templates/preview` (staff): `{ key, locale, subject, content?, body? }`, the
 * template as it stands in the form, unsaved → `{ previews: { es, en } }`, each `{ subject, html,
 * text, source }` filled with sample data. A variable the email does not have is a 400 on its field,
 * as saving would be.
 */
export const previewTemplate: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver la vista previa.', en: 'Log in to see the preview.' }), 401)
    if (!checkRole(STAFF_ROLES, req.user)) throw new Forbidden(req.t)
    const input = await readJsonBody(req)
    if (!isEmailTemplateKey(input.key)) {
      throw new ValidationError({ collection: 'email-templates', errors: [{ path: 'key', message: say(req, { es: 'Elige el correo.', en: 'Choose the email.' }) }] })
    }
    const subject = typeof input.subject === 'string' ? input.subject.slice(0, 200) : ''
    const body = typeof input.body === 'string' ? input.body : null
    const content = input.content && typeof input.content === 'object' ? input.content : null
    const errors = templateVariableErrors(input.key, { subject, content, body }, req)
    if (errors.length) throw new ValidationError({ collection: 'email-templates', errors })
    const previews = await previewInBothLanguages(req, { key: input.key, locale: toEmailLocale(input.locale), subject, content, body })
    return Response.json({ previews })
  },
}
