import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { chargeRefunded, deliver, paymentFailed, sessionCompleted, sessionExpired, stripeEvent, WEBHOOK_SECRET } from '../helpers/stripeEvents'
import { startStripeStandIn, type StandInSession, type StripeStandIn } from '../helpers/stripeStandIn'

/**
 * A webhook storm: 1,000 Stripe events — the same stories for two groups of buyers, plus events Aula
 * ignores, 10% of them sent twice — posted shuffled, twenty at a time. The storm group must end in
 * exactly the state the other group reaches when the same events arrive one by one, in order.
 */
let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  stripe = await startStripeStandIn()
  aula = await startTestAula({ clock, stripe: { secretKey: 'sk_test_storm', webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.url } })
}, 60_000)

afterAll(async () => {
  await aula?.close()
  await stripe?.stop()
})

type Event = ReturnType<typeof stripeEvent>
const intentOf = (session: StandInSession) => `pi_test_${session.id.replace(/^cs_test_/, '')}`
const paidSession = (session: StandInSession) => ({ ...session, payment_intent: intentOf(session) })
const intentSucceeded = (session: StandInSession) =>
  stripeEvent('payment_intent.succeeded', { id: intentOf(session), object: 'payment_intent', amount_received: session.amount_total, currency: session.currency, metadata: session.metadata, status: 'succeeded' })

/** What can happen to one buyer's payment, as the events Stripe sends, in the order it sends them. */
const STORIES: Record<string, (session: StandInSession) => Event[]> = {
  'paid after two declined cards': (s) => [paymentFailed(s, intentOf(s)), paymentFailed(s, intentOf(s)), sessionCompleted(paidSession(s)), intentSucceeded(s)],
  'paid, then refunded': (s) => [sessionCompleted(paidSession(s)), intentSucceeded(s), chargeRefunded(s, intentOf(s))],
  'declined, then the session expired': (s) => [paymentFailed(s, intentOf(s)), sessionExpired(s)],
  'paid, then partly refunded': (s) => [sessionCompleted(paidSession(s)), intentSucceeded(s), chargeRefunded(s, intentOf(s), false)],
  'expired, then paid late': (s) => [sessionExpired(s), sessionCompleted(paidSession(s))],
  'paid a different amount': (s) => [sessionCompleted(paidSession(s), { amount_total: s.amount_total + 100 })],
}
const STORY_NAMES = Object.keys(STORIES)
const BUYERS_PER_GROUP = 60

/** Seeded shuffle, so a failure can be replayed. */
function shuffle<T>(items: T[], seed = 20301110): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

async function registerGroup(label: string) {
  const webinar = await createWebinar(aula.payload, { title: `Tormenta ${label}`, isFree: false, price: 30, currency: 'USD', capacity: BUYERS_PER_GROUP + 10 })
  const buyers: { enrollmentId: number; story: string; events: Event[] }[] = []
  for (let i = 0; i < BUYERS_PER_GROUP; i += 1) {
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { email: `tormenta-${label}-${i}@example.com`, firstName: 'Tormenta', lastName: `${label} ${i}` })
    const session = stripe.sessions.get(body.doc.checkoutUrl.split('/').pop())!
    const story = STORY_NAMES[i % STORY_NAMES.length]!
    buyers.push({ enrollmentId: body.doc.id, story, events: STORIES[story]!(session) })
  }
  return { webinar, buyers }
}

/** Everything a person or staff would see of a buyer's enrollment and payment. */
async function stateOf(enrollmentId: number) {
  const enrollment = await aula.payload.findByID({ collection: 'enrollments', id: enrollmentId, overrideAccess: true, depth: 0 })
  const payment = (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]!
  return {
    enrollment: enrollment.status,
    paymentStatus: enrollment.paymentStatus,
    payment: payment.status,
    amount: payment.amount,
    needsReview: Boolean(payment.needsReview),
    paymentIntent: payment.paymentIntentId ? 'set' : 'unset',
    refundQueued: Boolean(payment.refundReason),
  }
}
const seatsOf = async (webinarId: number) => (await aula.payload.findByID({ collection: 'webinars', id: webinarId, overrideAccess: true, depth: 0 })).seatsTaken

describe('a webhook storm', () => {
  it('1,000 shuffled events with 10% duplicates end in the same state as the same events one by one', async () => {
    const sequential = await registerGroup('orden')
    const storm = await registerGroup('tormenta')

    // One by one, in the order Stripe sent them, each processed before the next arrives.
    for (const buyer of sequential.buyers) {
      for (const event of buyer.events) {
        expect((await deliver(aula.api, event)).status).toBe(200)
        await drainQueue(aula.payload)
      }
    }

    // The storm: the same stories, plus events Aula ignores, to reach 900 distinct events; 100 sent twice; all shuffled.
    const storyEvents = storm.buyers.flatMap((buyer) => buyer.events)
    const noise = Array.from({ length: 900 - storyEvents.length }, (_, i) =>
      i % 2 ? stripeEvent('customer.created', { id: `cus_storm_${i}`, object: 'customer' }) : sessionCompleted({ ...storm.buyers[0]!.events[0]!.data.object, id: `cs_test_not_ours_${i}`, metadata: {} } as never),
    )
    const distinct = [...storyEvents, ...noise]
    expect(distinct).toHaveLength(900)
    const deliveries = shuffle([...distinct, ...shuffle(distinct, 7).slice(0, 100)])
    expect(deliveries).toHaveLength(1000)
    const eventsBefore = (await aula.payload.count({ collection: 'stripe-events', overrideAccess: true })).totalDocs
    const statuses: number[] = []
    const queue = [...deliveries]
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let event = queue.shift(); event; event = queue.shift()) statuses.push((await deliver(aula.api, event)).status)
      }),
    )
    expect(statuses.filter((status) => status !== 200)).toEqual([])
    // Each distinct event is recorded once, whatever arrived twice.
    expect((await aula.payload.count({ collection: 'stripe-events', overrideAccess: true })).totalDocs - eventsBefore).toBe(900)
    await drainQueue(aula.payload)

    for (let i = 0; i < BUYERS_PER_GROUP; i += 1) {
      const expected = await stateOf(sequential.buyers[i]!.enrollmentId)
      const actual = await stateOf(storm.buyers[i]!.enrollmentId)
      expect({ story: storm.buyers[i]!.story, ...actual }).toEqual({ story: sequential.buyers[i]!.story, ...expected })
    }
    expect(await seatsOf(storm.webinar.id)).toBe(await seatsOf(sequential.webinar.id))
    const unprocessed = await aula.payload.count({ collection: 'stripe-events', where: { status: { in: ['received', 'failed'] } }, overrideAccess: true })
    expect(unprocessed.totalDocs).toBe(0)
  }, 240_000)
})
