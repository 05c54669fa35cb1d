import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { payToken } from '../../src/enrollment/cancelToken'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'

const DAY = 24 * 60 * 60_000
const BANK_DETAILS = 'Banco de Crédito del Perú\nTitular: Aula Capacitación S.A.C.\nCuenta: 193-1234567-0-89'

let person = 0
const someone = () => {
  person += 1
  return { email: `transfer${person}-${Date.now()}@example.com`, firstName: 'Lucía', lastName: `Quispe ${person}` }
}

/** What staff type for a bank transfer; tests override what they are about. */
const entry = (overrides: Record<string, unknown> = {}) => ({ method: 'bank_transfer', reference: `OP-${Date.now()}-${(person += 1)}`, receivedOn: '2030-01-10', amount: 150, ...overrides })

const helpers = (aula: TestAula) => ({
  enrollment: (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 }),
  paymentOf: async (enrollmentId: number) =>
    (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0],
  seatsLeft: async (id: number) => (await aula.api.get(`/webinars/${id}`)).body.seatsLeft,
  runHoldExpiry: async () => {
    await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
    await drainQueue(aula.payload)
  },
})

describe('bank transfer while Stripe is not configured', () => {
  let aula: TestAula
  let staff: { token: string }
  const clock = new ManualClock('2030-01-10T15:00:00.000Z')
  let h: ReturnType<typeof helpers>

  beforeAll(async () => {
    aula = await startTestAula({ clock })
    h = helpers(aula)
    staff = await aula.createUser(['sales'])
    await aula.payload.updateGlobal({ slug: 'billing-settings', data: { bankTransferDetails: BANK_DETAILS, bankTransferHoldDays: 3 }, overrideAccess: true })
  })
  afterAll(async () => {
    await aula?.close()
  })

  const transferWebinar = (overrides: Record<string, unknown> = {}) =>
    createWebinar(aula.payload, { isFree: false, price: 150, currency: 'PEN', capacity: 5, allowBankTransfer: true, ...overrides })

  it('a registration paying by bank transfer holds the seat for the item’s days and answers the reference, amount and bank details', async () => {
    const webinar = await transferWebinar({ bankTransferHoldDays: 5 })
    const buyer = someone()
    const { status, body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...buyer, paymentMethod: 'bank_transfer' })
    expect(status).toBe(201)
    const holdExpiresAt = new Date(clock.now().getTime() + 5 * DAY).toISOString()
    expect(body.doc).toMatchObject({ status: 'pending_payment', holdExpiresAt })
    expect(body.doc.checkoutUrl).toBeUndefined()
    expect(body.doc.bankTransfer).toEqual({ reference: expect.stringMatching(/^AULA-[3-9A-Y]{6}$/), amount: 150, currency: 'PEN', holdExpiresAt, instructions: BANK_DETAILS })
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'pending', provider: 'manual', method: 'bank_transfer', reference: body.doc.bankTransfer.reference, holdExpiresAt })
    expect(await h.seatsLeft(webinar.id)).toBe(4)

    const { docs: mails } = await aula.payload.find({ collection: 'email-log', where: { to: { equals: buyer.email } }, overrideAccess: true, depth: 0 })
    expect(mails.map((mail) => mail.templateKey)).toContain('bank_transfer_instructions')
    const mail = mails.find((row) => row.templateKey === 'bank_transfer_instructions')!
    expect(mail.variables).toMatchObject({ reference: body.doc.bankTransfer.reference, amount: '150.00', currency: 'PEN', bankDetails: expect.stringContaining('Cuenta: 193-1234567-0-89') })
    expect(String((mail.variables as Record<string, string>).bankDetails)).toContain('<br>')
  })

  it('a retry with the same Idempotency-Key gets the same reference and no second email', async () => {
    const webinar = await transferWebinar()
    const buyer = someone()
    const headers = { 'Idempotency-Key': `transfer-${Date.now()}` }
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, { ...buyer, paymentMethod: 'bank_transfer' }, { headers })
    const again = await aula.api.post(`/webinars/${webinar.id}/register`, { ...buyer, paymentMethod: 'bank_transfer' }, { headers })
    expect(again.body.doc.bankTransfer.reference).toBe(first.body.doc.bankTransfer.reference)
    const mails = await aula.payload.count({ collection: 'email-log', where: { and: [{ to: { equals: buyer.email } }, { templateKey: { equals: 'bank_transfer_instructions' } }] }, overrideAccess: true })
    expect(mails.totalDocs).toBe(1)
  })

  it('the pay link of a seat held for a transfer shows the bank details and reference instead of opening a card checkout', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const page = await aula.api.get(`/enrollments/${body.doc.id}/pay?token=${payToken(aula.payload.secret, body.doc.id)}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(body.doc.bankTransfer.reference)
    expect(page.text).toContain('Cuenta: 193-1234567-0-89')
    expect(page.text).toContain('150.00 PEN')
    expect(page.text).toMatch(/hora de Lima/)
  })

  it('someone choosing bank transfer where the item does not take it gets a 400 naming paymentMethod, and nothing is written', async () => {
    const webinar = await transferWebinar({ allowBankTransfer: false })
    const before = await aula.payload.count({ collection: 'enrollments', overrideAccess: true })
    const users = await aula.payload.count({ collection: 'users', overrideAccess: true })
    const { status, body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    expect(status).toBe(400)
    expect(errorPaths(body)).toEqual(['paymentMethod'])
    expect((await aula.payload.count({ collection: 'enrollments', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect((await aula.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(users.totalDocs)
  })

  it('GraphQL registerForWebinar with paymentMethod bank_transfer answers the transfer instructions', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.graphql(
      `mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person, paymentMethod: "bank_transfer") { id status bankTransfer } }`,
      { id: webinar.id, person: someone() },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.registerForWebinar).toMatchObject({ status: 'pending_payment', bankTransfer: { reference: expect.stringMatching(/^AULA-/), amount: 150, currency: 'PEN' } })
  })

  it('staff recording a part and then the rest confirm the seat once the money covers the amount', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)

    const part = await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ amount: 100, receivedOn: '2030-01-09' }), { token: staff.token })
    expect(part.status).toBe(200)
    expect(part.body).toMatchObject({ settled: false, payment: { status: 'pending', received: 100, due: 150, stillDue: 50 } })
    expect((await h.enrollment(body.doc.id)).status).toBe('pending_payment')

    const rest = await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ amount: '50.00', method: 'deposit' }), { token: staff.token })
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ settled: true, payment: { status: 'succeeded', received: 150, stillDue: 0, overpaid: 0, needsReview: false, entries: 2 } })
    expect(await h.enrollment(body.doc.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    const settled = await h.paymentOf(body.doc.id)
    expect(settled).toMatchObject({ status: 'succeeded', provider: 'manual', method: 'bank_transfer', receivedAt: '2030-01-10T12:00:00.000Z' })
    expect(settled.manualEntries?.map((row) => [row.method, row.amount])).toEqual([['bank_transfer', 100], ['deposit', 50]])

    const again = await aula.api.post(`/payments/${payment.id}/record-manual`, entry(), { token: staff.token })
    expect(again.status).toBe(409)
    expect((await h.paymentOf(body.doc.id)).manualEntries).toHaveLength(2)
  })

  it('the payments export shows each payment’s method, the reference it quotes and the day the money arrived', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)
    await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ receivedOn: '2030-01-08' }), { token: staff.token })
    const csv = await aula.api.get(`/payments/export.csv?locale=es&where[id][equals]=${payment.id}`, { token: staff.token })
    const [header, row] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(header).toContain('Medio de pago,Referencia,Importe,Moneda,Recibido el')
    expect(row).toContain(`Transferencia bancaria,${body.doc.bankTransfer.reference},150,PEN,08/01/2030`)
  })

  it('more money than the amount confirms the seat and flags the payment for review', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)
    const { body: answer } = await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ amount: 200 }), { token: staff.token })
    expect(answer).toMatchObject({ settled: true, payment: { status: 'succeeded', overpaid: 50, needsReview: true } })
    expect((await h.paymentOf(body.doc.id)).reviewReason).toMatch(/50\.00 PEN to give back/)
    expect((await h.enrollment(body.doc.id)).status).toBe('confirmed')
  })

  it('the same bank operation typed twice is refused the second time', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)
    const once = entry({ amount: 60, reference: 'OP-778899' })
    expect((await aula.api.post(`/payments/${payment.id}/record-manual`, once, { token: staff.token })).status).toBe(200)
    const twice = await aula.api.post(`/payments/${payment.id}/record-manual`, { ...once, reference: 'op-778899' }, { token: staff.token })
    expect(twice.status).toBe(409)
    expect((await h.paymentOf(body.doc.id)).manualEntries).toHaveLength(1)
  })

  it('an unpaid transfer hold expires after its days and frees the seat; a transfer recorded later takes a free seat again', async () => {
    const webinar = await transferWebinar({ capacity: 1 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    expect(body.doc.holdExpiresAt).toBe(new Date(clock.now().getTime() + 3 * DAY).toISOString())
    expect(await h.seatsLeft(webinar.id)).toBe(0)

    clock.advance(3 * DAY - 60_000)
    await h.runHoldExpiry()
    expect((await h.enrollment(body.doc.id)).status).toBe('pending_payment')

    clock.advance(2 * 60_000)
    await h.runHoldExpiry()
    expect(await h.enrollment(body.doc.id)).toMatchObject({ status: 'cancelled', cancellationReason: expect.stringMatching(/hold expired/) })
    expect((await h.paymentOf(body.doc.id)).status).toBe('expired')
    expect(await h.seatsLeft(webinar.id)).toBe(1)

    const payment = await h.paymentOf(body.doc.id)
    const late = await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ receivedOn: '2030-01-13' }), { token: staff.token })
    expect(late.body).toMatchObject({ settled: true, payment: { status: 'succeeded' } })
    expect(await h.enrollment(body.doc.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    expect(await h.seatsLeft(webinar.id)).toBe(0)
  })

  it('a transfer recorded after the seat went to someone else is flagged for staff to give back, not sent to Stripe', async () => {
    const webinar = await transferWebinar({ capacity: 1 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    clock.advance(3 * DAY + 60_000)
    await h.runHoldExpiry()
    const other = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    expect(other.body.doc.status).toBe('pending_payment')

    const payment = await h.paymentOf(body.doc.id)
    const late = await aula.api.post(`/payments/${payment.id}/record-manual`, entry({ receivedOn: '2030-01-13' }), { token: staff.token })
    expect(late.status).toBe(200)
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'succeeded', needsReview: true, reviewReason: expect.stringMatching(/give the money back/) })
    const refundJobs = await aula.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'refundPayment' } }, overrideAccess: true })
    expect(refundJobs.totalDocs).toBe(0)
    expect((await h.enrollment(body.doc.id)).status).toBe('cancelled')
  })

  it('anonymous callers, students, instructors and editors cannot record money; nothing is written', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)
    expect((await aula.api.post(`/payments/${payment.id}/record-manual`, entry())).status).toBe(401)
    for (const role of ['student', 'instructor', 'editor'] as const) {
      const { token } = await aula.createUser([role])
      expect((await aula.api.post(`/payments/${payment.id}/record-manual`, entry(), { token })).status).toBe(403)
      expect((await aula.api.post(`/enrollments/${body.doc.id}/record-payment`, entry(), { token })).status).toBe(403)
    }
    expect((await aula.api.post(`/payments/999999/record-manual`, entry(), { token: staff.token })).status).toBe(404)
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'pending', manualEntries: [] })
  })

  it('hostile amounts, dates and methods are each a 400 naming the field, and the payment is unchanged', async () => {
    const webinar = await transferWebinar()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), paymentMethod: 'bank_transfer' })
    const payment = await h.paymentOf(body.doc.id)
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: -150 }, 'amount'],
      [{ amount: 0 }, 'amount'],
      [{ amount: 'NaN' }, 'amount'],
      [{ amount: '150abc' }, 'amount'],
      [{ amount: '1e308' }, 'amount'],
      [{ amount: 1e308 }, 'amount'],
      [{ amount: 150.555 }, 'amount'],
      [{ amount: [150] }, 'amount'],
      [{ amount: { value: 150 } }, 'amount'],
      [{ amount: undefined }, 'amount'],
      [{ currency: 'USD' }, 'currency'],
      [{ method: 'card' }, 'method'],
      [{ method: 'bitcoin' }, 'method'],
      [{ reference: undefined }, 'reference'],
      [{ reference: 'x'.repeat(101) }, 'reference'],
      [{ reference: 'OP\u0000123' }, 'reference'],
      [{ receivedOn: '2030-02-30' }, 'receivedOn'],
      [{ receivedOn: '10/01/2030' }, 'receivedOn'],
      [{ receivedOn: '2099-01-01' }, 'receivedOn'],
      [{ receivedOn: 20300110 }, 'receivedOn'],
      [{ note: 'n'.repeat(501) }, 'note'],
    ]
    for (const [override, field] of cases) {
      const { status, body: answer } = await aula.api.post(`/payments/${payment.id}/record-manual`, entry(override), { token: staff.token })
      expect([JSON.stringify(override), status, errorPaths(answer)]).toEqual([JSON.stringify(override), 400, [field]])
    }
    expect((await aula.api.post(`/payments/${payment.id}/record-manual`, '[1,2]', { token: staff.token })).status).toBe(400)
    expect(await h.paymentOf(body.doc.id)).toMatchObject({ status: 'pending', manualEntries: [] })
    expect((await h.enrollment(body.doc.id)).status).toBe('pending_payment')
  })
})
