import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'
import { claimEmail, emailStatus, finishEmail } from './claimEmail'
import { getEmailGuard } from './guards'
import { queueSendJob } from './queueEmail'
import { renderTemplate } from './renderTemplate'
import { EMAIL_MAX_ATTEMPTS } from './statuses'
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
export async function deliverEmail(req: PayloadRequest, emailLogId: number): Promise<DeliveryOutcome> {
  const { payload } = req
  const clock = getClock(payload)
  const claimed = await claimEmail(payload, emailLogId, clock.now())
  if (!claimed) {
    // Payload's waitUntil uses real time; the app clock has the last word on "due".
    const current = await emailStatus(payload, emailLogId)
    if (current?.status === 'queued' && current.scheduledFor && current.scheduledFor > clock.now()) {
      await queueSendJob(req, emailLogId, current.scheduledFor)
      return 'not-due'
    }
    return 'not-ours'
  }

  let variables = claimed.variables
  const guard = getEmailGuard(claimed.templateKey)
  if (guard) {
    const log = await payload.findByID({ collection: 'email-log', id: claimed.id, depth: 0, overrideAccess: true, req })
    const verdict = await guard({ log, req })
    if (!verdict.send) {
      await finishEmail(payload, claimed.id, clock.now(), { status: 'cancelled', error: verdict.reason ?? 'Vetoed by its guard' })
      return 'cancelled'
    }
    variables = { ...variables, ...verdict.variables }
  }

  const locale = toEmailLocale(claimed.locale)
  const template = await findTemplate(req, claimed.templateKey, locale)
  if (!template) {
    // Retrying cannot help; once staff add the template an admin resends it.
    await finishEmail(payload, claimed.id, clock.now(), { status: 'failed', error: `No "${claimed.templateKey}" template in "${locale}" or "es"` })
    return 'failed'
  }
  const rendered = renderTemplate(template, variables, toEmailLocale(template.locale))
  const messageId = messageIdFor(claimed.dedupeKey)
  try {
    await payload.sendEmail({
      to: claimed.to,
      subject: rendered.subject,
      html: rendered.html,
      messageId,
      attachments: claimed.attachments ?? undefined,
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (claimed.attempts < EMAIL_MAX_ATTEMPTS) {
      await finishEmail(payload, claimed.id, clock.now(), { status: 'queued', error: message })
      throw new EmailRetryLater(`Email ${claimed.id} attempt ${claimed.attempts} failed: ${message}`)
    }
    await finishEmail(payload, claimed.id, clock.now(), { status: 'failed', error: message })
    return 'failed'
  }
  await finishEmail(payload, claimed.id, clock.now(), { status: 'sent', messageId, subject: rendered.subject })
  return 'sent'
}
