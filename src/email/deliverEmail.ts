import { createHash } from 'node:crypto'
import { createLocalReq, type PayloadRequest } from 'payload'

import { CAMPAIGN_QUEUE } from '../automation/campaigns/queue'
import { prepareCampaignEmail } from '../automation/campaigns/send'
import { notifyEmailFailed } from '../notifications/triggers/emailsFailing'
import { getClock } from '../utilities/clock'
import { claimEmail, emailStatus, finishEmail } from './claimEmail'
import { getEmailGuard, type GuardVerdict } from './guards'
import { queueSendJob } from './queueEmail'
import { renderTemplate } from './renderTemplate'
import { isSmtpUnreachable, outageRetryDelayMs, SMTP_OUTAGE_RETRY_WINDOW_MS } from './smtpOutage'
import { EMAIL_MAX_ATTEMPTS } from './statuses'
import { isTestEmail, testSubject } from './testEmail'
import { DEFAULT_EMAIL_LOCALE, type EmailLocale, type EmailTemplateKey, toEmailLocale } from './templateVariables'

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'cancelled' | 'not-due' | 'not-ours'

/** Mail clients drop a second message with the same Message-ID, so even a rare double send shows once. */
export const messageIdFor = (dedupeKey: string) => `<${createHash('sha256').update(dedupeKey).digest('hex')}@aula>`

/** Thrown so Payload's job retries (with backoff) after an SMTP failure; the row is back to `queued`. */
export class EmailRetryLater extends Error {}

async function findTemplate(req: PayloadRequest, key: EmailTemplateKey, locale: EmailLocale) {
  const { docs } = await req.payload.find({
    collection: 'email-templates',
    where: { and: [{ key: { equals: key } }, { locale: { in: [locale, DEFAULT_EMAIL_LOCALE] } }] },
    depth: 0,
    limit: 2,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.find((doc) => doc.locale === locale) ?? docs[0]
}

/** The body of the sendEmail task: claim, guard, render, send, record. */
export async function deliverEmail(jobReq: PayloadRequest, emailLogId: number): Promise<DeliveryOutcome> {
  const { payload } = jobReq
  const clock = getClock(payload)
  // Payload opens and commits transactions on the job's own request while it updates the job,
  // and with two runners on one job that can happen mid-handler; our reads and writes use a
  // request of their own, outside any transaction.
  const req = await createLocalReq({}, payload)
  const claimed = await claimEmail(payload, emailLogId, clock.now())
  if (!claimed) return handleUnclaimed(req, emailLogId)
  try {
    return await sendClaimed(req, claimed)
  } catch (error) {
    if (error instanceof EmailRetryLater) throw error
    // Anything unexpected between claim and send (a template lookup, a guard) must not leave the
    // row `sending` until the stale-claim rule: give it back to the queue and let the job retry.
    await finishEmail(payload, claimed.id, clock.now(), { status: 'queued', error: error instanceof Error ? error.message : String(error) })
    throw error
  }
}

async function handleUnclaimed(req: PayloadRequest, emailLogId: number): Promise<DeliveryOutcome> {
  const { payload } = req
  // Payload's waitUntil uses real time; the app clock has the last word on "due".
  const current = await emailStatus(payload, emailLogId)
  if (current?.status === 'queued' && current.scheduledFor && current.scheduledFor > getClock(payload).now()) {
    await queueSendJob(req, emailLogId, current.scheduledFor, current.campaignId ? CAMPAIGN_QUEUE : undefined)
    return 'not-due'
  }
  return 'not-ours'
}

type ClaimedEmail = NonNullable<Awaited<ReturnType<typeof claimEmail>>>

async function sendClaimed(req: PayloadRequest, claimed: ClaimedEmail): Promise<DeliveryOutcome> {
  if (claimed.campaignId) return sendCampaignRow(req, claimed, claimed.campaignId)
  const { payload } = req
  const clock = getClock(payload)
  // Only a campaign's rows carry a key without a template, and they left above.
  const templateKey = claimed.templateKey as EmailTemplateKey
  let variables = claimed.variables
  let attachments: NonNullable<GuardVerdict['attachments']> = claimed.attachments ?? []
  const isTest = isTestEmail(claimed.dedupeKey)
  // A staff member's test has no enrollment or webinar behind it for a guard to check.
  const guard = isTest ? undefined : getEmailGuard(templateKey)
  if (guard) {
    const log = await payload.findByID({ collection: 'email-log', id: claimed.id, depth: 0, overrideAccess: true, req })
    const verdict = await guard({ log, req })
    if (!verdict.send) {
      await finishEmail(payload, claimed.id, clock.now(), { status: 'cancelled', error: verdict.reason ?? 'Vetoed by its guard' })
      return 'cancelled'
    }
    variables = { ...variables, ...verdict.variables }
    attachments = [...attachments, ...(verdict.attachments ?? [])]
  }

  const locale = toEmailLocale(claimed.locale)
  const template = await findTemplate(req, templateKey, locale)
  if (!template) {
    // Retrying cannot help; once staff add the template an admin resends it.
    const error = `No "${claimed.templateKey}" template in "${locale}" or "es"`
    await finishEmail(payload, claimed.id, clock.now(), { status: 'failed', error })
    await notifyEmailFailed(req, claimed, error)
    return 'failed'
  }
  const rendered = renderTemplate(template, variables, toEmailLocale(template.locale))
  if (isTest) rendered.subject = testSubject(rendered.subject, template.locale)
  return transmit(req, claimed, { subject: rendered.subject, html: rendered.html, attachments: attachments.length ? attachments : undefined })
}

/** A campaign's row: its content and unsubscribe headers come from the campaign (src/automation/campaigns/send.ts). */
async function sendCampaignRow(req: PayloadRequest, claimed: ClaimedEmail, campaignId: number): Promise<DeliveryOutcome> {
  const prepared = await prepareCampaignEmail(req, claimed, campaignId)
  if (!prepared.send) {
    await finishEmail(req.payload, claimed.id, getClock(req.payload).now(), { status: 'cancelled', error: prepared.reason })
    return 'cancelled'
  }
  return transmit(req, claimed, prepared.message)
}

interface OutgoingMessage {
  subject: string
  html: string
  text?: string
  headers?: Record<string, string>
  attachments?: NonNullable<GuardVerdict['attachments']>
}

/** Hands a rendered message to SMTP and records how it went: sent, retried later (outage or failure), or failed for good. */
async function transmit(req: PayloadRequest, claimed: ClaimedEmail, outgoing: OutgoingMessage): Promise<DeliveryOutcome> {
  const { payload } = req
  const clock = getClock(payload)
  const messageId = messageIdFor(claimed.dedupeKey)
  try {
    await payload.sendEmail({ to: claimed.to, messageId, ...outgoing })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const now = clock.now()
    if (isSmtpUnreachable(error) && now.getTime() - claimed.queuedAt.getTime() < SMTP_OUTAGE_RETRY_WINDOW_MS) {
      // The server is down, not this message's fault: wait for it (a new job at the retry time), whatever the attempts.
      const retryAt = new Date(now.getTime() + outageRetryDelayMs(claimed.attempts))
      await finishEmail(payload, claimed.id, now, { status: 'queued', error: `Mail server unreachable: ${message}`, retryAt })
      await queueSendJob(req, claimed.id, retryAt, claimed.campaignId ? CAMPAIGN_QUEUE : undefined)
      return 'retrying'
    }
    if (claimed.attempts < EMAIL_MAX_ATTEMPTS) {
      await finishEmail(payload, claimed.id, clock.now(), { status: 'queued', error: message })
      throw new EmailRetryLater(`Email ${claimed.id} attempt ${claimed.attempts} failed: ${message}`)
    }
    await finishEmail(payload, claimed.id, clock.now(), { status: 'failed', error: message })
    await notifyEmailFailed(req, claimed, message)
    return 'failed'
  }
  await finishEmail(payload, claimed.id, clock.now(), { status: 'sent', messageId, subject: outgoing.subject })
  return 'sent'
}
