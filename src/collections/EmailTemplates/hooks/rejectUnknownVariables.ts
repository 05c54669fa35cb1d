import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { hasContent } from '../../../email/templateBody/nodes'
import { templateVariableErrors } from '../../../email/templateVariableErrors'
import { isEmailTemplateKey } from '../../../email/templateVariables'
import { say } from '../../../i18n/say'

/**
 * The rich-text body's variables (picked from the list, typed as `{{…}}`, in a link or a button)
 * must be ones its email provides: a 400 on `content` naming them, so a typo never reaches a
 * customer as a blank. Checked here, not in a field `validate`, because that would replace the
 * editor's own validation of its nodes. Also: a template needs a body, written in the editor or
 * (older rows) as HTML. Subject and HTML body are checked by their field validators.
 */
export const rejectUnknownVariables: CollectionBeforeValidateHook = ({ data, originalDoc, operation, req }) => {
  const key = data?.key ?? originalDoc?.key
  const touchesBody = operation === 'create' || Boolean(data && ('content' in data || 'body' in data))
  const content = data && 'content' in data ? data.content : originalDoc?.content
  const body = data && 'body' in data ? data.body : originalDoc?.body
  const errors: { path: string; message: string }[] = []
  if (touchesBody && !hasContent(content) && !String(body ?? '').trim()) {
    errors.push({ path: 'content', message: say(req, { es: 'Escribe el cuerpo del correo.', en: 'Write the body of the email.' }) })
  }
  // Thrown before Payload's own field checks run, so name the missing email too: one answer lists every problem.
  if (errors.length && operation === 'create' && !key) {
    errors.push({ path: 'key', message: say(req, { es: 'Elige el correo de esta plantilla.', en: 'Choose which email this template is for.' }) })
  }
  if (isEmailTemplateKey(key)) errors.push(...templateVariableErrors(key, { content }, req))
  if (errors.length) throw new ValidationError({ collection: 'email-templates', errors })
  return data
}
