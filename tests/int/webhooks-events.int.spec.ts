import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { issueCertificate } from '../../src/certificates/issue'
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../src/webhooks/events'
import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account
let editor: Account
let webhookId: number
const clock = new ManualClock('2030-01-10T15:00:00.000Z')

/** The receiver is never called here: these tests read the delivery rows the events queue, before any job runs. */
beforeAll(async () => {
  aula = await startTestAula({ clock })
  admin = await aula.createUser(['admin'])
  editor = await aula.createUser(['editor'])
  await aula.payload.updateGlobal({ slug: 'billing-settings', data: { bankTransferDetails: 'Banco de Prueba\nCuenta: 000-111', bankTransferHoldDays: 3 }, overrideAccess: true })
  const created = await aula.api.post('/webhooks', { name: 'Todo', url: 'http://127.0.0.1:4011/hook', events: [...WEBHOOK_EVENTS] }, { token: admin.token })
  expect(created.status).toBe(201)
  webhookId = created.body.doc.id
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

let seen = 0
/** Deliveries queued since the previous call, oldest first, as `event collection/id`. */
const newDeliveries = async (): Promise<string[]> => {
  const { docs } = await aula.payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: webhookId }, id: { greater_than: seen } }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })
  if (docs.length) seen = Number(docs.at(-1)!.id)
  return docs.map((delivery) => `${delivery.eventType} ${delivery.documentCollection}/${delivery.documentId}`)
}

beforeEach(async () => {
  await newDeliveries()
})

let people = 0
const someone = () => {
  people += 1
  return { email: `webhook-person-${people}-${Date.now()}@example.com`, firstName: 'Ana', lastName: `Prueba ${people}` }
}

const asEditor = () => ({ token: editor.token })

describe('catalogue events', () => {
  it('a draft webinar’s saves send nothing; publishing it sends webinar.published; cancelling it webinar.cancelled', async () => {
    const created = await aula.api.post('/webinars', { title: 'Borrador privado', summary: 'Aún no.', startsAt: '2030-05-20T00:00:00.000Z', timezone: 'America/Lima', durationMinutes: 60, platform: 'zoom', isFree: true, currency: 'USD', status: 'draft' }, asEditor())
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    for (const summary of ['Uno', 'Dos', 'Tres']) expect((await aula.api.patch(`/webinars/${id}`, { summary }, asEditor())).status).toBe(200)
    expect(await newDeliveries()).toEqual([])

    expect((await aula.api.patch(`/webinars/${id}`, { status: 'published' }, asEditor())).status).toBe(200)
    expect(await newDeliveries()).toEqual([`webinar.published webinars/${id}`])
    expect((await aula.api.patch(`/webinars/${id}`, { status: 'cancelled' }, asEditor())).status).toBe(200)
    expect(await newDeliveries()).toEqual([`webinar.cancelled webinars/${id}`])
  })

  it('five saves of a published webinar within a minute leave one pending webinar.updated, due a minute after the first', async () => {
    const webinar = await createWebinar(aula.payload)
    await newDeliveries()
    const firstSaveAt = clock.now().getTime()
    for (let save = 1; save <= 5; save += 1) {
      expect((await aula.api.patch(`/webinars/${webinar.id}`, { summary: `Versión ${save}` }, asEditor())).status).toBe(200)
      clock.advance(10_000)
    }
    const { docs } = await aula.payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: webhookId }, documentId: { equals: String(webinar.id) }, eventType: { equals: 'webinar.updated' } }, depth: 0, overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: new Date(firstSaveAt + 60_000).toISOString() })
    expect(await newDeliveries()).toEqual([`webinar.updated webinars/${webinar.id}`])
  })

  it('a course sends course.published, course.updated and course.cancelled', async () => {
    const created = await aula.api.post('/courses', courseData({ status: 'draft' }), asEditor())
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(await newDeliveries()).toEqual([])
    expect((await aula.api.patch(`/courses/${id}`, { status: 'published' }, asEditor())).status).toBe(200)
    expect((await aula.api.patch(`/courses/${id}`, { summary: 'Ahora con más práctica.' }, asEditor())).status).toBe(200)
    expect((await aula.api.patch(`/courses/${id}`, { status: 'cancelled' }, asEditor())).status).toBe(200)
    expect(await newDeliveries()).toEqual([`course.published courses/${id}`, `course.updated courses/${id}`, `course.cancelled courses/${id}`])
  })

  it('a change that is rolled back queues nothing', async () => {
    const webinar = await createWebinar(aula.payload, { status: 'draft' })
    await newDeliveries()
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { status: 'published' }, overrideAccess: true, depth: 0, req })
    await killTransaction(req)
    expect((await aula.payload.findByID({ collection: 'webinars', id: webinar.id, overrideAccess: true, depth: 0 })).status).toBe('draft')
    expect(await newDeliveries()).toEqual([])
  })
})

describe('people and money', () => {
  it('a registration sends enrollment.created; its cancellation enrollment.cancelled', async () => {
    const webinar = await createWebinar(aula.payload)
    await newDeliveries()
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    expect(registered.status).toBe(201)
    const id = registered.body.doc.id
    expect(await newDeliveries()).toEqual([`enrollment.created enrollments/${id}`])
    expect((await aula.api.post(`/enrollments/${id}/cancel`, { reason: 'No puedo' }, { token: admin.token })).status).toBe(200)
    expect(await newDeliveries()).toEqual([`enrollment.cancelled enrollments/${id}`])
  })

  it('money recorded for a bank transfer sends payment.succeeded (not when the payment was created pending)', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', allowBankTransfer: true })
    await newDeliveries()
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    expect(registered.status).toBe(201)
    const enrollmentId = registered.body.doc.id
    expect(await newDeliveries()).toEqual([`enrollment.created enrollments/${enrollmentId}`])
    const payment = (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
    const sales = await aula.createUser(['sales'])
    const recorded = await aula.api.post(`/payments/${payment.id}/record-manual`, { method: 'bank_transfer', reference: `OP-${Date.now()}`, receivedOn: '2030-01-10', amount: 150 }, { token: sales.token })
    expect(recorded.status).toBe(200)
    expect((await newDeliveries()).filter((line) => line.startsWith('payment.'))).toEqual([`payment.succeeded payments/${payment.id}`])
  })

  it('issuing a certificate sends certificate.issued', async () => {
    const webinar = await createWebinar(aula.payload)
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    await newDeliveries()
    const certificate = await issueCertificate(aula.payload, { enrollmentId: registered.body.doc.id, note: 'Prueba de webhooks', issuedBy: admin.id })
    expect(await newDeliveries()).toEqual([`certificate.issued certificates/${certificate.id}`])
  })

  it('a lead from the public form sends lead.created', async () => {
    const person = someone()
    expect((await aula.api.post('/leads', { ...person, message: 'Quiero información' })).status).toBe(201)
    const [lead] = (await aula.payload.find({ collection: 'leads', where: { email: { equals: person.email } }, depth: 0, overrideAccess: true })).docs
    expect(await newDeliveries()).toEqual([`lead.created leads/${lead.id}`])
  })
})

describe('subscriptions', () => {
  it('a webhook receives only the events it chose; an inactive one receives none', async () => {
    const onlyLeads = await aula.api.post('/webhooks', { name: 'Solo prospectos', url: 'http://127.0.0.1:4012/hook', events: ['lead.created'] }, { token: admin.token })
    const inactive = await aula.api.post('/webhooks', { name: 'Apagado', url: 'http://127.0.0.1:4013/hook', events: [...WEBHOOK_EVENTS], active: false }, { token: admin.token })
    const forWebhook = async (id: number) =>
      (await aula.payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: id } }, depth: 0, overrideAccess: true, pagination: false })).docs.map((delivery) => delivery.eventType as WebhookEvent)

    await createWebinar(aula.payload)
    const lead = await aula.api.post('/leads', someone())
    expect(lead.status).toBe(201)
    expect(await forWebhook(onlyLeads.body.doc.id)).toEqual(['lead.created'])
    expect(await forWebhook(inactive.body.doc.id)).toEqual([])
  })
})
