/**
 * `npm run bench:campaign [count]`: a campaign to `count` (20,000) people who accepted marketing email,
 * sent by the worker's own loop (runWorkerTick: the default queue, then one campaign batch) into the
 * in-process SMTP sink, compared with nodemailer sending the same rendered messages straight away in
 * the same run. Samples peak RSS, reads memory after GC at every quarter, and queues a transactional
 * email due halfway through the campaign to see how late it leaves. Not a test: prints figures for
 * docs/benchmarks.md. Starts its own throwaway embedded PostgreSQL.
 */
import { sql } from '@payloadcms/db-postgres/drizzle'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import nodemailer from 'nodemailer'
import { buildConfig, createLocalReq, getPayload } from 'payload'

import { queueDueCampaigns } from '../src/automation/campaigns/queueDueCampaigns'
import { renderCampaignEmail } from '../src/automation/campaigns/render'
import { listUnsubscribeHeaders } from '../src/automation/consent/unsubscribe'
import { createAulaConfig } from '../src/config/createAulaConfig'
import { readEnv } from '../src/config/env'
import { closePayload } from '../src/db/closePayload'
import { ensureDatabase, startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { poolDrizzle, rowsOf } from '../src/email/database'
import { messageIdFor } from '../src/email/deliverEmail'
import { queueEmail } from '../src/email/queueEmail'
import { runWorkerTick } from '../src/jobs/runner/runWorkerTick'
import { seedEmailTemplates } from '../src/seed/emailTemplates'
import { SmtpSink } from '../tests/helpers/smtpSink'

const count = Number(process.argv[2]) || 20_000
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-pg-'))
fs.chmodSync(dir, 0o755)
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, database: 'postgres', fast: true })
await ensureDatabase(postgres.uri('postgres'), 'aula_bench')
const smtp = await new SmtpSink().start()
// The worker's transport: pooled, as many connections as a batch sends at once.
const transport = { ...smtp.transport, pool: true, maxConnections: 5 }
const env = { ...readEnv(), databaseUri: postgres.uri('aula_bench'), jobsAutorun: false }
const config = await buildConfig(createAulaConfig({ env, push: true, smtpTransport: transport, poolMax: 20 }))
const payload = await getPayload({ config, cron: false })
await seedEmailTemplates(payload)
const db = poolDrizzle(payload)

// Memory after a full collection (tsx runs the script in a child that does not inherit --expose-gc: turn it on here).
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void
const readings: { label: string; delivered: number; rss: number; heapUsed: number }[] = []
const settled = (label: string, deliveredSoFar: number) => {
  collectGarbage()
  collectGarbage()
  const { rss, heapUsed } = process.memoryUsage()
  readings.push({ label, delivered: deliveredSoFar, rss, heapUsed })
}

// The people: leads with consent, written straight to the table (the API would email each one's sales owner).
const seedStart = performance.now()
const now = new Date()
for (let start = 0; start < count; start += 5000) {
  const emails = Array.from({ length: Math.min(5000, count - start) }, (_, i) => `persona-${String(start + i).padStart(6, '0')}@bench.aula`)
  await db.execute(sql`
    INSERT INTO leads (first_name, last_name, email, type, stage, source, marketing_consent_granted, marketing_consent_at, marketing_consent_method, updated_at, created_at)
    SELECT 'Persona', split_part(address, '@', 1), address, 'individual', 'new', 'web_form', true, ${now}, 'form', ${now}, ${now}
      FROM json_array_elements_text(${JSON.stringify(emails)}::json) AS address`)
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
const body = {
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      paragraph('Hola {{firstName}}:'),
      paragraph('Este mes abrimos tres cursos nuevos de analítica de datos, con cupos limitados y precio de lanzamiento.'),
      paragraph('Responde a este correo si quieres que te llamemos.'),
    ],
  },
}
const campaign = await payload.create({
  collection: 'campaigns',
  data: { name: 'Bench', subjectEs: 'Novedades de noviembre para {{firstName}}', bodyEs: body, segment: { kind: 'leads' } } as never,
  overrideAccess: true,
})
await db.execute(sql`UPDATE campaigns SET status = 'scheduled', send_at = NULL WHERE id = ${campaign.id}`)
console.log(`seeded ${count} leads with consent in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)

// Peak RSS, sampled every 200 ms for the whole send.
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
settled('before', 0)

let delivered = 0
let reminderDueAt: Date | null = null
let reminderArrivedAt: Date | null = null
let campaignSentWhenReminderArrived = 0
const reminderTo = 'recordatorio@bench.aula'
// The sink would keep every parsed message: count and drop them, so memory is Aula's.
const collect = () => {
  for (const mail of smtp.messages) {
    if (JSON.stringify(mail.to).includes(reminderTo) && !reminderArrivedAt) reminderArrivedAt = new Date()
    else delivered += 1
  }
  smtp.messages.length = 0
}
const campaignStatus = async () => rowsOf<{ status: string; sent: number }>(await db.execute(sql`SELECT status, sent FROM campaigns WHERE id = ${campaign.id}`))[0]

let nextReading = count / 4
let readingMs = 0
const sendStart = performance.now()
await queueDueCampaigns(payload)
for (;;) {
  await runWorkerTick(payload, { limit: 100 })
  collect()
  if (!reminderDueAt && delivered >= count / 2) {
    // A reminder (a transactional email) that falls due 10 s from now, in the middle of the campaign.
    reminderDueAt = new Date(Date.now() + 10_000)
    await queueEmail(await createLocalReq({}, payload), {
      templateKey: 'enrollment_confirmed',
      to: { email: reminderTo },
      dedupeKey: 'bench:reminder',
      variables: { firstName: 'Ana', title: 'Excel para finanzas' },
      scheduledFor: reminderDueAt,
    })
  }
  if (reminderArrivedAt && !campaignSentWhenReminderArrived) campaignSentWhenReminderArrived = delivered
  if (delivered >= nextReading && delivered < count) {
    const readStart = performance.now()
    settled(`${Math.round((100 * delivered) / count)}%`, delivered)
    readingMs += performance.now() - readStart
    nextReading += count / 4
  }
  if ((await campaignStatus()).status === 'sent') break
}
collect()
const sendSeconds = (performance.now() - sendStart - readingMs) / 1000
clearInterval(sampler)
const campaignPeak = peakRss
settled('after', delivered)

// The same messages, rendered up front, through nodemailer alone with the same pooled transport.
const req = await createLocalReq({}, payload)
const direct = nodemailer.createTransport(transport)
const directStart = performance.now()
for (let start = 0; start < count; start += 100) {
  await Promise.all(
    Array.from({ length: Math.min(100, count - start) }, async (_, offset) => {
      const email = `directa-${start + offset}@bench.aula`
      const rendered = await renderCampaignEmail(req, campaign as never, { email, firstName: 'Persona', lastName: '' }, 'es')
      return direct.sendMail({
        from: 'Aula <aula@localhost>',
        to: email,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: listUnsubscribeHeaders(req, email, Number(campaign.id)),
        messageId: messageIdFor(`direct:${start + offset}`),
      })
    }),
  )
  smtp.messages.length = 0
}
const directSeconds = (performance.now() - directStart) / 1000
direct.close()

const figures = await campaignStatus()
const campaignRate = count / sendSeconds
const directRate = count / directSeconds
console.log(`campaign: ${count} people, delivered ${delivered}, campaign.sent ${figures.sent}, status ${figures.status}`)
console.log(`campaign (worker loop, batches of 200): ${campaignRate.toFixed(0)} messages/s (${sendSeconds.toFixed(1)} s)`)
console.log(`nodemailer straight: ${directRate.toFixed(0)} messages/s (${directSeconds.toFixed(1)} s)`)
console.log(`ratio campaign/straight: ${(campaignRate / directRate).toFixed(2)}`)
for (const reading of readings) console.log(`  ${reading.label.padEnd(8)} delivered ${String(reading.delivered).padStart(6)}  RSS ${mb(reading.rss).padStart(7)}  JS heap ${mb(reading.heapUsed).padStart(7)}`)
console.log(`peak RSS during the campaign (sampled every 200 ms): ${mb(campaignPeak)}`)
const lateMs = reminderArrivedAt && reminderDueAt ? (reminderArrivedAt as Date).getTime() - reminderDueAt.getTime() : null
console.log(
  lateMs === null
    ? 'reminder: NOT delivered'
    : `reminder due at ${reminderDueAt!.toISOString()} arrived ${(lateMs / 1000).toFixed(1)} s after it was due, with ${campaignSentWhenReminderArrived} of ${count} campaign emails sent`,
)

await closePayload(payload)
await smtp.stop()
await postgres.stop()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(delivered === count && lateMs !== null && lateMs < 60_000 ? 0 : 1)
