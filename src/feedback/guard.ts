import { ValidationError, type FieldHook } from 'payload'

import { say } from '../i18n/say'

/** The same value however a form spells it: `4` and `"4"`, a date as ISO text or as a `Date`. */
const comparable = (value: unknown, type: string) => {
  if (value === undefined || value === null || value === '') return null
  if (type === 'date') {
    const time = new Date(value as string).getTime()
    return Number.isNaN(time) ? String(value) : String(time)
  }
  return String(value)
}

/**
 * Feedback is the participant's word, given once through the signed link (`submitFeedback` writes it
 * with SQL of its own). A field rule alone would drop a forged value silently; this hook runs before
 * field access and refuses, with the field's name, any write through Payload that changes feedback
 * (REST, GraphQL, the admin, the Local API), for every role, `overrideAccess` or not. Resending the
 * stored value unchanged (the admin form does) passes.
 */
export const refuseFeedbackOutsideLink: FieldHook = ({ value, previousValue, siblingData, field, req }) => {
  const name = 'name' in field && field.name ? field.name : ''
  if (!name || !(name in siblingData) || comparable(value, field.type) === comparable(previousValue, field.type)) return value
  throw new ValidationError({
    collection: 'enrollments',
    errors: [
      {
        path: name,
        message: say(req, {
          es: 'La valoración solo la da la persona inscrita, desde el enlace de su correo de seguimiento.',
          en: 'Feedback is given only by the participant, through the link in their follow-up email.',
        }),
      },
    ],
    req,
  })
}
