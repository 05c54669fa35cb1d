import { COMMENT_MAX_LENGTH } from '../../../feedback/limits'

/** What the feedback page says, in the participant's language (their `language`, Spanish by default). */
export const feedbackCopy = {
  es: {
    title: 'Tu opinión',
    ask: '¿Qué te pareció',
    rating: 'Valoración',
    ratingHint: '1 = muy malo, 5 = excelente',
    comment: 'Comentario (opcional)',
    send: 'Enviar',
    thanks: '¡Gracias! Recibimos tu valoración.',
    already: 'Ya recibimos tu valoración de esta actividad. ¡Gracias!',
    notConfirmed: 'Esta inscripción no está confirmada, así que no admite valoraciones.',
    notOpen: 'La encuesta se abre cuando empieza la actividad.',
    fieldErrors: { feedbackRating: 'Elige una valoración del 1 al 5.', feedbackComment: `El comentario puede tener como máximo ${COMMENT_MAX_LENGTH} caracteres.` },
  },
  en: {
    title: 'Your feedback',
    ask: 'How was',
    rating: 'Rating',
    ratingHint: '1 = very poor, 5 = excellent',
    comment: 'Comment (optional)',
    send: 'Send',
    thanks: 'Thank you! We received your feedback.',
    already: 'We already received your feedback on this event. Thank you!',
    notConfirmed: 'This enrollment is not confirmed, so it cannot be rated.',
    notOpen: 'The survey opens when the event starts.',
    fieldErrors: { feedbackRating: 'Choose a rating from 1 to 5.', feedbackComment: `The comment may be at most ${COMMENT_MAX_LENGTH} characters long.` },
  },
} as const

export type FeedbackCopy = (typeof feedbackCopy)[keyof typeof feedbackCopy]

/** Before the token is checked nobody is known: both languages. */
export const invalidLinkText = { title: 'Enlace no válido · Invalid link', body: 'Este enlace no es válido. · This link is not valid.' }
