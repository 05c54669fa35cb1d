/**
 * `npx tsx bench/email-fanout.ts [count]`: queues `count` (5,000) reminder-style emails through
 * queueEmail, drains them with the real sendEmail task into an in-process SMTP server, and compares
 * the rate with nodemailer sending the same messages straight away. Not a test: prints figures for
 * docs/benchmarks.md. Starts its own throwaway embedded PostgreSQL.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import nodemailer from 'nodemailer'
import { buildConfig, createLocalReq, getPayload } from 'payload'

import { createAulaConfig } from '../src/config/createAulaConfig'
import { readEnv } from '../src/config/env'
import { closePayload } from '../src/db/closePayload'
import { ensureDatabase, startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { messageIdFor } from '../src/email/deliverEmail'
import { queueEmail } from '../src/email/queueEmail'
import { renderTemplate } from '../src/email/renderTemplate'
import { seedEmailTemplates } from '../src/seed/emailTemplates'
import { SmtpSink } from '../tests/helpers/smtpSink'

const count = Number(process.argv[2]) || 5000
const batch = 100
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-pg-'))
fs.chmodSync(dir, 0o755)
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, database: 'postgres', fast: true })
await ensureDatabase(postgres.uri('postgres'), 'aula_bench')
const smtp = await new SmtpSink().start()
const transport = { ...smtp.transport, pool: true, maxConnections: 5 }
const env = { ...readEnv(), databaseUri: postgres.uri('aula_bench'), jobsAutorun: false }
const config = await buildConfig(createAulaConfig({ env, push: true, smtpTransport: transport, poolMax: 20 }))
const payload = await getPayload({ config, cron: false })
await seedEmailTemplates(payload)
/**
 * Memory is read after a full garbage collection, so the figures are what Aula really keeps, not
 * garbage V8 has not reclaimed yet. `node --expose-gc` does not reach the script under tsx (its CLI
 * runs the script in a child process), so the script turns the flag on itself.
 */
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void
interface Reading {
  label: string
  delivered: number
  rss: number
  heapUsed: number
}
const readings: Reading[] = []
const settledRss = (label: string, deliveredSoFar: number) => {
  collectGarbage()
  collectGarbage()
  const { rss, heapUsed } = process.memoryUsage()
  readings.push({ label, delivered: deliveredSoFar, rss, heapUsed })
  return rss
}
const rssBefore = settledRss('before', 0)

const variables = (i: number) => ({
  firstName: `Persona ${i}`,
  title: 'Introducción a la analítica de datos',
  startsAt: '2026-03-12T23:00:00.000Z',
  timezone: 'America/Lima',
  itemUrl: 'https://aula.example.com/webinars/analitica',
  cancelUrl: `https://aula.example.com/cancelar/${i}`,
})

const queueStart = performance.now()
const req = await createLocalReq({}, payload)
for (let i = 0; i < count; i += 1) {
  await queueEmail(req, {
    templateKey: 'webinar_reminder_24h',
    to: { email: `persona-${i}@bench.aula` },
    dedupeKey: `webinar_reminder_24h:bench:${i}`,
    variables: variables(i),
  })
}
const queueSeconds = (performance.now() - queueStart) / 1000

// The sink would keep every parsed message; count and drop them so RSS measures Aula, not the test server.
let delivered = 0
const collect = () => {
  delivered += smtp.messages.length
  smtp.messages.length = 0
}
// Memory is read at every quarter of the drain; the time spent collecting garbage is left out of the rate.
let nextReading = count / 4
let readingMs = 0
const drainStart = performance.now()
for (;;) {
  const result = await payload.jobs.run({ limit: batch, silent: true })
  collect()
  if (delivered >= nextReading && delivered < count) {
    const readStart = performance.now()
    settledRss(`${Math.round((100 * delivered) / count)}%`, delivered)
    readingMs += performance.now() - readStart
    nextReading += count / 4
  }
  if (result.noJobsRemaining) break
}
const drainSeconds = (performance.now() - drainStart - readingMs) / 1000
settledRss('after drain', delivered)

// The same messages, rendered up front, through nodemailer alone with the same pooled transport.
const template = (await payload.find({ collection: 'email-templates', where: { key: { equals: 'webinar_reminder_24h' }, locale: { equals: 'es' } }, limit: 1 })).docs[0]
const direct = nodemailer.createTransport(transport)
const directStart = performance.now()
for (let start = 0; start < count; start += batch) {
  await Promise.all(
    Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
      const i = start + offset
      const rendered = renderTemplate(template, variables(i), 'es')
      return direct.sendMail({
        from: 'Aula <aula@localhost>',
        to: `directa-${i}@bench.aula`,
        subject: rendered.subject,
        html: rendered.html,
        messageId: messageIdFor(`direct:${i}`),
      })
    }),
  )
}
const directSeconds = (performance.now() - directStart) / 1000
direct.close()

const pipelineRate = count / drainSeconds
const directRate = count / directSeconds
console.log(`emails: ${count} (delivered through the queue: ${delivered})`)
console.log(`queueEmail: ${(count / queueSeconds).toFixed(0)} emails/s (${queueSeconds.toFixed(1)} s)`)
console.log(`queue drain (sendEmail jobs, run({limit: ${batch}})): ${pipelineRate.toFixed(0)} messages/s (${drainSeconds.toFixed(1)} s)`)
console.log(`nodemailer straight: ${directRate.toFixed(0)} messages/s (${directSeconds.toFixed(1)} s)`)
console.log(`ratio queue/straight: ${(pipelineRate / directRate).toFixed(2)}`)
for (const reading of readings) console.log(`  ${reading.label.padEnd(12)} delivered ${String(reading.delivered).padStart(5)}  RSS ${mb(reading.rss).padStart(7)}  JS heap ${mb(reading.heapUsed).padStart(7)}`)
// Growth per email from the first reading inside the drain to the last: what a long-running worker would accumulate.
const first = readings.find((reading) => reading.delivered > 0)!
const last = readings.at(-1)!
const perEmail = (bytes: number) => `${(bytes / Math.max(1, last.delivered - first.delivered) / 1024).toFixed(2)} KB`
console.log(`growth per email from ${first.label} to ${last.label}: RSS ${perEmail(last.rss - first.rss)}, JS heap ${perEmail(last.heapUsed - first.heapUsed)}`)
console.log(`RSS before the drain ${mb(rssBefore)}, after it ${mb(last.rss)}`)

await closePayload(payload)
await smtp.stop()
await postgres.stop()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(delivered === count ? 0 : 1)
