import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { recordRawUpdate } from '../../audit/rawWrites'
import { poolDrizzle, rowsOf } from '../../email/database'
import { deliverEmail, EmailRetryLater } from '../../email/deliverEmail'
import { CAMPAIGN_EMAIL_KEY } from '../../email/templateVariables'
import { TEST_EMAIL_PREFIX } from '../../email/testEmail'
import { getClock } from '../../utilities/clock'
import { campaignForSending } from './campaignForSending'
import { queueCampaignBatch } from './queue'
import { readSegment } from './readSegment'
import { segmentRecipients } from './segment'
import type { SegmentRecipient } from './types'

/** People added to the log per batch: one keyset page of the segment. */
export const CAMPAIGN_BATCH_SIZE = 200
/**
 * A batch stops handing messages to SMTP after this long and leaves the rest to the next one: the
 * worker runs the default queue between two batches, so this bounds how late a reminder can be.
 */
export const CAMPAIGN_BATCH_MS = 4_000
/** Messages in flight at once within a batch (the SMTP transport pools this many connections). */
export const CAMPAIGN_SEND_CONCURRENCY = 5

export const campaignDedupeKey = (campaignId: number, email: string) => `campaign:${campaignId}:${email.trim().toLowerCase()}`

/**
 * The campaign's own rows. A staff member's test send of it (src/automation/campaigns/testSend.ts) is no
 * recipient: it must not move the cursor (its address would skip everyone before it), count, or be cancelled.
 */
const rowsOfCampaign = (campaignId: number): SQL => sql`campaign_id = ${campaignId} AND dedupe_key NOT LIKE ${`${TEST_EMAIL_PREFIX}%`}`

export type CampaignBatchOutcome = 'sent-batch' | 'finished' | 'cancelled' | 'not-sending'

/**
 * One batch of a campaign (the sendCampaignBatch job): deliver the campaign's rows still queued, or,
 * when none are, add the segment's next page to the email log and deliver those; update the figures;
 * queue the next batch, or mark the campaign sent when the segment is exhausted and nothing waits.
 *
 * The email log is the campaign's memory. A row per person (dedupe key `campaign:<id>:<email>`,
 * inserted with ON CONFLICT DO NOTHING) makes "at most once per person" a database fact; the cursor
 * is the greatest address already in the log, so a batch re-run after a crash continues where the
 * log ends; each row is sent through claimEmail's atomic claim, so two workers never send one row.
 */
export async function sendCampaignBatch(payload: Payload, campaignId: number, currentJobId?: number | string): Promise<CampaignBatchOutcome> {
  // Payload commits transactions on the job's own request mid-handler: our work uses a request of its own.
  const req = await createLocalReq({}, payload)
  const campaign = await campaignForSending(req, campaignId)
  if (campaign?.status === 'cancelled') {
    await cancelQueuedCampaignRows(payload, campaignId)
    await refreshCampaignFigures(payload, campaignId)
    return 'cancelled'
  }
  if (!campaign || campaign.status !== 'sending') return 'not-sending'

  let pending = await dueQueuedRows(payload, campaignId, CAMPAIGN_BATCH_SIZE)
  let segmentExhausted = false
  if (!pending.length) {
    const recipients = await segmentRecipients(req, readSegment(req, campaign.doc.segment), {
      afterEmail: await lastAddressInLog(payload, campaignId),
      limit: CAMPAIGN_BATCH_SIZE,
    })
    segmentExhausted = recipients.length < CAMPAIGN_BATCH_SIZE
    pending = await addToLog(req, campaignId, recipients)
  }

  const stoppedBy = await deliverRows(payload, campaignId, pending)
  const figures = await refreshCampaignFigures(payload, campaignId)
  if (stoppedBy === 'cancelled') {
    await cancelQueuedCampaignRows(payload, campaignId)
    await refreshCampaignFigures(payload, campaignId)
    return 'cancelled'
  }
  if (segmentExhausted && figures.queued === 0) {
    await markCampaignSent(payload, campaignId, figures.total)
    return 'finished'
  }
  // Only rows waiting for a retry left (and the segment done): come back when the first is due.
  const waitUntil = segmentExhausted && figures.nextRetryAt ? figures.nextRetryAt : undefined
  await queueCampaignBatch(req, campaignId, { currentJobId, waitUntil })
  return 'sent-batch'
}

async function lastAddressInLog(payload: Payload, campaignId: number): Promise<string | undefined> {
  const [row] = rowsOf<{ last: string | null }>(await poolDrizzle(payload).execute(sql`SELECT max("to") AS last FROM email_log WHERE ${rowsOfCampaign(campaignId)}`))
  return row?.last ?? undefined
}

/** One log row per recipient, in one statement; an address already in this campaign's log is left alone. Returns the new rows' ids. */
async function addToLog(req: PayloadRequest, campaignId: number, recipients: SegmentRecipient[]): Promise<number[]> {
  if (!recipients.length) return []
  const now = getClock(req.payload).now()
  const values: SQL[] = recipients.map((person) => {
    const variables = JSON.stringify({ firstName: person.firstName, lastName: person.lastName, email: person.email })
    return sql`(${person.email}, ${CAMPAIGN_EMAIL_KEY}, ${person.language}, ${variables}::jsonb, 'queued', 0,
                ${campaignDedupeKey(campaignId, person.email)}, ${campaignId}, ${now}, ${now})`
  })
  const inserted = rowsOf<{ id: number }>(
    await poolDrizzle(req.payload).execute(sql`
      INSERT INTO email_log ("to", template_key, locale, variables, status, attempts, dedupe_key, campaign_id, updated_at, created_at)
      VALUES ${sql.join(values, sql`, `)}
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id`),
  )
  return inserted.map((row) => Number(row.id)).sort((a, b) => a - b)
}

async function dueQueuedRows(payload: Payload, campaignId: number, limit: number): Promise<number[]> {
  const now = getClock(payload).now()
  const rows = rowsOf<{ id: number }>(
    await poolDrizzle(payload).execute(sql`
      SELECT id FROM email_log
       WHERE ${rowsOfCampaign(campaignId)} AND status = 'queued' AND (scheduled_for IS NULL OR scheduled_for <= ${now})
         AND dedupe_key NOT LIKE ${`${TEST_EMAIL_PREFIX}%`}
       ORDER BY id LIMIT ${limit}`),
  )
  return rows.map((row) => Number(row.id))
}

/**
 * Sends the rows a few at a time until they are done, the time budget is spent, or the campaign was
 * cancelled (checked between messages: deliverEmail's own check refuses a cancelled campaign's row too).
 */
async function deliverRows(payload: Payload, campaignId: number, ids: number[]): Promise<'done' | 'time' | 'cancelled'> {
  const startedAt = Date.now()
  const jobReq = await createLocalReq({}, payload)
  let next = 0
  let stoppedBy: 'done' | 'time' | 'cancelled' = 'done'
  const lane = async () => {
    while (next < ids.length && stoppedBy === 'done') {
      if (Date.now() - startedAt > CAMPAIGN_BATCH_MS) {
        stoppedBy = 'time'
        return
      }
      const id = ids[next++]
      const outcome = await deliverOne(jobReq, id)
      if (outcome === 'cancelled' && (await campaignForSending(jobReq, campaignId))?.status !== 'sending') stoppedBy = 'cancelled'
    }
  }
  await Promise.all(Array.from({ length: CAMPAIGN_SEND_CONCURRENCY }, lane))
  return stoppedBy
}

async function deliverOne(jobReq: PayloadRequest, id: number) {
  try {
    return await deliverEmail(jobReq, id)
  } catch (error) {
    // The row is back in the queue (deliverEmail did that); it waits before a later batch tries it again.
    const [row] = rowsOf<{ attempts: number }>(await poolDrizzle(jobReq.payload).execute(sql`SELECT attempts FROM email_log WHERE id = ${id}`))
    const delayMs = 60_000 * 2 ** Math.max(0, (row?.attempts ?? 1) - 1)
    const retryAt = new Date(getClock(jobReq.payload).now().getTime() + delayMs)
    await poolDrizzle(jobReq.payload).execute(sql`UPDATE email_log SET scheduled_for = ${retryAt} WHERE id = ${id} AND status = 'queued'`)
    if (!(error instanceof EmailRetryLater)) jobReq.payload.logger.error({ err: error, msg: `Campaign email ${id} could not be sent` })
    return 'retrying' as const
  }
}

interface CampaignFigures {
  /** Every row of the campaign, including those cancelled at send time (an unsubscribe in the meantime). */
  total: number
  recipients: number
  sent: number
  failed: number
  queued: number
  nextRetryAt: Date | null
}

/** The campaign's figures, counted from its log rows (so a re-run batch can never count twice). */
export async function refreshCampaignFigures(payload: Payload, campaignId: number): Promise<CampaignFigures> {
  const [row] = rowsOf<Record<string, string | number | Date | null>>(
    await poolDrizzle(payload).execute(sql`
      SELECT count(*) AS total, count(*) FILTER (WHERE status <> 'cancelled') AS recipients,
             count(*) FILTER (WHERE status = 'sent') AS sent,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             count(*) FILTER (WHERE status IN ('queued', 'sending')) AS queued,
             min(scheduled_for) FILTER (WHERE status = 'queued') AS next_retry_at
        FROM email_log WHERE ${rowsOfCampaign(campaignId)}`),
  )
  const figures: CampaignFigures = {
    total: Number(row?.total ?? 0),
    recipients: Number(row?.recipients ?? 0),
    sent: Number(row?.sent ?? 0),
    failed: Number(row?.failed ?? 0),
    queued: Number(row?.queued ?? 0),
    nextRetryAt: row?.next_retry_at ? new Date(row.next_retry_at) : null,
  }
  await poolDrizzle(payload).execute(sql`
    UPDATE campaigns SET sent = ${figures.sent}, failed = ${figures.failed}, recipients = GREATEST(recipients, ${figures.recipients})
     WHERE id = ${campaignId}`)
  return figures
}

/** Sent: `recipients` becomes exactly who the campaign was addressed to (the count at the start was the segment's then). */
async function markCampaignSent(payload: Payload, campaignId: number, recipients: number) {
  const now = getClock(payload).now()
  const moved = rowsOf<{ id: number }>(
    await poolDrizzle(payload).execute(sql`
      UPDATE campaigns SET status = 'sent', recipients = ${recipients}, updated_at = ${now} WHERE id = ${campaignId} AND status = 'sending' RETURNING id`),
  )
  // Below the hooks, so logged here (as the worker's: src/audit/workerActor.ts).
  if (moved.length) await recordRawUpdate(await createLocalReq({}, payload), 'campaigns', campaignId, { status: 'sending' }, { status: 'sent' })
}

/** A cancelled campaign's rows not yet sent are cancelled too: nothing of it goes out after the cancel. */
export async function cancelQueuedCampaignRows(payload: Payload, campaignId: number): Promise<void> {
  const now = getClock(payload).now()
  await poolDrizzle(payload).execute(sql`
    UPDATE email_log SET status = 'cancelled', last_error = 'Campaign cancelled', updated_at = ${now}
     WHERE ${rowsOfCampaign(campaignId)} AND status = 'queued'`)
}
