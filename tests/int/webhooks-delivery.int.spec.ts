import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { statementsDuring } from '../helpers/countStatements'
import { ManualClock } from '../helpers/manualClock'
import { WebhookReceiver } from '../helpers/webhookReceiver'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { SUBSCRIPTIONS_TTL_MS } from '../../src/webhooks/delivery/subscriptions'
import { verifyAulaSignature } from '../../src/webhooks/delivery/sign'
import type { WebhookEvent } from '../../src/webhooks/events'
import type { WebhookReceiverSettings } from '../../src/webhooks/receiverUrl'
import { encryptWebhookSecret, newWebhookSecret } from '../../src/webhooks/secret'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const receiver = new WebhookReceiver()
const MINUTE = 60_000

beforeAll(async () => {
  await receiver.start()
  aula = await startTestAula({ clock })
  admin = await aula.createUser(['admin'])
}, 120_000)

afterAll(async () => {
  await aula.close()
  await receiver.stop()
})

// ---------------------------------------------------------------- helpers

let paths = 0
const madeHere: number[] = []

/** A webhook made by an admin over REST, pointing at its own path of the local receiver; `secret` is the one shown at creation. */
async function makeWebhook(events: WebhookEvent[], overrides: Record<string, unknown> = {}) {
  const path = `/hooks/${(paths += 1)}`
  const created = await aula.api.post('/webhooks', { name: `Sitio ${paths}`, url: receiver.url(path), events, ...overrides }, { token: admin.token })
  expect(created.status).toBe(201)
  madeHere.push(created.body.doc.id)
  return { id: created.body.doc.id as number, secret: created.body.doc.secret as string, path }
}

// Every webhook of a test is switched off after it, so later tests' events do not reach (and fail against) it.
afterEach(async () => {
  receiver.clearScript()
  for (const id of madeHere.splice(0)) await aula.payload.delete({ collection: 'webhooks', id, overrideAccess: true })
})

/** What a worker would do now: every open delivery job runs once, by id (Payload's waitUntil is real time; the app clock decides). */
async function runDeliveries() {
  const { docs } = await aula.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'deliverWebhook' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    pagination: false,
    overrideAccess: true,
    depth: 0,
  })
  for (const job of docs) await aula.payload.jobs.runByID({ id: job.id, silent: true })
}

async function deliveriesOf(webhookId: number) {
  const { docs } = await aula.payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: webhookId } }, sort: 'id', pagination: false, overrideAccess: true, depth: 0 })
  return docs
}

const onlyDeliveryOf = async (webhookId: number) => {
  const deliveries = await deliveriesOf(webhookId)
  expect(deliveries).toHaveLength(1)
  return deliveries[0]
}

let people = 0
const someone = () => ({ email: `persona${(people += 1)}-${Date.now()}@example.com`, firstName: 'Rosa', lastName: `Quispe${people}` })

// ---------------------------------------------------------------- cost and subscriptions

describe('with nothing subscribed', () => {
  it('a public registration sends not one statement about webhooks', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 100 })
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(201)
    const statements = await statementsDuring(aula.payload, async () => {
      expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(201)
    })
    expect(statements.length).toBeGreaterThan(0)
    expect(statements.filter((text) => /webhook/i.test(text))).toEqual([])
  })

  it('a webhook made on another instance of the app starts receiving within the subscription TTL', async () => {
    // What another instance's save leaves in the database, without this process's hooks hearing of it.
    const path = '/hooks/other-instance'
    const now = clock.now()
    const [made] = rowsOf<{ id: number }>(
      await poolDrizzle(aula.payload).execute(sql`
        WITH made AS (
          INSERT INTO webhooks (name, url, active, receiver_role, failure_limit, consecutive_failures, signing_secret, updated_at, created_at)
          VALUES ('Desde otra instancia', ${receiver.url(path)}, true, 'public', 10, 0, ${encryptWebhookSecret(newWebhookSecret(), aula.payload.config.secret)}, ${now}, ${now})
          RETURNING id)
        INSERT INTO webhooks_events ("order", parent_id, value) SELECT 1, id, 'enrollment.created' FROM made RETURNING parent_id AS id`),
    )
    madeHere.push(Number(made.id))
    const webinar = await createWebinar(aula.payload)
    // This instance still trusts the list it read in the test above.
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(201)
    expect(await deliveriesOf(made.id)).toHaveLength(0)

    clock.advance(SUBSCRIPTIONS_TTL_MS + 1)
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(201)
    await runDeliveries()
    expect(receiver.to(path)).toHaveLength(1)
    expect(receiver.to(path)[0].body.type).toBe('enrollment.created')
  })
})

// ---------------------------------------------------------------- what is sent

describe('a delivery', () => {
  it('is a POST with the event as JSON, signed with the secret shown when the webhook was made', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    const webinar = await createWebinar(aula.payload, { extraNotes: 'Solo para el equipo' })
    await runDeliveries()

    const [received] = receiver.to(webhook.path)
    expect(receiver.to(webhook.path)).toHaveLength(1)
    expect(received.headers['content-type']).toBe('application/json')
    expect(received.headers['user-agent']).toBe('Aula-Webhooks/1')
    expect(received.headers['aula-event-type']).toBe('webinar.published')
    expect(received.headers['aula-event-id']).toMatch(/^evt_[0-9a-f]{32}$/)
    expect(received.body).toEqual({
      id: received.headers['aula-event-id'],
      type: 'webinar.published',
      createdAt: clock.now().toISOString(),
      data: { collection: 'webinars', id: webinar.id, object: expect.objectContaining({ id: webinar.id, title: webinar.title, status: 'published' }) },
    })
    // What anyone reads of a published webinar, and nothing staff-only.
    const anonymousRead = await aula.api.get(`/webinars/${webinar.id}?depth=0`)
    expect(received.body.data.object).toEqual(anonymousRead.body)
    expect(received.rawBody).not.toContain('Solo para el equipo')

    const header = String(received.headers['aula-signature'])
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    const now = clock.now().getTime()
    expect(verifyAulaSignature(received.rawBody, header, webhook.secret, 300, now)).toBe(true)
    expect(verifyAulaSignature(received.rawBody.replace('webinar.published', 'webinar.cancelled'), header, webhook.secret, 300, now)).toBe(false)
    expect(verifyAulaSignature(received.rawBody, header, `${webhook.secret}x`, 300, now)).toBe(false)
    // A replay ten minutes later is refused by the receiver's tolerance.
    expect(verifyAulaSignature(received.rawBody, header, webhook.secret, 300, now + 10 * MINUTE)).toBe(false)

    const delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, eventId: received.body.id, eventType: 'webinar.published', documentCollection: 'webinars', documentId: String(webinar.id) })
    expect(delivery.body).toEqual(received.body)
    expect(delivery.attemptsLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, responseExcerpt: 'ok', durationMs: expect.any(Number) })])
  })

  it('carries only what the webhook’s role reads: nothing of the person for a public receiver, what sales reads for a sales one', async () => {
    const publicHook = await makeWebhook(['enrollment.created'])
    const salesHook = await makeWebhook(['enrollment.created'], { receiverRole: 'sales' })
    const person = someone()
    const webinar = await createWebinar(aula.payload)
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    expect(registered.status).toBe(201)
    await runDeliveries()

    const [toPublic] = receiver.to(publicHook.path)
    expect(toPublic.body.data).toEqual({ collection: 'enrollments', id: registered.body.doc.id, object: null })
    expect(toPublic.rawBody).not.toContain(person.email)
    expect(toPublic.rawBody).not.toContain(person.lastName)

    const sales = await aula.createUser(['sales'])
    const salesRead = await aula.api.get(`/enrollments/${registered.body.doc.id}?depth=0`, { token: sales.token })
    expect(salesRead.status).toBe(200)
    const [toSales] = receiver.to(salesHook.path)
    expect(toSales.body.data.object).toEqual(salesRead.body)
    // The two receivers got the same event under different ids, one per webhook.
    expect(toSales.body.id).not.toBe(toPublic.body.id)
  })

  it('of a grouped update waits a minute and carries the latest state', async () => {
    const webhook = await makeWebhook(['webinar.updated'])
    const webinar = await createWebinar(aula.payload)
    for (const title of ['Primero', 'Segundo', 'Tercero']) await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { title }, overrideAccess: true })
    await runDeliveries()
    expect(receiver.to(webhook.path)).toHaveLength(0)

    clock.advance(MINUTE + 1000)
    await runDeliveries()
    expect(receiver.to(webhook.path).map((received) => received.body.data.object.title)).toEqual(['Tercero'])
  })
})

// ---------------------------------------------------------------- failures

describe('when the receiver fails', () => {
  it('a 500 is retried a minute later with the same event and body, and the log shows both attempts', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    receiver.answerNext({ status: 500, text: 'Internal error: database down' })
    await createWebinar(aula.payload)
    await runDeliveries()
    let delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 })
    expect(new Date(delivery.nextAttemptAt!).getTime() - clock.now().getTime()).toBe(MINUTE)
    expect((await aula.payload.findByID({ collection: 'webhooks', id: webhook.id, overrideAccess: true })).consecutiveFailures).toBe(1)

    // Not before its time.
    await runDeliveries()
    expect(receiver.to(webhook.path)).toHaveLength(1)

    clock.advance(MINUTE)
    await runDeliveries()
    const [first, second] = receiver.to(webhook.path)
    expect(receiver.to(webhook.path)).toHaveLength(2)
    expect(second.headers['aula-event-id']).toBe(first.headers['aula-event-id'])
    expect(second.rawBody).toBe(first.rawBody)
    delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 })
    expect(delivery.attemptsLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 500, responseExcerpt: 'Internal error: database down', error: 'HTTP 500' }),
      expect.objectContaining({ attempt: 2, statusCode: 200, responseExcerpt: 'ok' }),
    ])
    expect((await aula.payload.findByID({ collection: 'webhooks', id: webhook.id, overrideAccess: true })).consecutiveFailures).toBe(0)
  })

  it('a 410 stops the delivery for good', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    receiver.answerNext({ status: 410, text: 'gone' })
    await createWebinar(aula.payload)
    await runDeliveries()
    clock.advance(24 * 60 * MINUTE)
    await runDeliveries()
    expect(receiver.to(webhook.path)).toHaveLength(1)
    expect(await onlyDeliveryOf(webhook.id)).toMatchObject({ status: 'gone', attempts: 1, lastStatusCode: 410, nextAttemptAt: null })
  })

  it('a receiver that does not answer within 10 seconds is a failed attempt', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    receiver.answerNext('hang')
    await createWebinar(aula.payload)
    const started = Date.now()
    await runDeliveries()
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900)
    const delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null })
    expect(delivery.attemptsLog?.[0]).toMatchObject({ statusCode: null, error: 'No answer within 10 s' })
  }, 60_000)

  it('retries back off from one minute, doubling up to six hours, and give up three days after the first attempt', async () => {
    const webhook = await makeWebhook(['webinar.published'], { failureLimit: 100 })
    receiver.answerNext(...Array.from({ length: 40 }, () => ({ status: 503 })))
    await createWebinar(aula.payload)
    const firstAttemptAt = clock.now().getTime()
    const waits: number[] = []
    for (let round = 0; round < 40; round += 1) {
      await runDeliveries()
      const delivery = await onlyDeliveryOf(webhook.id)
      if (delivery.status !== 'failed') break
      const next = new Date(delivery.nextAttemptAt!).getTime()
      waits.push((next - clock.now().getTime()) / MINUTE)
      clock.set(new Date(next))
    }
    expect(waits.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360])
    expect(new Set(waits.slice(9))).toEqual(new Set([360]))
    const delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery.status).toBe('abandoned')
    expect(delivery.attempts).toBe(waits.length + 1)
    expect(delivery.attemptsLog).toHaveLength(delivery.attempts)
    expect(clock.now().getTime() - firstAttemptAt).toBeLessThanOrEqual(3 * 24 * 60 * MINUTE)
    expect(clock.now().getTime() + 360 * MINUTE - firstAttemptAt).toBeGreaterThan(3 * 24 * 60 * MINUTE)
  })

  it('reaching the failure limit switches the webhook off and tells the admins', async () => {
    const webhook = await makeWebhook(['webinar.published'], { failureLimit: 2 })
    receiver.answerNext({ status: 500 }, { status: 502 })
    await createWebinar(aula.payload)
    await createWebinar(aula.payload)
    await runDeliveries()

    const switchedOff = await aula.payload.findByID({ collection: 'webhooks', id: webhook.id, overrideAccess: true })
    expect(switchedOff).toMatchObject({ active: false, consecutiveFailures: 2, disabledAt: clock.now().toISOString() })
    expect(switchedOff.disabledReason).toContain('2 consecutive failed deliveries')
    const { docs: notifications } = await aula.payload.find({
      collection: 'notifications',
      where: { and: [{ kind: { equals: 'webhook_disabled' } }, { recipient: { equals: admin.id } }, { documentId: { equals: String(webhook.id) } }] },
      overrideAccess: true,
    })
    expect(notifications).toHaveLength(1)
    expect(notifications[0].link).toBe(`/admin/collections/webhooks/${webhook.id}`)

    // No new event reaches it, and its waiting retries are abandoned instead of sent.
    await createWebinar(aula.payload)
    clock.advance(10 * MINUTE)
    await runDeliveries()
    expect(receiver.to(webhook.path)).toHaveLength(2)
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.status)).toEqual(['abandoned', 'abandoned'])
  })

  it('a receiver whose name now resolves inside the network is not contacted in production', async () => {
    const path = '/hooks/rebound'
    const made = await aula.payload.create({
      collection: 'webhooks',
      data: { name: 'Rebinding', url: `https://hooks.example.com:${receiver.port}${path}`, events: ['webinar.published'] } as never,
      overrideAccess: true,
    })
    madeHere.push(made.id)
    const settings = aula.payload.config.custom as { webhookReceivers: WebhookReceiverSettings }
    const before = settings.webhookReceivers
    settings.webhookReceivers = { publicReceiversOnly: true, resolve: async () => ['127.0.0.1'] }
    const connections = receiver.connections
    try {
      await createWebinar(aula.payload)
      await runDeliveries()
    } finally {
      settings.webhookReceivers = before
    }
    expect(receiver.connections).toBe(connections)
    const delivery = await onlyDeliveryOf(made.id)
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: null })
    expect(delivery.lastError).toContain('Receiver URL refused')
    expect(delivery.lastError).toContain('127.0.0.1')
  })
})

// ---------------------------------------------------------------- transactions, redelivery, retention

describe('around the change', () => {
  it('nothing is sent before the change commits, and nothing at all for a rolled-back change', async () => {
    const webhook = await makeWebhook(['webinar.cancelled'])
    const kept = await createWebinar(aula.payload)
    const undone = await createWebinar(aula.payload)

    const rolledBack = await createLocalReq({}, aula.payload)
    await initTransaction(rolledBack)
    await aula.payload.update({ collection: 'webinars', id: undone.id, data: { status: 'cancelled' }, overrideAccess: true, req: rolledBack })
    await killTransaction(rolledBack)

    const committed = await createLocalReq({}, aula.payload)
    await initTransaction(committed)
    await aula.payload.update({ collection: 'webinars', id: kept.id, data: { status: 'cancelled' }, overrideAccess: true, req: committed })
    await runDeliveries()
    expect(receiver.to(webhook.path)).toHaveLength(0)
    await commitTransaction(committed)
    await runDeliveries()

    expect(receiver.to(webhook.path).map((received) => received.body.data.id)).toEqual([kept.id])
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.documentId)).toEqual([String(kept.id)])
  })

  it('an admin redelivers a delivery: the same event id and body again, even after a 410', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    receiver.answerNext({ status: 410 })
    await createWebinar(aula.payload)
    await runDeliveries()
    const delivery = await onlyDeliveryOf(webhook.id)
    expect(delivery.status).toBe('gone')

    const editor = await aula.createUser(['editor'])
    expect((await aula.api.post(`/webhook-deliveries/${delivery.id}/redeliver`, undefined)).status).toBe(401)
    expect((await aula.api.post(`/webhook-deliveries/${delivery.id}/redeliver`, undefined, { token: editor.token })).status).toBe(403)
    expect((await aula.api.post('/webhook-deliveries/999999/redeliver', undefined, { token: admin.token })).status).toBe(404)
    const redelivered = await aula.api.post(`/webhook-deliveries/${delivery.id}/redeliver`, undefined, { token: admin.token })
    expect(redelivered.status).toBe(200)
    expect(redelivered.body).toMatchObject({ id: delivery.id, status: 'pending' })
    await runDeliveries()

    const [first, again] = receiver.to(webhook.path)
    expect(receiver.to(webhook.path)).toHaveLength(2)
    expect(again.headers['aula-event-id']).toBe(first.headers['aula-event-id'])
    expect(again.rawBody).toBe(first.rawBody)
    expect(verifyAulaSignature(again.rawBody, String(again.headers['aula-signature']), webhook.secret, 300, clock.now().getTime())).toBe(true)
    expect(await onlyDeliveryOf(webhook.id)).toMatchObject({ status: 'delivered', attempts: 2 })
  })

  it('redelivering for a switched-off webhook is refused until it is on again', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    await createWebinar(aula.payload)
    await runDeliveries()
    const delivery = await onlyDeliveryOf(webhook.id)
    expect((await aula.api.patch(`/webhooks/${webhook.id}`, { active: false }, { token: admin.token })).status).toBe(200)
    const refused = await aula.api.post(`/webhook-deliveries/${delivery.id}/redeliver`, undefined, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/desactivado|switched off/)
  })

  it('the daily retention job deletes deliveries older than 30 days and keeps the rest', async () => {
    const webhook = await makeWebhook(['webinar.published'])
    await createWebinar(aula.payload)
    await runDeliveries()
    clock.advance(31 * 24 * 60 * MINUTE)
    await createWebinar(aula.payload)
    await runDeliveries()
    const [old, recent] = await deliveriesOf(webhook.id)
    expect([old.status, recent.status]).toEqual(['delivered', 'delivered'])

    const job = await aula.payload.jobs.queue({ task: 'deleteOldWebhookDeliveries', input: {} })
    await aula.payload.jobs.runByID({ id: job.id, silent: true })
    expect((await deliveriesOf(webhook.id)).map((delivery) => delivery.id)).toEqual([recent.id])
  })
})
