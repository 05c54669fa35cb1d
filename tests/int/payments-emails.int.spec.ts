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
