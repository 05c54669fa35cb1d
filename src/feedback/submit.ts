import { APIError, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { itemStartsAt } from '../enrollment/itemStartsAt'
import { recordRawUpdate } from '../audit/rawWrites'
import { inTransaction, sql, sqlFor } from '../enrollment/transaction'
import { getClock } from '../utilities/clock'
import { parseFeedbackInput } from './input'
import { whyFeedbackIsClosed, type FeedbackClosedReason } from './openness'
import { refreshItemRating, type ItemRating, type RatedCollection } from './itemRating'

export interface SubmitFeedbackInput {
  enrollmentId: number
  /** 1–5, a whole number (a form's "4" is accepted). */
  rating: unknown
  comment?: unknown
}

/**
 * What became of a submission. Only `saved` wrote anything; the others leave the enrollment and the
 * item's rating as they were.
 */
export type SubmitFeedbackResult =
  | ({ outcome: 'saved'; item: { relationTo: RatedCollection; id: number } } & ItemRating)
  | { outcome: FeedbackClosedReason }

interface EnrollmentRow {
  status: string | null
  feedback_rating: unknown
  feedback_at: unknown
  user_id: number | string | null
  webinars_id: number | null
  courses_id: number | null
}

const notFound = () => new APIError('Not Found', 404, undefined, true)

/**
 * The one way feedback is written (the signed page, the demo seed): a 1–5 rating and a comment, once
 * per enrollment, from a confirmed participant once the item has started. Stores when it arrived and
 * recounts the item's average and count in the same transaction (`req`'s, or one of its own).
 * Payload's API refuses these fields for everyone (guard.ts), so this is the only writer.
 */
export async function submitFeedback(payload: Payload, input: SubmitFeedbackInput, req?: PayloadRequest): Promise<SubmitFeedbackResult> {
  const { rating, comment } = parseFeedbackInput(input.rating, input.comment, req)
  if (!Number.isSafeInteger(input.enrollmentId) || input.enrollmentId <= 0) throw notFound()
  const localReq = req ?? (await createLocalReq({}, payload))
  return inTransaction(localReq, async () => {
    const db = await sqlFor(localReq)
    const lockedEnrollment = async () =>
      (
        await db.execute(sql`
          SELECT e.status, e.feedback_rating, e.feedback_at, e.user_id, r.webinars_id, r.courses_id
            FROM enrollments e
            JOIN enrollments_rels r ON r.parent_id = e.id AND r.path = 'item'
           WHERE e.id = ${input.enrollmentId}
             FOR UPDATE OF e`)
      ).rows[0] as unknown as EnrollmentRow | undefined
    // The enrollment now, its item when recounting: the order cancelling and reinstating take (src/enrollment), so none deadlock.
    const current = await lockedEnrollment()
    if (!current) throw notFound()
    const item = current.webinars_id
      ? { relationTo: 'webinars' as const, id: Number(current.webinars_id) }
      : { relationTo: 'courses' as const, id: Number(current.courses_id) }
    const now = getClock(payload).now()
    const startsAt = await itemStartsAt(localReq, { relationTo: item.relationTo, value: item.id })
    const hasFeedback = current.feedback_at !== null || current.feedback_rating !== null
    const closed = whyFeedbackIsClosed({ status: current.status, hasFeedback }, startsAt, now)
    if (closed) return { outcome: closed }
    // One statement on the row already locked: no Payload update, which would rewrite the item
    // relationship and so share-lock the item row before the recount below wants it exclusively.
    await db.execute(sql`
      UPDATE enrollments SET feedback_rating = ${rating}, feedback_comment = ${comment}, feedback_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
       WHERE id = ${input.enrollmentId}`)
    // Below the hooks, so logged here, in this transaction (src/audit).
    const feedback = { feedbackRating: rating, feedbackComment: comment, feedbackAt: now }
    await recordRawUpdate(localReq, 'enrollments', input.enrollmentId, {}, feedback, current.user_id === null ? null : Number(current.user_id))
    return { outcome: 'saved', item, ...(await refreshItemRating(localReq, item.relationTo, item.id)) }
  })
}
