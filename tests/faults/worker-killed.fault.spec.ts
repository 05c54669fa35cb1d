import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'

import { releaseStaleEmailClaims } from '../../src/email/releaseStaleClaims'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { queueTestEmail } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { signalWorkerGroup, startWorkerProcess } from '../helpers/workerProcess'

/**
 * A real `npm run worker` process is killed (SIGKILL) in the middle of a batch. After another
 * worker takes over and the stale-claim rule has run, every email-log row is `sent` once, and the
 * only messages that can arrive twice are those the dead worker was handing to SMTP when it died
 * (rows it left `sending`), with one Message-ID.
 */
let aula: TestAula
const smtp = new SmtpSink()
// The worker processes use the system clock; this file's clock starts at the same instant.
const clock = new ManualClock(new Date())
const workers: ChildProcess[] = []

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  for (const worker of workers) signalWorkerGroup(worker, 'SIGKILL')
  await aula?.close()
  await smtp.stop()
})

async function startWorker(): Promise<ChildProcess> {
  const worker = await startWorkerProcess({ databaseUri: aula.databaseUri, smtpPort: smtp.port })
  workers.push(worker)
  return worker
}

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const rows = async (ids: number[]) =>
  (await aula.payload.find({ collection: 'email-log', where: { id: { in: ids } }, limit: ids.length, depth: 0, overrideAccess: true })).docs

describe('a worker killed in the middle of a batch', () => {
  it('leaves nothing unsent and nothing sent twice, except what it was handing to SMTP as it died', async () => {
    const recipients = Array.from({ length: 30 }, (_, i) => `lote-${i}@example.com`)
    const ids: number[] = []
    for (const email of recipients) ids.push((await queueTestEmail(aula.payload, { to: { email } })).emailLogId!)
    smtp.delayMs = 300

    const first = await startWorker()
    await waitUntil(() => smtp.messages.length >= 8, 'the first worker to send 8 messages')
    signalWorkerGroup(first, 'SIGKILL')
    await new Promise((resolve) => first.once('exit', resolve))
    const atKill = await rows(ids)
    // Payload runs a batch's jobs side by side: the dead worker held several rows `sending` (their jobs stuck `processing`).
    const inFlight = atKill.filter((row) => row.status === 'sending').map((row) => row.to)
    expect(atKill.filter((row) => row.status === 'sent').length).toBeGreaterThanOrEqual(8)
    expect(atKill.filter((row) => row.status !== 'sent').length).toBeGreaterThan(0)

    // Another worker starts; ten minutes on, the stale-claim rule (run every 5 minutes) puts the dead worker's rows back.
    smtp.delayMs = 0
    await startWorker()
    clock.advance(11 * 60_000)
    await releaseStaleEmailClaims(aula.payload)
    await waitUntil(async () => (await rows(ids)).every((row) => row.status === 'sent'), 'every row to be sent')

    const finalRows = await rows(ids)
    for (const row of finalRows) {
      expect(row).toMatchObject({ status: 'sent' })
      const deliveries = smtp.to(row.to).length
      expect(deliveries).toBeGreaterThanOrEqual(1)
      // Exactly once, except a message the dead worker was handing to SMTP as it died: the server may
      // have taken it without the worker hearing back. Both copies carry the same Message-ID.
      if (inFlight.includes(row.to)) {
        expect(deliveries).toBeLessThanOrEqual(2)
        expect(new Set(smtp.to(row.to).map((mail) => mail.messageId)).size).toBe(1)
      } else {
        expect(deliveries).toBe(1)
      }
    }
  }, 180_000)
})
