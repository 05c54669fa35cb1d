import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { queueEmails, queueSendJob } from '../../email/queueEmail'
import type { EnrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { getClock } from '../../utilities/clock'
import { loadActiveRules, rulesForItem } from './activeRules'
import { isPlannedRule, type PlannedEmail, plannedEmails } from './instances'
import { PLANNED_STOCK_TEMPLATES } from './stockRules'
import type { EmailRule } from './types'

export interface PlanOptions {
  /** The active rules, when the caller plans many enrollments (one query for all of them). */
  rules?: EmailRule[]
  /** Stored on the rows replanning cancels (e.g. "the webinar was rescheduled"). */
  reason?: string
  /**
   * The enrollment was created in this very change: no email planned before can be about it, so
   * there is nothing to cancel (one statement less on every registration).
   */
  newEnrollment?: boolean
}

const rulesOfMessage = async (req: PayloadRequest, message: EnrollmentMessage, opts?: PlanOptions) =>
  rulesForItem(opts?.rules ?? (await loadActiveRules(req)), {
    collection: message.collection,
    id: message.itemId,
    categoryIds: message.categoryIds,
    emailRulesOff: message.emailRulesOff,
  })

/**
 * Queues every email the item's rules still want for one enrollment and returns their dedupe keys
 * (safe to call again: a queued email keeps its key). Someone registering 30 minutes before the
 * start gets only what is still ahead, never a "tomorrow" reminder, except a rule marked
 * `sendLateUntilStart` (the access link), which goes out at once while the start is ahead.
 * An email already planned under the same key is re-timed when the rule's moment changed, and
 * queued again when it had been cancelled and is wanted again; one already sent is never touched.
 */
export async function planEnrollmentEmails(req: PayloadRequest, message: EnrollmentMessage, opts?: PlanOptions): Promise<string[]> {
  const now = getClock(req.payload).now()
  const wanted = plannedEmails(await rulesOfMessage(req, message, opts), message, now)
  // Every wanted email in one statement; the ones already planned under their key are then re-timed or revived.
  const results = await queueEmails(
    req,
    wanted.map((email) => ({
      templateKey: email.rule.templateKey,
      to: message.to,
      dedupeKey: email.dedupeKey,
      relatedDocument: { relationTo: 'enrollments' as const, value: message.enrollmentId },
      variables: email.variables,
      scheduledFor: email.at ?? undefined,
      rule: email.rule.id,
    })),
  )
  for (const [index, result] of results.entries()) if (!result.queued) await retimeOrRevive(req, result.emailLogId, wanted[index]!)
  return wanted.map((email) => email.dedupeKey)
}

/** An unsent row under a wanted key follows the plan: back to the queue if cancelled, at the rule's current moment. */
async function retimeOrRevive(req: PayloadRequest, emailLogId: number, email: PlannedEmail): Promise<void> {
  const db = await drizzleFor(req)
  const at = email.at
  const revived = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log
         SET status = 'queued', attempts = 0, last_error = NULL, claimed_at = NULL, scheduled_for = ${at},
             rule_id = ${email.rule.id}, updated_at = ${getClock(req.payload).now()}
       WHERE id = ${emailLogId}
         AND (status = 'cancelled' OR (status = 'queued' AND (scheduled_for IS DISTINCT FROM ${at}::timestamptz OR rule_id IS DISTINCT FROM ${email.rule.id})))
      RETURNING id`),
  )
  if (revived[0]) await queueSendJob(req, emailLogId, at)
}

/**
 * Plans, then cancels this enrollment's queued planner emails no longer wanted: a rule switched off
 * (for everyone or for this item), an edited scope or audience, a start that moved, a seat that
 * left the waitlist. Rows of rules sent elsewhere (follow-ups, enrollment changes) are theirs, and
 * rows already sent are never touched.
 */
export async function replanEnrollmentEmails(req: PayloadRequest, message: EnrollmentMessage, opts?: PlanOptions): Promise<string[]> {
  const rules = opts?.rules ?? (await loadActiveRules(req))
  const wanted = await planEnrollmentEmails(req, message, { rules })
  if (opts?.newEnrollment) return wanted
  const keptElsewhere = rules.filter((rule) => !isPlannedRule(rule)).map((rule) => rule.id)
  await cancelPlannedEmails(req, message.enrollmentId, opts?.reason ?? 'the email plan changed', { keep: wanted, keepRules: keptElsewhere })
  return wanted
}

/** An enrollment that ended (cancelled, refunded) drops every planned email not sent yet; enrollment-change emails stay (one may be about the ending itself). */
export async function cancelEnrollmentRuleEmails(req: PayloadRequest, enrollmentId: number, reason: string): Promise<number> {
  return cancelPlannedEmails(req, enrollmentId, reason, { keep: [], keepRules: [], keepTriggers: ['enrollment_change'] })
}

/**
 * Cancels an enrollment's queued emails that come from rules: rows linked to a rule, rows of a
 * deleted custom rule (`rule-<id>:` keys) and stock reminder rows queued before rules existed.
 */
async function cancelPlannedEmails(
  req: PayloadRequest,
  enrollmentId: number,
  reason: string,
  { keep, keepRules, keepTriggers = [] }: { keep: string[]; keepRules: number[]; keepTriggers?: string[] },
): Promise<number> {
  const db = await drizzleFor(req)
  const list = (values: (string | number)[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)
  const cancelled = rowsOf<{ id: number }>(
    await db.execute(sql`
      UPDATE email_log SET status = 'cancelled', last_error = ${reason}, updated_at = ${getClock(req.payload).now()}
       WHERE id IN (
         SELECT l.id FROM email_log l
           JOIN email_log_rels lr ON lr.parent_id = l.id AND lr.path = 'relatedDocument' AND lr.enrollments_id = ${enrollmentId}
           LEFT JOIN email_rules r ON r.id = l.rule_id
          WHERE l.status = 'queued'
            ${keep.length ? sql`AND l.dedupe_key NOT IN (${list(keep)})` : sql``}
            ${keepRules.length ? sql`AND (l.rule_id IS NULL OR l.rule_id NOT IN (${list(keepRules)}))` : sql``}
            ${keepTriggers.length ? sql`AND (r.id IS NULL OR r."trigger" NOT IN (${list(keepTriggers)}))` : sql``}
            AND (l.rule_id IS NOT NULL OR starts_with(l.dedupe_key, 'rule-') OR l.template_key IN (${list(PLANNED_STOCK_TEMPLATES)})))
         AND status = 'queued'
      RETURNING id`),
  )
  return cancelled.length
}
