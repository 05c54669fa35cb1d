import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { deliver, paymentFailed, sessionCompleted, WEBHOOK_SECRET } from '../helpers/stripeEvents'
import { startStripeStandIn, type StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const smtp = new SmtpSink()
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  stripe = await startStripeStandIn()
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport, stripe: { secretKey: 'sk_test_aula', webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.url } })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula?.close()
  await stripe?.stop()
  await smtp.stop()
})

let person = 0
const someone = () => {
  person += 1
  return { email: `correo-pago${person}-${Date.now()}@example.com`, firstName: 'Elena', lastName: `Mora ${person}` }
}
const sessionOf = (doc: { checkoutUrl: string }) => stripe.sessions.get(doc.checkoutUrl.split('/').pop()!)!

describe('payment emails', () => {
  it('a failed payment sends one payment_failed email with the retry link, however often Stripe repeats the event', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 35, currency: 'USD', capacity: 3, title: 'Finanzas para emprendedores' })
    const buyer = someone()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, buyer)
    const event = paymentFailed(sessionOf(body.doc))
    for (let i = 0; i < 10; i += 1) expect((await deliver(aula.api, event)).status).toBe(200)
    await drainQueue(aula.payload)
    const mails = smtp.to(buyer.email).filter((mail) => /pago|payment/i.test(mail.subject ?? ''))
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toContain('Finanzas para emprendedores')
    expect(mails[0].html).toContain('Your card was declined.')
    expect(mails[0].html).toContain(body.doc.checkoutUrl)
  })

  it('money that arrives after the seat was given away is refunded and the buyer is told why', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 35, currency: 'USD', capacity: 1, title: 'Excel avanzado' })
    const late = someone()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, late)
    await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    clock.advance(31 * 60_000)
    await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
    await drainQueue(aula.payload)
    const before = smtp.to(late.email).length
    await deliver(aula.api, sessionCompleted(stripe.complete(sessionOf(body.doc).id)))
    await drainQueue(aula.payload)
    expect(stripe.callsTo('POST', '/v1/refunds')).toHaveLength(1)
    const notices = smtp.to(late.email).slice(before).filter((mail) => /seat was given to someone else/.test(String(mail.html)))
    expect(notices).toHaveLength(1)
    expect(notices[0].subject).toContain('Excel avanzado')
  })
})

describe('a waitlisted person promoted to a paid seat', () => {
  const MINUTE = 60_000
  const promote = async (title: string, language?: 'en') => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 40, currency: 'USD', capacity: 1, title })
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const waiting = someone()
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, waiting)
    if (language) await aula.payload.update({ collection: 'users', where: { email: { equals: waiting.email } }, data: { language }, overrideAccess: true })
    await aula.api.post(`/enrollments/${first.body.doc.id}/cancel`, {}, { token: (await aula.createUser(['admin'])).token })
    await drainQueue(aula.payload)
    const mail = smtp.to(waiting.email).find((message) => /lugar|seat opened/i.test(message.subject ?? ''))
    const payUrl = String(mail?.html ?? '').match(/href="([^"]*\/api\/enrollments\/\d+\/pay\?token=[^"]+)"/)?.[1]
    return { enrollmentId: body.doc.id as number, mail, payUrl: payUrl?.replace(/&amp;/g, '&') }
  }
  const follow = (payUrl: string) => aula.api.get(new URL(payUrl).pathname.replace(/^\/api/, '') + new URL(payUrl).search)

  it('gets the pay link and the deadline in the email, and the link opens Stripe Checkout for the held seat', async () => {
    const { enrollmentId, mail, payUrl } = await promote('Marketing digital')
    expect(mail?.html).toContain('completa el pago antes del')
    expect(mail?.html).not.toContain('no tienes que hacer nada más')
    expect(payUrl).toBeDefined()

    const response = await follow(payUrl!)
    expect(response.status).toBe(303)
    const payment = (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true })).docs[0]!
    expect(response.headers.get('location')).toBe(payment.checkoutUrl)
    expect(stripe.sessions.get(String(payment.checkoutSessionId))?.metadata).toMatchObject({ enrollmentId: String(enrollmentId) })

    // Paid: the same link now says so instead of opening another checkout.
    await deliver(aula.api, sessionCompleted(stripe.complete(String(payment.checkoutSessionId))))
    await drainQueue(aula.payload)
    const paid = await follow(payUrl!)
    expect(paid.status).toBe(200)
    expect(paid.text).toContain('ya está pagada')
  })

  it('speaks the person’s language, and once the hold has ended the link answers 410 with a page saying so', async () => {
    const { mail, payUrl } = await promote('Data storytelling', 'en')
    expect(mail?.html).toContain('complete the payment before')
    clock.advance(31 * MINUTE)
    await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
    await drainQueue(aula.payload)
    const expired = await follow(payUrl!)
    expect(expired.status).toBe(410)
    expect(expired.text).toContain('The time to pay for this seat is over')
  })

  it('a pay link signed for another enrollment, or not signed, is a 404', async () => {
    const { enrollmentId, payUrl } = await promote('Negociación')
    const token = new URL(payUrl!).searchParams.get('token')
    expect((await aula.api.get(`/enrollments/${enrollmentId + 1}/pay?token=${token}`)).status).toBe(404)
    expect((await aula.api.get(`/enrollments/${enrollmentId}/pay`)).status).toBe(404)
    expect((await aula.api.get(`/enrollments/${enrollmentId}/cancel-link?token=${token}`)).status).toBe(404)
  })

  it('a free seat’s email says there is nothing left to do, with no pay link', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: true, capacity: 1, title: 'Introducción a SQL' })
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, someone())
    const waiting = someone()
    await aula.api.post(`/webinars/${webinar.id}/register`, waiting)
    await aula.api.post(`/enrollments/${first.body.doc.id}/cancel`, {}, { token: (await aula.createUser(['admin'])).token })
    await drainQueue(aula.payload)
    const mail = smtp.to(waiting.email).find((message) => /lugar/i.test(message.subject ?? ''))
    expect(mail?.html).toContain('no tienes que hacer nada más')
    expect(mail?.html).not.toContain('/pay?token=')
  })
})
