import { ValidationError } from 'payload'

import { say, type KnowsLanguage } from '../i18n/say'
import { COMMENT_MAX_LENGTH } from './limits'

/** Lone UTF-16 surrogates (a forged JSON body) become U+FFFD, as Node would write them anyway. */
const wellFormed = (text: string): string => (text as unknown as { toWellFormed: () => string }).toWellFormed()

export interface FeedbackInput {
  rating: number
  /** Trimmed; `null` when the person wrote nothing. */
  comment: string | null
}

const fail = (path: 'feedbackRating' | 'feedbackComment', message: string): never => {
  throw new ValidationError({ collection: 'enrollments', errors: [{ path, message }] })
}

const MESSAGES = {
  rating: { es: 'La valoración debe ser un número entero del 1 al 5.', en: 'The rating must be a whole number from 1 to 5.' },
  commentType: { es: 'El comentario debe ser texto.', en: 'The comment must be text.' },
  commentLength: { es: `El comentario puede tener como máximo ${COMMENT_MAX_LENGTH} caracteres.`, en: `The comment may be at most ${COMMENT_MAX_LENGTH} characters long.` },
}

/**
 * What a person may send from the feedback page or a caller may pass to `submitFeedback`: a whole
 * number from 1 to 5 (a form sends it as text) and an optional comment. Anything else is a 400
 * naming the field, before the database is touched.
 */
export function parseFeedbackInput(rating: unknown, comment: unknown, language?: KnowsLanguage): FeedbackInput {
  const ratingText = typeof rating === 'number' ? String(rating) : typeof rating === 'string' ? rating.trim() : ''
  if (!/^[1-5]$/.test(ratingText)) fail('feedbackRating', say(language, MESSAGES.rating))
  if (comment !== undefined && comment !== null && typeof comment !== 'string') fail('feedbackComment', say(language, MESSAGES.commentType))
  // PostgreSQL text refuses NUL (a 500); other control characters are noise nobody typed on purpose.
  const cleaned = typeof comment === 'string' ? wellFormed(comment).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim() : ''
  if (cleaned.length > COMMENT_MAX_LENGTH) fail('feedbackComment', say(language, MESSAGES.commentLength))
  return { rating: Number(ratingText), comment: cleaned || null }
}
