import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { ChildProcess } from 'node:child_process'
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'

import { queueDueCampaigns } from '../../src/automation/campaigns/queueDueCampaigns'
import { CAMPAIGN_QUEUE, SEND_CAMPAIGN_BATCH_TASK } from '../../src/automation/campaigns/queue'
import { CAMPAIGN_SEND_CONCURRENCY } from '../../src/automation/campaigns/sendBatch'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { releaseStaleEmailClaims } from '../../src/email/releaseStaleClaims'
import { runWorkerTick } from '../../src/jobs/runner/runWorkerTick'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { queueTestEmail } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { signalWorkerGroup, startWorkerProcess } from '../helpers/workerProcess'

/**
 * Campaigns go out from the worker, on their own queue, in batches (docs/decisions/0024-campaign-sending.md):
 * each person at most once, with one-click unsubscribe headers, never ahead of a reminder that is due.
 */
let aula: TestAula
const smtp = new SmtpSink()
// Worker processes use the system clock; this file's clock starts at the same instant.
const clock = new ManualClock(new Date())
const workers: ChildProcess[] = []

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
}, 120_000)

// The sink keeps every parsed message; each test reads only its own.
beforeEach(() => {
  smtp.messages.length = 0
})

afterAll(async () => {
  for (const worker of workers) signalWorkerGroup(worker, 'SIGKILL')
  await aula?.close()
  await smtp.stop()
})

const db = () => poolDrizzle(aula.payload)

/** Each test writes to the leads it inserted: the others' are gone. */
const clearLeads = () => db().execute(sql`DELETE FROM leads`)

/** `count` leads written straight to the table (a lead created through the API emails its sales owner). */
async function insertLeads(tag: string, count: number, { consent = true } = {}): Promise<string[]> {
  const now = clock.now()
  const emails = Array.from({ length: count }, (_, i) => `${tag}-${String(i).padStart(5, '0')}@campaign.test`)
  for (let start = 0; start < count; start += 1000) {
    const slice = emails.slice(start, start + 1000)
    await db().execute(sql`
        INSERT INTO leads (first_name, last_name, email, type, stage, source, marketing_consent_granted, marketing_consent_at, marketing_consent_method, updated_at, created_at)
        SELECT 'Persona', split_part(address, '@', 1), address, 'individual', 'new', 'web_form', ${consent}, ${consent ? now : null}, ${consent ? 'form' : null}, ${now}, ${now}
          FROM json_array_elements_text(${JSON.stringify(slice)}::json) AS address`)
  }
  return emails
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
const richText = (text: string) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph(text)] } })

/** A campaign to every lead (with consent), scheduled for now (as the "Programar envío" action leaves it). */
async function scheduledCampaign(tag: string): Promise<number> {
  const campaign = await aula.payload.create({
    collection: 'campaigns',
    data: {
      name: `Campaña ${tag}`,
      subjectEs: 'Novedades para {{firstName}}',
      bodyEs: richText('Hola {{firstName}}, te contamos las novedades de este mes.'),
      segment: { kind: 'leads' },
    } as never,
    overrideAccess: true,
  })
  await db().execute(sql`UPDATE campaigns SET status = 'scheduled', send_at = NULL WHERE id = ${campaign.id}`)
  return Number(campaign.id)
}

/** The campaign as staff read it. */
const campaignRow = async (id: number) => {
  const row = rowsOf<Record<string, string | number | null>>(await db().execute(sql`SELECT status, recipients, sent, failed, unsubscribed FROM campaigns WHERE id = ${id}`))[0]
  return { status: String(row.status), recipients: Number(row.recipients), sent: Number(row.sent), failed: Number(row.failed), unsubscribed: Number(row.unsubscribed) }
}

/** Where a campaign stands, for a timeout's message. */
async function campaignState(id: number) {
  const log = rowsOf(await db().execute(sql`SELECT status, count(*) FROM email_log WHERE campaign_id = ${id} GROUP BY status`))
  const jobs = rowsOf(
    await db().execute(sql`SELECT id, task_slug, queue, input, processing, completed_at, has_error, wait_until, created_at, updated_at FROM payload_jobs WHERE completed_at IS NULL ORDER BY id DESC LIMIT 10`),
  )
  return JSON.stringify({ campaign: await campaignRow(id), log, jobs })
}

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000, state?: () => Promise<string>) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} ${state ? await state() : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The worker's loop, in this process, until the campaign is sent. */
async function runUntilSent(payload: Payload, campaignId: number) {
  for (let round = 0; round < 500; round += 1) {
    await runWorkerTick(payload, { limit: 100 })
    if ((await campaignRow(campaignId)).status === 'sent') return
  }
  throw new Error('The campaign was not sent in 500 rounds')
}

const recipientsOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((to) => to.value.map((entry) => entry.address?.toLowerCase()))
const deliveriesTo = (address: string) => smtp.messages.filter((mail) => recipientsOf(mail).includes(address))
/** How many messages each address received: one pass over the sink, for checks over hundreds of people. */
const deliveryCounts = () => {
  const counts = new Map<string, number>()
  for (const mail of smtp.messages) for (const address of recipientsOf(mail)) if (address) counts.set(address, (counts.get(address) ?? 0) + 1)
  return counts
}
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s*/g, '')

describe('a campaign sent by the worker', () => {
  it('reaches every consenting, unsuppressed person once, with List-Unsubscribe headers whose one-click POST unsubscribes', async () => {
    await clearLeads()
    const reached = await insertLeads('boletin', 25)
    const withoutConsent = await insertLeads('boletin-nc', 3, { consent: false })
    const suppressed = reached.pop()!
    await db().execute(sql`INSERT INTO email_suppressions (email, reason, updated_at, created_at) VALUES (${suppressed}, 'staff', now(), now())`)
    const campaignId = await scheduledCampaign('boletin')
    // A staff member tested the draft first: their test row (an address after everyone's) must not move the cursor.
    await db().execute(sql`
      INSERT INTO email_log ("to", template_key, locale, status, attempts, dedupe_key, campaign_id, updated_at, created_at)
      VALUES ('zz-editora@aula.test', 'campaign', 'es', 'sent', 1, ${`template-test:1:campaign-${campaignId}:1`}, ${campaignId}, now(), now())`)

    await queueDueCampaigns(aula.payload)
    expect(await campaignRow(campaignId)).toMatchObject({ status: 'sending', recipients: reached.length })
    await runUntilSent(aula.payload, campaignId)

    for (const address of reached) expect(deliveriesTo(address)).toHaveLength(1)
    for (const address of [...withoutConsent, suppressed]) expect(deliveriesTo(address)).toHaveLength(0)
    expect(await campaignRow(campaignId)).toMatchObject({ status: 'sent', recipients: reached.length, sent: reached.length, failed: 0 })

    const mail = deliveriesTo(reached[0])[0]
    expect(mail.subject).toBe('Novedades para Persona')
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    const listUnsubscribe = header(mail, 'List-Unsubscribe') ?? ''
    expect(listUnsubscribe).toMatch(/^<https?:\/\/.+\/api\/unsubscribe\?token=.+>$/)
    expect(mail.html).toContain('/api/unsubscribe?token=')

    // A mail client's one-click unsubscribe: a POST of `List-Unsubscribe=One-Click` to the header's URL, no cookie.
    const url = new URL(listUnsubscribe.slice(1, -1))
    const oneClick = await aula.api.request('POST', `/unsubscribe${url.search}`, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    } as never)
    expect(oneClick.status).toBe(200)
    const [suppression] = rowsOf<{ email: string }>(await db().execute(sql`SELECT email FROM email_suppressions WHERE email = ${reached[0]}`))
    expect(suppression?.email).toBe(reached[0])
    expect((await campaignRow(campaignId)).unsubscribed).toBe(1)

    // The next campaign to the same people leaves the unsubscribed address out.
    const before = smtp.messages.length
    const next = await scheduledCampaign('boletin')
    await queueDueCampaigns(aula.payload)
    await runUntilSent(aula.payload, next)
    expect(smtp.messages.length - before).toBe(reached.length - 1)
    expect(deliveriesTo(reached[0])).toHaveLength(1)
  }, 120_000)

  it('stops at the next email once staff cancel it, and sends nobody the rest', async () => {
    await clearLeads()
    const people = await insertLeads('cancelada', 260)
    const campaignId = await scheduledCampaign('cancelada')
    await queueDueCampaigns(aula.payload)
    const before = smtp.messages.length
    await runWorkerTick(aula.payload, { limit: 100 }) // the first batch: the first page of the segment
    const sentBeforeCancel = smtp.messages.length - before
    expect(sentBeforeCancel).toBeGreaterThan(0)
    await db().execute(sql`UPDATE campaigns SET status = 'cancelled' WHERE id = ${campaignId}`)
    for (let round = 0; round < 5; round += 1) await runWorkerTick(aula.payload, { limit: 100 })
    expect(smtp.messages.length - before).toBe(sentBeforeCancel)
    const queued = rowsOf<{ count: string }>(await db().execute(sql`SELECT count(*) FROM email_log WHERE campaign_id = ${campaignId} AND status = 'queued'`))
    expect(Number(queued[0].count)).toBe(0)
    expect(await campaignRow(campaignId)).toMatchObject({ status: 'cancelled', sent: sentBeforeCancel })
    expect(people.filter((address) => deliveriesTo(address).length > 1)).toEqual([])
  }, 120_000)

  it('delivers a reminder due in the middle of a 5,000-person campaign within seconds, while the campaign is still going', async () => {
    await clearLeads()
    await insertLeads('grande', 5000)
    const campaignId = await scheduledCampaign('grande')
    await queueDueCampaigns(aula.payload)
    let reminderQueuedAt = 0
    let reminderArrivedAt = 0
    const reminderTo = 'recordatorio-urgente@campaign.test'
    for (let round = 0; round < 1000 && (await campaignRow(campaignId)).status !== 'sent'; round += 1) {
      await runWorkerTick(aula.payload, { limit: 100 })
      if (!reminderQueuedAt && (await campaignRow(campaignId)).sent >= 1000) {
        await queueTestEmail(aula.payload, { to: { email: reminderTo } })
        reminderQueuedAt = Date.now()
      }
      if (reminderQueuedAt && !reminderArrivedAt && deliveriesTo(reminderTo).length) {
        reminderArrivedAt = Date.now()
        // It arrived while the campaign still had most of its people to go.
        expect((await campaignRow(campaignId)).sent).toBeLessThan(5000)
      }
    }
    expect(reminderArrivedAt).toBeGreaterThan(0)
    // One campaign batch (its time budget) at most stands between a due reminder and the SMTP server.
    expect(reminderArrivedAt - reminderQueuedAt).toBeLessThan(10_000)
    expect(await campaignRow(campaignId)).toMatchObject({ status: 'sent', sent: 5000, failed: 0 })
  }, 600_000)
})

describe('a campaign with more than one worker', () => {
  async function startWorker(): Promise<ChildProcess> {
    const worker = await startWorkerProcess({ databaseUri: aula.databaseUri, smtpPort: smtp.port })
    workers.push(worker)
    return worker
  }

  it('two workers running batches of one campaign side by side send each person once', async () => {
    clock.set(new Date())
    await clearLeads()
    const people = await insertLeads('dos-workers', 400)
    const campaignId = await scheduledCampaign('dos-workers')
    await queueDueCampaigns(aula.payload)
    // A second chain of batches for the same campaign (what a batch re-run after a crash could start):
    // both workers now send this campaign's rows at the same time, and only the claim stands between them.
    await aula.payload.jobs.queue({ task: SEND_CAMPAIGN_BATCH_TASK, input: { campaignId }, queue: CAMPAIGN_QUEUE } as never)
    smtp.delayMs = 5
    await Promise.all([startWorker(), startWorker()])
    await waitUntil(async () => (await campaignRow(campaignId)).status === 'sent', 'the campaign to be sent', 120_000, () => campaignState(campaignId))
    smtp.delayMs = 0
    const counts = deliveryCounts()
    expect(people.filter((address) => counts.get(address) !== 1)).toEqual([])
    expect(await campaignRow(campaignId)).toMatchObject({ sent: 400, failed: 0, recipients: 400 })
    for (const worker of workers.splice(0)) signalWorkerGroup(worker, 'SIGKILL')
  }, 240_000)

  it('a worker killed mid-campaign leaves nobody sent twice and nobody silently missed', async () => {
    await clearLeads()
    const people = await insertLeads('killed', 300)
    const campaignId = await scheduledCampaign('killed')
    await queueDueCampaigns(aula.payload)
    smtp.delayMs = 150
    const first = await startWorker()
    const sentTo = () => {
      const counts = deliveryCounts()
      return people.filter((address) => counts.has(address)).length
    }
    await waitUntil(() => sentTo() >= 20, 'the first worker to send 20 messages', 120_000, () => campaignState(campaignId))
    signalWorkerGroup(first, 'SIGKILL')
    await new Promise((resolve) => first.once('exit', resolve))
    const inFlight = rowsOf<{ to: string }>(await db().execute(sql`SELECT "to" FROM email_log WHERE campaign_id = ${campaignId} AND status = 'sending'`)).map(
      (row) => row.to,
    )
    expect(inFlight.length).toBeLessThanOrEqual(CAMPAIGN_SEND_CONCURRENCY)

    // Ten minutes on: the stale-claim rule runs, and the dead worker's batch job may be claimed again.
    smtp.delayMs = 0
    // The workers' clock is the system's: eleven minutes after now, not after this file's start.
    clock.set(new Date(Date.now() + 11 * 60_000))
    await releaseStaleEmailClaims(aula.payload)
    await db().execute(sql`UPDATE payload_jobs SET updated_at = now() - interval '11 minutes' WHERE processing AND completed_at IS NULL`)
    await startWorker()
    await waitUntil(async () => (await campaignRow(campaignId)).status === 'sent', 'the campaign to be sent', 120_000, () => campaignState(campaignId))

    const rows = rowsOf<{ to: string; status: string }>(await db().execute(sql`SELECT "to", status FROM email_log WHERE campaign_id = ${campaignId}`))
    expect(rows).toHaveLength(people.length)
    const counts = deliveryCounts()
    for (const row of rows) {
      const deliveries = counts.get(row.to) ?? 0
      expect(deliveries).toBeLessThanOrEqual(1)
      if (row.status === 'sent') expect(deliveries).toBe(1)
      // Only what the dead worker was handing to SMTP is in doubt: marked failed, never sent a second time.
      else expect({ to: row.to, status: row.status, wasInFlight: inFlight.includes(row.to) }).toEqual({ to: row.to, status: 'failed', wasInFlight: true })
    }
    const figures = await campaignRow(campaignId)
    expect(figures.sent + figures.failed).toBe(people.length)
    expect(figures.failed).toBe(inFlight.length)
  }, 240_000)
})
