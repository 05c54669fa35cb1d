import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { pdfText } from '../helpers/certificatePdf'
import { webinarData } from '../helpers/catalog'
import { adminApp, closeBrowser, logIn, shot, staffApi, textOf, waitForMail } from './support/adminApp'
import { fillField, submitAndExpectOk, waitUntil, whenReady } from './support/interact'

/**
 * Selling from the outside (docs/selling.md, in the guide's order): a sales person creates a coupon in
 * the Spanish admin, a company books two seats with it by the public API and chooses bank transfer,
 * the sales person records the transfer from the payment's page, and the numbered receipt appears
 * there and downloads as a PDF naming the seller. Every record is this spec's own (unique names).
 */
// Run alone, this spec builds and starts the app (minutes on a busy machine): not out of the test's own time.
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

const stamp = `${Date.now() % 1_000_000}`
const seller = `Capacitaciones Andinas SAC ${stamp}`

describe('selling in the admin', () => {
  it('a coupon made in Spanish, a company booking paid by bank transfer, recorded by sales, and its receipt downloaded as a PDF', async () => {
    const base = await adminApp()

    // The admin sets who sells (printed on every receipt) and puts a paid webinar on sale that accepts transfers.
    const admin = staffApi(await logIn('admin@aula.local'))
    const settings = await admin.post('/api/globals/billing-settings', {
      data: { legalName: seller, taxId: '20601234567', address: 'Av. Larco 123, Miraflores, Lima', bankTransferDetails: 'BCP Soles 193-1234567-0-12 · CCI 002-193-001234567012-15' },
    })
    expect(settings.status()).toBe(200)
    const created = await admin.post('/api/webinars', {
      data: webinarData({ title: `Excel para finanzas ${stamp}`, isFree: false, price: 250, currency: 'PEN', capacity: 20, allowBankTransfer: true }),
    })
    expect(created.status()).toBe(201)
    const webinarId = (await created.json()).doc.id as number

    // 1. Sales create the coupon through the Spanish form; the code is typed in lower case.
    const sales = await logIn('ventas@aula.local', { locale: 'en-US', timezoneId: 'UTC' })
    await sales.goto(`${base}/admin/collections/coupons/create`)
    const code = sales.locator('#field-code')
    await whenReady(code)
    expect(await textOf(sales.locator('label[for="field-code"]'))).toContain('Código')
    await fillField(code, `empresa-${stamp}`)
    await fillField(sales.locator('#field-percentOff'), '20')
    await fillField(sales.locator('#field-internalNote'), 'Campaña para empresas (prueba del navegador)')
    await shot(sales, 'selling-1-coupon-form')
    await submitAndExpectOk(sales, sales.locator('#action-save'), '/api/coupons')
    await sales.waitForURL(/\/admin\/collections\/coupons\/\d+/)
    const salesApi = staffApi(sales)
    const coupons = await (await salesApi.get(`/api/coupons?where[code][equals]=EMPRESA-${stamp}&depth=0`)).json()
    expect(coupons.docs).toHaveLength(1)
    expect(coupons.docs[0]).toMatchObject({ code: `EMPRESA-${stamp}`, discountType: 'percentage', percentOff: 20, appliesTo: 'all', active: true })
    await shot(sales, 'selling-2-coupon-saved')

    // 2. A company books two named seats with the code, as typed by a person, and chooses bank transfer.
    const buyerEmail = `compras-${stamp}@minera-andina.pe`
    const booked = await fetch(`${base}/api/webinars/${webinarId}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        buyer: { email: buyerEmail, firstName: 'Lucía', lastName: 'Compras', company: 'Minera Andina SAC', taxId: '20123456789' },
        attendees: [
          { email: `ana-${stamp}@minera-andina.pe`, firstName: 'Ana', lastName: 'Quispe' },
          { email: `luis-${stamp}@minera-andina.pe`, firstName: 'Luis', lastName: 'Mamani' },
        ],
        couponCode: ` empresa-${stamp} `,
        paymentMethod: 'bank_transfer',
      }),
    })
    const booking = await booked.json()
    expect(booked.status).toBe(201)
    // 2 seats × 250 PEN, 20% off each.
    expect(booking.bankTransfer).toMatchObject({ amount: 400, currency: 'PEN' })
    expect(booking.bankTransfer.reference).toMatch(/^[A-Z0-9-]{6,20}$/)

    // 3. Sales find the pending payment by its reference and record the transfer from its page.
    const payments = await (await salesApi.get(`/api/payments?where[reference][equals]=${booking.bankTransfer.reference}&depth=0`)).json()
    expect(payments.docs).toHaveLength(1)
    const payment = payments.docs[0]
    expect(payment).toMatchObject({ status: 'pending', amount: 400, method: 'bank_transfer' })
    await sales.goto(`${base}/admin/collections/payments/${payment.id}`)
    // Not a form of its own: the sidebar box sits inside Payload's document form.
    const box = sales.locator('[role="group"][aria-label="Registrar pago manual"]')
    await whenReady(box.locator('input[name="manual-reference"]'))
    await fillField(box.locator('input[name="manual-reference"]'), `OP-${stamp}`)
    expect(Number(await box.locator('input[name="manual-amount"]').inputValue())).toBe(400)
    await shot(sales, 'selling-3-record-transfer')
    await submitAndExpectOk(sales, box.getByRole('button', { name: 'Registrar pago' }), `/api/payments/${payment.id}/record-manual`)

    const paid = await waitUntil(
      'the payment is succeeded and has its receipt',
      async () => {
        const current = await (await salesApi.get(`/api/payments/${payment.id}?depth=0`)).json()
        const receipts = await (await salesApi.get(`/api/receipts?where[payment][equals]=${payment.id}&depth=0`)).json()
        return { status: current.status, receipts: receipts.docs as { id: number; number: string; kind: string }[] }
      },
      (state) => state.status === 'succeeded' && state.receipts.length > 0,
    )
    const receipt = paid.receipts.find((row) => row.kind === 'receipt')!
    expect(receipt.number).toMatch(/\d{4}-\d{6}$/)

    // 4. The receipt shows on the payment's page and downloads as a PDF with the seller, the buyer and its number.
    await sales.reload()
    const link = sales.locator(`a[href*="/receipts/${receipt.id}/pdf"]`).first()
    await waitUntil('the payment page links the receipt PDF', () => link.count(), (count) => count > 0)
    expect(await textOf(sales.locator('body'))).toContain(receipt.number)
    await shot(sales, 'selling-4-receipt-on-payment')
    const href = (await link.getAttribute('href'))!
    const pdf = await salesApi.get(href)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    const text = await pdfText(new Uint8Array(await pdf.body()))
    for (const expected of [seller, receipt.number, 'Minera Andina SAC', '20123456789']) expect(text).toContain(expected)

    // The buyer is mailed the same receipt.
    const mail = await waitForMail((message) => JSON.stringify(message.to).includes(buyerEmail) && message.attachments.some((file) => file.contentType === 'application/pdf'), 90_000)
    expect(await pdfText(new Uint8Array(mail.attachments.find((file) => file.contentType === 'application/pdf')!.content))).toContain(receipt.number)

    // 5. Luis cannot come: sales give his seat to Marta from the booking's page, and Marta is mailed her confirmation.
    const martaEmail = `marta-${stamp}@minera-andina.pe`
    await sales.goto(`${base}/admin/collections/bookings/${booking.booking.id}`)
    const replaceBox = sales.locator('[role="group"][aria-label="Cambiar asistente"]')
    const seatChoice = replaceBox.locator('select[name="replace-enrollment"]')
    await whenReady(seatChoice)
    await seatChoice.selectOption({ label: `Luis Mamani <luis-${stamp}@minera-andina.pe>` })
    await fillField(replaceBox.locator('input[name="replace-email"]'), martaEmail)
    await fillField(replaceBox.locator('input[name="replace-firstName"]'), 'Marta')
    await fillField(replaceBox.locator('input[name="replace-lastName"]'), 'Huamán')
    await shot(sales, 'selling-5-replace-attendee')
    await submitAndExpectOk(sales, replaceBox.getByRole('button', { name: 'Cambiar asistente' }), `/api/bookings/${booking.booking.id}/replace-attendee`)
    await waitUntil('the box lists Marta in Luis’s place', () => textOf(seatChoice), (text) => text.includes(martaEmail) && !text.includes(`luis-${stamp}`))
    const seatsNow = await (await salesApi.get(`/api/enrollments?where[booking][equals]=${booking.booking.id}&where[status][equals]=confirmed&depth=1&sort=id`)).json()
    expect(seatsNow.docs.map((doc: { user: { email: string } }) => doc.user.email)).toEqual([`ana-${stamp}@minera-andina.pe`, martaEmail])
    await waitForMail((message) => JSON.stringify(message.to).includes(martaEmail), 90_000)

    // Nothing of the coupon leaks to the public: the anonymous API does not list coupons.
    expect([401, 403]).toContain((await fetch(`${base}/api/coupons`)).status)
    // Two logins, the coupon form, the payment page and the worker's email: each admin route compiles on first use.
  }, 900_000)
})
