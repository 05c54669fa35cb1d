import type { Field, FieldAccess } from 'payload'

import { refuseFeedbackOutsideLink } from './guard'
import { COMMENT_MAX_LENGTH } from './limits'

const nobody: FieldAccess = () => false

/** Written only by `submitFeedback` (SQL of its own); the guard answers any write through Payload with a 400. */
const onlyThroughTheLink = {
  access: { create: nobody, update: nobody },
  // A copy of an enrollment (the admin's "Duplicate") starts without anyone's feedback.
  hooks: { beforeValidate: [refuseFeedbackOutsideLink], beforeDuplicate: [() => null] },
}

/** The enrollment's feedback: shown to staff, read-only in the admin. */
export const feedbackFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'feedbackRating', type: 'number', min: 1, max: 5, label: { es: 'Valoración (1–5)', en: 'Rating (1–5)' }, admin: { readOnly: true }, ...onlyThroughTheLink },
      {
        name: 'feedbackAt',
        type: 'date',
        label: { es: 'Valorado el', en: 'Rated at' },
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        ...onlyThroughTheLink,
      },
    ],
  },
  { name: 'feedbackComment', type: 'textarea', maxLength: COMMENT_MAX_LENGTH, label: { es: 'Comentario', en: 'Comment' }, admin: { readOnly: true }, ...onlyThroughTheLink },
]
