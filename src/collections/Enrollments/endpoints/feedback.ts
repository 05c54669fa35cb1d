import { APIError, type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { parseDocumentId } from '../../../utilities/documentId'
import { getClock } from '../../../utilities/clock'
import { isValidFeedbackToken } from '../../../enrollment/cancelToken'
import { itemStartsAt } from '../../../enrollment/itemStartsAt'
import { COMMENT_MAX_LENGTH } from '../../../feedback/limits'
import { whyFeedbackIsClosed, type FeedbackClosedReason } from '../../../feedback/openness'
import { submitFeedback } from '../../../feedback/submit'
import { feedbackCopy, invalidLinkText, type FeedbackCopy } from './feedbackCopy'
import { feedbackForm, feedbackPage, message } from './feedbackPage'

/** Far above a 2000-character comment in any encoding; a bigger body is refused unread. */
const MAX_BODY_BYTES = 64 * 1024

interface Sent {
  token: unknown
  rating: unknown
  comment: unknown
  /** A JSON caller gets JSON answers (and Payload's error shape); the page's form gets HTML. */
  json: boolean
}

async function readBody(req: PayloadRequest): Promise<Sent> {
  const query = new URL(req.url ?? 'http://localhost').searchParams
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  const json = type.includes('application/json')
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw new APIError('The request body is too large.', 413, undefined, true)
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_BODY_BYTES) throw new APIError('The request body is too large.', 413, undefined, true)
  if (json) {
    let body: unknown
    try {
      body = JSON.parse(text || '{}')
    } catch {
      throw new APIError('The request body is not valid JSON.', 400, undefined, true)
    }
    const fields = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>
    return { token: fields.token ?? query.get('token'), rating: fields.rating, comment: fields.comment, json }
  }
  const form = new URLSearchParams(text)
  return { token: form.get('token') ?? query.get('token'), rating: form.get('rating'), comment: form.get('comment'), json }
}

/** The enrollment behind a valid link, with what the page needs; `null` for a wrong id or token (one answer for both). */
async function enrollmentBehind(req: PayloadRequest, token: unknown) {
  const id = parseDocumentId(req.routeParams?.id)
  if (id === null || !isValidFeedbackToken(req.payload.secret, id, token)) return null
  const enrollment = await req.payload.findByID({
    collection: 'enrollments',
    id,
    depth: 1,
    select: { user: true, item: true, status: true, feedbackRating: true, feedbackAt: true },
    populate: { users: { language: true }, webinars: { title: true }, courses: { title: true } },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!enrollment) return null
  const user = enrollment.user as { language?: string | null } | number
  const item = enrollment.item?.value as { title?: string } | number | undefined
  return {
    id,
    enrollment,
    lang: (typeof user === 'object' && user?.language === 'en' ? 'en' : 'es') as 'es' | 'en',
    itemTitle: typeof item === 'object' ? (item?.title ?? '') : '',
  }
}

type Found = NonNullable<Awaited<ReturnType<typeof enrollmentBehind>>>

const invalidLink = (json: boolean) => (json ? Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 }) : feedbackPage('es', invalidLinkText.title, message(invalidLinkText.body), 404))

const CLOSED_STATUS: Record<FeedbackClosedReason, number> = { 'already-received': 409, 'not-confirmed': 403, 'not-open': 409 }
const closedText = (text: FeedbackCopy, reason: FeedbackClosedReason) =>
  reason === 'already-received' ? text.already : reason === 'not-confirmed' ? text.notConfirmed : text.notOpen

async function closedReason(req: PayloadRequest, { enrollment }: Found) {
  const startsAt = await itemStartsAt(req, enrollment.item)
  const hasFeedback = Boolean(enrollment.feedbackAt) || (enrollment.feedbackRating !== null && enrollment.feedbackRating !== undefined)
  return whyFeedbackIsClosed({ status: enrollment.status, hasFeedback }, startsAt, getClock(req.payload).now())
}

/**
 * `GET /api/enrollments/:id/feedback?token=…` (the `feedbackUrl` in the follow-up email) shows a 1–5
 * rating and a comment; the form POSTs back here and `submitFeedback` stores it, once. The signed
 * token stands in for a login. A wrong id or token is one 404; a second answer is a 409 that
 * changes nothing.
 */
export const feedbackEndpoints: Endpoint[] = [
  {
    path: '/:id/feedback',
    method: 'get',
    handler: async (req) => {
      const token = new URL(req.url ?? 'http://localhost').searchParams.get('token')
      const found = await enrollmentBehind(req, token)
      if (!found) return invalidLink(false)
      const text = feedbackCopy[found.lang]
      const closed = await closedReason(req, found)
      if (closed) return feedbackPage(found.lang, text.title, message(closedText(text, closed)), closed === 'already-received' ? 200 : CLOSED_STATUS[closed])
      return feedbackPage(found.lang, text.title, feedbackForm(text, { id: found.id, token: String(token), itemTitle: found.itemTitle }))
    },
  },
  {
    path: '/:id/feedback',
    method: 'post',
    handler: async (req) => {
      const sent = await readBody(req)
      const found = await enrollmentBehind(req, sent.token)
      if (!found) return invalidLink(sent.json)
      const text = feedbackCopy[found.lang]
      try {
        const result = await submitFeedback(req.payload, { enrollmentId: found.id, rating: sent.rating, comment: sent.comment }, req)
        if (result.outcome === 'saved') {
          return sent.json ? Response.json({ outcome: 'saved', message: text.thanks }) : feedbackPage(found.lang, text.title, message(text.thanks))
        }
        const status = CLOSED_STATUS[result.outcome]
        const said = closedText(text, result.outcome)
        return sent.json ? Response.json({ outcome: result.outcome, message: said }, { status }) : feedbackPage(found.lang, text.title, message(said), status)
      } catch (error) {
        if (sent.json || !(error instanceof ValidationError)) throw error
        const errors = Object.fromEntries(
          error.data.errors.map(({ path }) => [path, text.fieldErrors[path as keyof typeof text.fieldErrors] ?? path]),
        )
        const form = feedbackForm(text, {
          id: found.id,
          token: String(sent.token),
          itemTitle: found.itemTitle,
          rating: typeof sent.rating === 'string' ? sent.rating : undefined,
          comment: typeof sent.comment === 'string' ? sent.comment.slice(0, 2 * COMMENT_MAX_LENGTH) : undefined,
          errors,
        })
        return feedbackPage(found.lang, text.title, form, 400)
      }
    },
  },
]
