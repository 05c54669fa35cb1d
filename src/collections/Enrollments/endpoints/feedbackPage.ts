import { htmlResponse } from '../../../endpoints/htmlResponse'
import { COMMENT_MAX_LENGTH } from '../../../feedback/limits'
import { sitePageHtml } from '../../../site/theme'
import { escapeHtml } from '../../../utilities/escapeHtml'
import type { FeedbackCopy } from './feedbackCopy'

/** The feedback page's HTML (no script: the CSP allows none), in the participant's language. */
export const feedbackPage = (lang: 'es' | 'en', title: string, body: string, status = 200) =>
  htmlResponse(sitePageHtml({ language: lang, title, body }), status)

export interface FeedbackFormState {
  id: number
  token: string
  itemTitle: string
  /** What the person sent, shown again after an error. */
  rating?: string
  comment?: string
  /** Field path → message. */
  errors?: Partial<Record<'feedbackRating' | 'feedbackComment', string>>
}

/** The 1–5 rating and the comment; every value the person or the database gave is escaped. */
export function feedbackForm(text: FeedbackCopy, state: FeedbackFormState): string {
  const error = (path: 'feedbackRating' | 'feedbackComment') =>
    state.errors?.[path] ? `<p class="error" id="${path}-error">${escapeHtml(state.errors[path]!)}</p>` : ''
  const options = [1, 2, 3, 4, 5]
    .map((value) => `<label class="rate"><input type="radio" name="rating" value="${value}" required${state.rating === String(value) ? ' checked' : ''}> ${value}</label>`)
    .join('')
  return `<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.ask)} <strong>${escapeHtml(state.itemTitle)}</strong>?</p>
<form method="post" action="/api/enrollments/${state.id}/feedback">
<input type="hidden" name="token" value="${escapeHtml(state.token)}">
<fieldset><legend>${escapeHtml(text.rating)} <small>(${escapeHtml(text.ratingHint)})</small></legend>${options}${error('feedbackRating')}</fieldset>
<p><label for="comment">${escapeHtml(text.comment)}</label><br><textarea id="comment" name="comment" maxlength="${COMMENT_MAX_LENGTH}">${escapeHtml(state.comment ?? '')}</textarea>${error('feedbackComment')}</p>
<button type="submit">${escapeHtml(text.send)}</button>
</form>`
}

export const message = (text: string) => `<p>${escapeHtml(text)}</p>`
