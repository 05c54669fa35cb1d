import { registerEmailGuard } from '../email/guards'
import type { EmailTemplateKey } from '../email/templateVariables'

export const FOLLOW_UP_KEYS: EmailTemplateKey[] = ['followup_attended', 'followup_missed', 'followup_released']

/**
 * At send time (an SMTP outage can hold a follow-up for hours) the person must still hold a
 * confirmed seat: someone refunded or cancelled since gets no "thanks for coming".
 */
export function registerFollowUpGuards(): void {
  for (const templateKey of FOLLOW_UP_KEYS) {
    registerEmailGuard(templateKey, async ({ log, req }) => {
      const related = log.relatedDocument as { relationTo?: string; value?: number | { id: number } } | null | undefined
      const enrollmentId = typeof related?.value === 'object' ? related.value.id : related?.value
      if (related?.relationTo !== 'enrollments' || !enrollmentId) return { send: true }
      const enrollment = await req.payload.findByID({ collection: 'enrollments', id: Number(enrollmentId), depth: 0, overrideAccess: true, disableErrors: true, select: { status: true }, req })
      return enrollment?.status === 'confirmed' ? { send: true } : { send: false, reason: 'the enrollment is no longer confirmed' }
    })
  }
}
