/** Why a person may not rate (yet, or any more); `null` when the survey is open to them. */
export type FeedbackClosedReason = 'already-received' | 'not-confirmed' | 'not-open'

/**
 * The rule the page and `submitFeedback` share: once per enrollment, only with a confirmed seat,
 * from the moment the item starts (a follow-up arrives after it ends; someone who left early may
 * answer sooner).
 */
export function whyFeedbackIsClosed(enrollment: { status: unknown; hasFeedback: boolean }, startsAt: Date | null, now: Date): FeedbackClosedReason | null {
  if (enrollment.hasFeedback) return 'already-received'
  if (enrollment.status !== 'confirmed') return 'not-confirmed'
  if (!startsAt || now < startsAt) return 'not-open'
  return null
}
