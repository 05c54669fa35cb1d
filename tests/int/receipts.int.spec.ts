import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createWebinar } from '../helpers/catalog'
import { pdfText } from '../helpers/certificatePdf'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { chargeRefunded, chargeRefundedSoFar, deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const smtp = new SmtpSink()
// 23:30 in Lima on 31 December is already 2031 in UTC: the number's year is the business's.
const clock = new ManualClock('2031-01-01T04:30:00.000Z')
type Person = Awaited<ReturnType<TestAula['createUser']>>
let admin: Person

beforeAll(async () => {
  await smtp.start()
  ;({ aula, stripe } = await startAulaWithStripe({ clock, smtpTransport: smtp.transport }))
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'])
  await aula.payload.updateGlobal({
    slug: 'billing-settings',
    data: { legalName: 'Capacitaciones Andinas S.A.C.', taxId: '20601234567', address: 'Av. Arequipa 1234, Lima', taxName: 'IGV', taxRatePercent: 18, pricesIncludeTax: true },
    overrideAccess: true,
  })
})

afterAll(async () => {
  await stopAulaWithStripe(aula, stripe)
  await smtp.stop()
})

const receiptsOf = async (paymentId: number) =>
  (await aula.payload.find({ collection: 'receipts', where: { payment: { equals: paymentId } }, sort: 'createdAt', overrideAccess: true, depth: 0 })).docs
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
const sequenceOf = (number: string) => Number(number.split('-').pop())
const receiptEmailRows = async (receiptId: number) =>
  (await aula.payload.find({ collection: 'email-log', where: { dedupeKey: { in: [`receipt_issued:receipt-${receiptId}`, `credit_note_issued:receipt-${receiptId}`] } }, overrideAccess: true, depth: 0 })).docs
const paidWebinar = async (overrides: Record<string, unknown>) =>
  (await createWebinar(aula.payload, { isFree: false, currency: 'PEN', startsAt: '2031-03-10T23:00:00.000Z', ...overrides })).id

/** A student who registered for a paid webinar by themselves, and their Checkout Session (not paid yet). */
async function pendingPurchase(webinarId: number, overrides: Record<string, unknown> = {}) {
  const student = await aula.createUser(['student'], { firstName: 'Lucía', lastName: 'Quispe Ñahui', company: 'Minera Sur', ...overrides })
  const { body } = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })
  const session = stripe.sessions.get(body.doc.checkoutUrl.split('/').pop())!
  return { student, enrollmentId: body.doc.id as number, session }
}

/** Registered and paid through Stripe's webhook; its receipt. */
async function paidPurchase(webinarId: number, overrides: Record<string, unknown> = {}) {
  const purchase = await pendingPurchase(webinarId, overrides)
  const paid = stripe.complete(purchase.session.id)
  expect((await deliver(aula.api, sessionCompleted(paid))).status).toBe(200)
  await drainQueue(aula.payload)
  const payment = await paymentOf(purchase.enrollmentId)
  const [receipt] = await receiptsOf(payment.id)
  return { ...purchase, paid, payment, receipt }
}

describe('receipts for payments', () => {
  let webinarId: number
  beforeAll(async () => {
    webinarId = await paidWebinar({ price: 40, capacity: 100, title: 'Excel para finanzas' })
  })

  it('a Stripe payment gets a numbered receipt of the business year, with the seller, the buyer, the line and the tax inside the total', async () => {
    const { payment, receipt } = await paidPurchase(webinarId)
    expect(payment.status).toBe('succeeded')
    expect(receipt).toMatchObject({
      kind: 'receipt',
      number: expect.stringMatching(/^B-2030-\d{6}$/),
      currency: 'PEN',
      total: 40,
      taxBase: 33.9,
      tax: 6.1,
      taxName: 'IGV',
      taxRatePercent: 18,
      method: 'card',
      issuedOn: '31/12/2030',
      seller: { legalName: 'Capacitaciones Andinas S.A.C.', taxId: '20601234567' },
      buyer: { name: 'Lucía Quispe Ñahui', company: 'Minera Sur' },
      lines: [expect.objectContaining({ description: 'Webinar: Excel para finanzas', quantity: 1, unitPrice: 40, amount: 40 })],
    })
  })

  it('the buyer is mailed the receipt with its PDF, whose text shows the seller, the number, the buyer and the totals', async () => {
    const { student, receipt } = await paidPurchase(webinarId)
    expect(await receiptEmailRows(receipt.id)).toEqual([expect.objectContaining({ templateKey: 'receipt_issued', status: 'sent', lastError: null, to: student.email })])
    const mails = smtp.to(student.email).filter((mail) => mail.subject?.includes(receipt.number))
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe(`Tu comprobante de pago ${receipt.number}`)
    const pdf = mails[0].attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    expect(pdf.filename).toBe(`${receipt.number}.pdf`)
    const text = await pdfText(pdf.content)
    for (const expected of ['COMPROBANTE DE PAGO', receipt.number, 'Capacitaciones Andinas S.A.C.', '20601234567', 'Lucía Quispe Ñahui', 'Minera Sur', 'Webinar: Excel para finanzas', '33.90 PEN', '6.10 PEN', '40.00 PEN', 'Tarjeta'])
      expect(text).toContain(expected)
  })

  it('an English-speaking buyer gets the receipt and its PDF in English', async () => {
    const { student, receipt } = await paidPurchase(webinarId, { language: 'en', firstName: 'Ann', lastName: 'Lee' })
    const [mail] = smtp.to(student.email).filter((each) => each.subject?.includes(receipt.number))
    expect(mail.subject).toBe(`Your receipt ${receipt.number}`)
    const text = await pdfText(mail.attachments[0].content)
    expect(text).toContain('RECEIPT')
    expect(text).toContain('Prices include IGV.')
  })

  it('30 payments confirmed at the same moment get 30 consecutive numbers: no gap, no duplicate', async () => {
    const purchases = []
    for (let i = 0; i < 30; i += 1) purchases.push(await pendingPurchase(webinarId))
    const before = (await aula.payload.find({ collection: 'receipts', where: { kind: { equals: 'receipt' } }, sort: '-number', limit: 1, overrideAccess: true })).docs[0]
    const responses = await Promise.all(purchases.map(({ session }) => deliver(aula.api, sessionCompleted(stripe.complete(session.id)))))
    expect(responses.map((response) => response.status)).toEqual(Array(30).fill(200))
    // The worker runs the 30 queued events side by side (Payload runs a batch of jobs concurrently).
    await drainQueue(aula.payload)
    const numbers: number[] = []
    for (const { enrollmentId } of purchases) {
      const receipts = await receiptsOf((await paymentOf(enrollmentId)).id)
      expect(receipts).toHaveLength(1)
      numbers.push(sequenceOf(receipts[0].number))
    }
    const first = sequenceOf(before.number) + 1
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => first + i))
  })

  it('a payment whose transaction rolls back consumes no number: the next receipt takes it', async () => {
    const rolledBack = await pendingPurchase(webinarId)
    const payment = await paymentOf(rolledBack.enrollmentId)
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    await aula.payload.update({ collection: 'payments', id: payment.id, data: { status: 'succeeded' }, req, overrideAccess: true })
    const [inside] = (await aula.payload.find({ collection: 'receipts', where: { payment: { equals: payment.id } }, req, overrideAccess: true })).docs
    expect(inside.number).toMatch(/^B-2030-/)
    await killTransaction(req)
    expect(await receiptsOf(payment.id)).toHaveLength(0)
    const { receipt } = await paidPurchase(webinarId)
    expect(receipt.number).toBe(inside.number)
  })

  it('a replayed payment event issues no second receipt', async () => {
    const { paid, payment, receipt } = await paidPurchase(webinarId)
    await deliver(aula.api, sessionCompleted(paid))
    await aula.payload.update({ collection: 'payments', id: payment.id, data: { needsReview: false }, overrideAccess: true })
    expect((await receiptsOf(payment.id)).map((each) => each.number)).toEqual([receipt.number])
  })
})

describe('receipts for groups, coupons and money recorded by staff', () => {
  it('a company paying a group of 3 with a 20% coupon gets one receipt in its name: item × 3, the coupon as its own line, total as charged', async () => {
    const sales = await aula.createUser(['sales'])
    const code = `EMPRESA${Date.now().toString(36).toUpperCase()}`
    expect((await aula.api.post('/coupons', { code, discountType: 'percentage', percentOff: 20 }, { token: sales.token })).status).toBe(201)
    const webinarId = await paidWebinar({ price: 100, capacity: 10, title: 'Seguridad minera' })
    const stamp = Date.now()
    const buyer = { email: `compras-${stamp}@minera.pe`, firstName: 'Rosa', lastName: 'Huamán', company: 'Minera Andina S.A.C.', taxId: '20123456789' }
    const attendees = [1, 2, 3].map((n) => ({ email: `operario${n}-${stamp}@minera.pe`, firstName: 'Operario', lastName: String(n) }))
    const booked = await aula.api.post(`/webinars/${webinarId}/register`, { buyer, attendees, couponCode: code.toLowerCase() })
    expect(booked.status).toBe(201)
    const session = stripe.complete(booked.body.checkoutUrl.split('/').pop())
    await deliver(aula.api, sessionCompleted(session))
    await drainQueue(aula.payload)
    const payment = (await aula.payload.find({ collection: 'payments', where: { booking: { equals: booked.body.booking.id } }, overrideAccess: true, depth: 0 })).docs[0]
    const receipts = await receiptsOf(payment.id)
    expect(receipts).toHaveLength(1)
    expect(receipts[0]).toMatchObject({
      total: 240,
      taxBase: 203.39,
      tax: 36.61,
      buyer: { name: 'Rosa Huamán', email: buyer.email, company: 'Minera Andina S.A.C.', taxId: '20123456789' },
      lines: [
        expect.objectContaining({ description: 'Webinar: Seguridad minera', quantity: 3, unitPrice: 100, amount: 300 }),
        expect.objectContaining({ description: `Descuento por cupón ${code}`, quantity: 3, unitPrice: -20, amount: -60 }),
      ],
    })
    // The buyer, not the attendees, receives the receipt.
    const [mail] = smtp.to(buyer.email).filter((each) => each.subject?.includes(receipts[0].number))
    const text = await pdfText(mail.attachments[0].content)
    for (const expected of ['Minera Andina S.A.C.', '20123456789', `Descuento por cupón ${code}`, '-60.00', '240.00 PEN']) expect(text).toContain(expected)
    for (const attendee of attendees) expect(smtp.to(attendee.email).filter((each) => each.subject?.includes(receipts[0].number))).toHaveLength(0)
  })

  it('a bank transfer staff record gets its receipt the moment it covers the amount, saying how it was paid', async () => {
    const sales = await aula.createUser(['sales'])
    const webinarId = await paidWebinar({ price: 150, capacity: 10, allowBankTransfer: true })
    const student = await aula.createUser(['student'])
    const registered = await aula.api.post(`/webinars/${webinarId}/register`, { paymentMethod: 'bank_transfer' }, { token: student.token })
    expect(registered.status).toBe(201)
    const payment = await paymentOf(registered.body.doc.id)
    const entry = { method: 'bank_transfer', reference: `OP-${Date.now()}`, receivedOn: '2030-12-30', amount: 100 }
    expect((await aula.api.post(`/payments/${payment.id}/record-manual`, entry, { token: sales.token })).status).toBeLessThan(300)
    expect(await receiptsOf(payment.id)).toHaveLength(0)
    expect((await aula.api.post(`/payments/${payment.id}/record-manual`, { ...entry, reference: `${entry.reference}-2`, amount: 50 }, { token: sales.token })).status).toBeLessThan(300)
    const [receipt] = await receiptsOf(payment.id)
    expect(receipt).toMatchObject({ kind: 'receipt', total: 150, method: 'bank_transfer' })
    await drainQueue(aula.payload)
    const [mail] = smtp.to(student.email).filter((each) => each.subject?.includes(receipt.number))
    expect(await pdfText(mail.attachments[0].content)).toContain('Medio de pago: Transferencia bancaria')
  })
})

describe('credit notes for refunds', () => {
  let webinarId: number
  beforeAll(async () => {
    webinarId = await paidWebinar({ price: 100, capacity: 20, title: 'Contabilidad básica' })
  })

  it('a full refund issues a credit note for the whole amount that references the receipt, mailed with its PDF', async () => {
    const { student, paid, payment, receipt } = await paidPurchase(webinarId)
    await deliver(aula.api, chargeRefunded(paid, paid.payment_intent!))
    await drainQueue(aula.payload)
    const [, note] = await receiptsOf(payment.id)
    expect(note).toMatchObject({ kind: 'credit_note', number: expect.stringMatching(/^NC-2030-\d{6}$/), creditFor: receipt.id, creditForNumber: receipt.number, total: 100, currency: 'PEN' })
    const [mail] = smtp.to(student.email).filter((each) => each.subject?.includes(note.number))
    expect(mail.subject).toBe(`Nota de crédito ${note.number} por tu reembolso`)
    const text = await pdfText(mail.attachments[0].content)
    expect(text).toContain('NOTA DE CRÉDITO')
    expect(text).toContain(`Corrige el comprobante: ${receipt.number}`)
    expect(text).toContain('100.00 PEN')
  })

  it('partial refunds each issue a credit note for what came back since the last one, never more than was paid', async () => {
    const { paid, payment, receipt } = await paidPurchase(webinarId)
    // Two refunds on different days, the first one's event delivered twice. (Delivered together, the
    // queue may apply the later cumulative figure first: then one note covers both, the next test.)
    for (const soFar of [3000, 3000, 4500]) {
      await deliver(aula.api, chargeRefundedSoFar(paid, soFar))
      await drainQueue(aula.payload)
    }
    const notes = (await receiptsOf(payment.id)).filter((each) => each.kind === 'credit_note')
    expect(notes.map((note) => [note.total, note.creditFor])).toEqual([
      [30, receipt.id],
      [15, receipt.id],
    ])
    expect(sequenceOf(notes[1].number)).toBe(sequenceOf(notes[0].number) + 1)
    // Staff's export says what came back, though the payment itself still reads as paid.
    const csv = await aula.api.get(`/payments/export.csv?locale=es&where[id][equals]=${payment.id}`, { token: admin.token })
    const [header, row] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    const cell = (name: string) => row.split(',')[header.split(',').indexOf(name)]
    expect({ estado: cell('Estado'), importe: cell('Importe'), reembolsado: cell('Reembolsado'), cupos: cell('Cupos') }).toEqual({ estado: 'Pagado', importe: '100', reembolsado: '45', cupos: '1' })
  })

  it('refund events that arrive out of order credit what Stripe says came back in all, once', async () => {
    const { paid, payment, receipt } = await paidPurchase(webinarId)
    await deliver(aula.api, chargeRefundedSoFar(paid, 4500))
    await drainQueue(aula.payload)
    await deliver(aula.api, chargeRefundedSoFar(paid, 3000))
    await drainQueue(aula.payload)
    const notes = (await receiptsOf(payment.id)).filter((each) => each.kind === 'credit_note')
    expect(notes.map((note) => [note.total, note.creditFor])).toEqual([[45, receipt.id]])
  })
})

describe('who may read, change or delete receipts', () => {
  let mine: Awaited<ReturnType<typeof paidPurchase>>
  let theirs: Awaited<ReturnType<typeof paidPurchase>>
  beforeAll(async () => {
    const webinarId = await paidWebinar({ price: 25, capacity: 10 })
    mine = await paidPurchase(webinarId)
    theirs = await paidPurchase(webinarId)
  })

  it('a student lists only their own receipts and cannot open or download someone else’s', async () => {
    const list = await aula.api.get('/receipts?limit=100', { token: mine.student.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([mine.receipt.id])
    expect((await aula.api.get(`/receipts/${theirs.receipt.id}`, { token: mine.student.token })).status).toBe(404)
    expect((await aula.api.get(`/receipts/${theirs.receipt.id}/pdf`, { token: mine.student.token })).status).toBe(404)
    const own = await aula.api.get(`/receipts/${mine.receipt.id}/pdf`, { token: mine.student.token })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="${mine.receipt.number}.pdf"`)
    expect(own.text.startsWith('%PDF-')).toBe(true)
  })

  it('an anonymous caller reads no receipt and downloads no PDF', async () => {
    expect((await aula.api.get('/receipts')).status).toBe(403)
    expect((await aula.api.get(`/receipts/${mine.receipt.id}/pdf`)).status).toBe(404)
  })

  it('nobody, not even an admin, can create, edit or delete a receipt (REST and GraphQL)', async () => {
    const id = mine.receipt.id
    expect((await aula.api.patch(`/receipts/${id}`, { total: 1, number: 'B-2030-999999' }, { token: admin.token })).status).toBe(403)
    expect((await aula.api.delete(`/receipts/${id}`, { token: admin.token })).status).toBe(403)
    expect((await aula.api.post('/receipts', { number: 'B-2030-999998', kind: 'receipt', total: 1, currency: 'PEN', payment: mine.payment.id, issuedAt: new Date().toISOString(), issueKey: 'forged' }, { token: admin.token })).status).toBe(403)
    const graphql = await aula.api.graphql(`mutation { deleteReceipt(id: ${id}) { id } }`, {}, admin.token)
    expect(graphql.body.errors?.[0]?.message).toMatch(/permiso|not allowed/i)
    const after = await aula.payload.findByID({ collection: 'receipts', id, overrideAccess: true })
    expect(after).toMatchObject({ number: mine.receipt.number, total: 25 })
  })

  it('staff read every receipt', async () => {
    const sales = await aula.createUser(['sales'])
    const list = await aula.api.get(`/receipts?where[payment][in]=${mine.payment.id},${theirs.payment.id}`, { token: sales.token })
    expect(list.body.totalDocs).toBe(2)
  })
})

describe('billing settings', () => {
  it('prices cannot be declared tax-exclusive while a tax rate applies: 400 naming pricesIncludeTax, nothing saved', async () => {
    const response = await aula.api.post('/globals/billing-settings', { pricesIncludeTax: false, taxRatePercent: 18 }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors.map((error: { path: string }) => error.path)).toContain('pricesIncludeTax')
    const stored = await aula.payload.findGlobal({ slug: 'billing-settings', overrideAccess: true })
    expect(stored.pricesIncludeTax).toBe(true)
  })
})
