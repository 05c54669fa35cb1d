import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { discountOn } from '../../src/commerce/coupons/rules'
import { revenuePerMonth } from '../../src/dashboard/queries/revenuePerMonth'
import { readRateLimits } from '../../src/rateLimit/rules'
import { ApiClient } from '../helpers/api'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted, WEBHOOK_SECRET } from '../helpers/stripeEvents'
import { startStripeStandIn, type StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
let sales: { id: number; token: string }
let admin: { id: number; token: string }
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

beforeAll(async () => {
  stripe = await startStripeStandIn()
  aula = await startTestAula({ clock, paymentHoldMinutes: 45, stripe: { secretKey: 'sk_test_aula', webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.url } })
  sales = await aula.createUser(['sales'])
  admin = await aula.createUser(['admin'])
})

afterAll(async () => {
  await aula?.close()
  await stripe?.stop()
})

let counter = 0
const uniqueCode = (prefix = 'CUPON') => `${prefix}${Date.now().toString(36).toUpperCase()}${(counter += 1)}`
const someone = () => ({ email: `cupon-${(counter += 1)}-${Date.now()}@example.com`, firstName: 'Lucía', lastName: `Paredes ${counter}` })

/** A coupon as sales would create it over the API; percentage 25 by default. */
async function createCoupon(data: Record<string, unknown> = {}) {
  const response = await aula.api.post('/coupons', { code: uniqueCode(), discountType: 'percentage', percentOff: 25, ...data }, { token: sales.token })
  if (response.status !== 201) throw new Error(`coupon not created: ${response.status} ${response.text}`)
  return response.body.doc as { id: number; code: string }
}
const paidWebinar = (overrides: Record<string, unknown> = {}) => createWebinar(aula.payload, { isFree: false, price: 80, currency: 'USD', ...overrides })
const register = (webinarId: number, body: Record<string, unknown> = {}, token?: string) => aula.api.post(`/webinars/${webinarId}/register`, token ? body : { ...someone(), ...body }, { token })
const enrollment = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
const paymentOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: enrollmentId } }, overrideAccess: true, depth: 0 })).docs[0]
const count = async (collection: 'enrollments' | 'payments' | 'users') => (await aula.payload.count({ collection, overrideAccess: true })).totalDocs
const couponError = (body: any) => (body?.errors ?? []).flatMap((error: any) => error.data?.errors ?? []).find((item: any) => item.path === 'couponCode')
const sessionOf = (doc: { checkoutUrl: string }) => stripe.sessions.get(doc.checkoutUrl.split('/').pop()!)!

describe('managing coupons', () => {
  it('a code is stored trimmed and upper-case, and the same code in another case or with spaces cannot be created twice', async () => {
    const code = uniqueCode('verano').toLowerCase()
    const created = await aula.api.post('/coupons', { code: `  ${code} `, discountType: 'percentage', percentOff: 10 }, { token: sales.token })
    expect(created.status).toBe(201)
    expect(created.body.doc.code).toBe(code.toUpperCase())

    const again = await aula.api.post('/coupons', { code: ` ${code.toUpperCase().slice(0, 3)}${code.slice(3)}`, discountType: 'percentage', percentOff: 50 }, { token: sales.token })
    expect(again.status).toBe(400)
    expect(errorPaths(again.body)).toEqual(['code'])
  })

  it('codes with look-alike letters, accents, spaces or wildcards are refused when created (400 on code)', async () => {
    for (const code of ['PRıME2030', 'ÑANDÚ2030', 'DOS PALABRAS', 'CIEN%', 'UNO_%', 'ＦＵＬＬＷＩＤＴＨ', 'AB']) {
      const response = await aula.api.post('/coupons', { code, discountType: 'percentage', percentOff: 10 }, { token: sales.token })
      expect([code, response.status, errorPaths(response.body)]).toEqual([code, 400, ['code']])
    }
  })

  it('a percentage must be above 0 and at most 100; a fixed amount needs an amount and its currency', async () => {
    const tooMuch = await aula.api.post('/coupons', { code: uniqueCode(), discountType: 'percentage', percentOff: 120 }, { token: sales.token })
    expect(errorPaths(tooMuch.body)).toEqual(['percentOff'])
    const noAmount = await aula.api.post('/coupons', { code: uniqueCode(), discountType: 'fixed', currency: 'USD' }, { token: sales.token })
    expect(errorPaths(noAmount.body)).toEqual(['amountOff'])
    const badCurrency = await aula.api.post('/coupons', { code: uniqueCode(), discountType: 'fixed', amountOff: 10, currency: 'XXQ' }, { token: sales.token })
    expect(errorPaths(badCurrency.body)).toContain('currency')
    const backwards = await aula.api.post('/coupons', { code: uniqueCode(), percentOff: 10, validFrom: '2030-02-01T00:00:00.000Z', validUntil: '2030-01-01T00:00:00.000Z' }, { token: sales.token })
    expect(errorPaths(backwards.body)).toEqual(['validUntil'])
  })

  it('students, instructors, editors and anonymous callers never list or read a coupon (REST and GraphQL)', async () => {
    const coupon = await createCoupon()
    for (const roles of [['student'], ['instructor'], ['editor']] as const) {
      const user = await aula.createUser([...roles])
      const list = await aula.api.get('/coupons', { token: user.token })
      expect([roles[0], list.status]).toEqual([roles[0], 403])
      expect(list.text).not.toContain(coupon.code)
      expect((await aula.api.get(`/coupons/${coupon.id}`, { token: user.token })).status).toBe(403)
      const graphql = await aula.api.graphql('{ Coupons { docs { code } } }', {}, user.token)
      expect(graphql.text).not.toContain(coupon.code)
      expect(graphql.body.data?.Coupons ?? null).toBeNull()
    }
    expect((await aula.api.get('/coupons')).status).toBe(403)
    expect((await aula.api.get(`/coupons/${coupon.id}/redemptions`)).status).toBe(403)
    const student = await aula.createUser(['student'])
    expect((await aula.api.post('/coupons', { code: uniqueCode(), percentOff: 100 }, { token: student.token })).status).toBe(403)
  })

  it('a coupon someone has used cannot be deleted (409: switch it off instead); an unused one can', async () => {
    const used = await createCoupon()
    const unused = await createCoupon()
    const webinar = await paidWebinar()
    expect((await register(webinar.id, { couponCode: used.code })).status).toBe(201)
    const refused = await aula.api.delete(`/coupons/${used.id}`, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.text).toMatch(/desactívalo|switch it off/)
    expect((await aula.api.delete(`/coupons/${unused.id}`, { token: admin.token })).status).toBe(200)
  })
})

describe('registering with a coupon', () => {
  it('the enrollment freezes the coupon, list price, discount and amount, and Stripe Checkout charges the discounted amount', async () => {
    const coupon = await createCoupon({ percentOff: 25 })
    const webinar = await paidWebinar({ price: 80 })
    const response = await register(webinar.id, { couponCode: coupon.code.toLowerCase() })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ status: 'pending_payment', listPrice: 80, discount: 20, amount: 60, currency: 'USD' })
    expect(await enrollment(response.body.doc.id)).toMatchObject({ coupon: coupon.id, listPrice: 80, discount: 20, amount: 60, priceTier: 'regular' })
    expect((await paymentOf(response.body.doc.id)).amount).toBe(60)
    const session = sessionOf(response.body.doc)
    expect(session.amount_total).toBe(6000)
    const paymentId = String((await paymentOf(response.body.doc.id)).id)
    const call = stripe.callsTo('POST', '/v1/checkout/sessions').find((each) => each.body['metadata[paymentId]'] === paymentId)
    expect(call?.body['line_items[0][price_data][unit_amount]']).toBe('6000')
  })

  it('an unknown, a switched-off and a malformed code get the same 400 on couponCode, and nothing is written', async () => {
    const inactive = await createCoupon({ active: false })
    const webinar = await paidWebinar()
    const before = { enrollments: await count('enrollments'), payments: await count('payments'), users: await count('users') }
    const answers = []
    for (const couponCode of ['NOEXISTE2030', inactive.code, 'ÑANDÚ', '%', 'x'.repeat(64)]) {
      const response = await register(webinar.id, { couponCode })
      expect(response.status).toBe(400)
      const problem = couponError(response.body)
      answers.push({ message: problem?.message, reason: problem?.reason })
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(answers[0]).toEqual({ message: expect.stringMatching(/no es válido|not valid/), reason: 'unknown' })
    expect({ enrollments: await count('enrollments'), payments: await count('payments'), users: await count('users') }).toEqual(before)
    const tooLong = await register(webinar.id, { couponCode: 'x'.repeat(65) })
    expect([tooLong.status, errorPaths(tooLong.body)]).toEqual([400, ['couponCode']])
  })

  it('a code that has expired, is not valid yet, or is for another item is refused with its reason and writes nothing', async () => {
    const webinar = await paidWebinar()
    const other = await paidWebinar()
    const expired = await createCoupon({ validUntil: new Date(clock.now().getTime() - DAY).toISOString() })
    const early = await createCoupon({ validFrom: new Date(clock.now().getTime() + DAY).toISOString() })
    const elsewhere = await createCoupon({ appliesTo: 'items', items: [{ relationTo: 'webinars', value: other.id }] })
    const before = await count('enrollments')
    for (const [coupon, reason] of [[expired, 'expired'], [early, 'not_yet_valid'], [elsewhere, 'not_for_this_item']] as const) {
      const response = await register(webinar.id, { couponCode: coupon.code })
      expect([reason, response.status, couponError(response.body)?.reason]).toEqual([reason, 400, reason])
    }
    expect(await count('enrollments')).toBe(before)
    expect((await register(other.id, { couponCode: elsewhere.code })).body.doc.amount).toBe(60)
  })

  it('the validity window is exact to the moment: valid until 18:00 works at 17:59 and not at 18:00', async () => {
    const webinar = await paidWebinar()
    const until = new Date(clock.now().getTime() + 10 * MINUTE)
    const coupon = await createCoupon({ validUntil: until.toISOString() })
    const quote = async () => (await aula.api.get(`/webinars/${webinar.id}/price?couponCode=${coupon.code}`)).body.coupon
    clock.set(new Date(until.getTime() - MINUTE))
    expect(await quote()).toMatchObject({ valid: true })
    clock.set(until)
    expect(await quote()).toMatchObject({ valid: false, reason: 'expired' })
    clock.set('2030-01-10T12:00:00.000Z')
  })

  it('a coupon for a category applies to items in that category only', async () => {
    const category = await aula.payload.create({ collection: 'categories', data: { name: `Datos ${uniqueCode()}` }, overrideAccess: true })
    const inside = await paidWebinar({ category: category.id })
    const outside = await paidWebinar()
    const coupon = await createCoupon({ appliesTo: 'categories', categories: [category.id] })
    expect((await register(inside.id, { couponCode: coupon.code })).body.doc.amount).toBe(60)
    expect(couponError((await register(outside.id, { couponCode: coupon.code })).body)?.reason).toBe('not_for_this_item')
  })

  it('a fixed amount applies only to items sold in its currency; covering the whole price makes the seat free, with no checkout', async () => {
    const usd = await paidWebinar({ price: 80, currency: 'USD' })
    const pen = await createCourse(aula.payload, { regularPrice: 300, currency: 'PEN' })
    const fifteen = await createCoupon({ discountType: 'fixed', amountOff: 15, currency: 'USD', percentOff: null })
    expect((await register(usd.id, { couponCode: fifteen.code })).body.doc).toMatchObject({ listPrice: 80, discount: 15, amount: 65 })
    const onPen = await aula.api.post(`/courses/${pen.id}/enroll`, { ...someone(), couponCode: fifteen.code })
    expect(couponError(onPen.body)?.reason).toBe('not_for_this_item')

    const whole = await createCoupon({ discountType: 'fixed', amountOff: 500, currency: 'USD', percentOff: null })
    const sessionsBefore = stripe.callsTo('POST', '/v1/checkout/sessions').length
    const free = await register(usd.id, { couponCode: whole.code })
    expect(free.body.doc).toMatchObject({ status: 'confirmed', paymentStatus: 'not_required', listPrice: 80, discount: 80, amount: 0 })
    expect(free.body.doc.checkoutUrl).toBeUndefined()
    expect(await paymentOf(free.body.doc.id)).toBeUndefined()
    expect(stripe.callsTo('POST', '/v1/checkout/sessions')).toHaveLength(sessionsBefore)
  })

  it('a discount never leaves less than the smallest chargeable amount: 99% of USD 10 charges USD 0.50, 100% charges nothing', () => {
    expect(discountOn({ discountType: 'percentage', percentOff: 99, amountOff: null }, 10, 'USD')).toBe(9.5)
    expect(discountOn({ discountType: 'percentage', percentOff: 100, amountOff: null }, 10, 'USD')).toBe(10)
    expect(discountOn({ discountType: 'percentage', percentOff: 33.33, amountOff: null }, 100, 'PEN')).toBe(33.33)
    expect(discountOn({ discountType: 'percentage', percentOff: 15, amountOff: null }, 9999, 'CLP')).toBe(1500)
    expect(discountOn({ discountType: 'fixed', percentOff: null, amountOff: 0.1 + 0.2 }, 1, 'USD')).toBe(0.3)
  })

  it('with the early-bird price: a combining coupon applies to it; a non-combining one gives the lower of early bird and regular-minus-coupon', async () => {
    const deadline = new Date(clock.now().getTime() + 7 * DAY).toISOString()
    const course = await createCourse(aula.payload, { regularPrice: 300, earlyBirdPrice: 240, earlyBirdDeadline: deadline, currency: 'PEN' })
    const enroll = (couponCode: string) => aula.api.post(`/courses/${course.id}/enroll`, { ...someone(), couponCode })
    const combining = await createCoupon({ percentOff: 10, combinesWithEarlyBird: true })
    const smallNonCombining = await createCoupon({ percentOff: 10 })
    const bigNonCombining = await createCoupon({ percentOff: 30 })

    expect((await enroll(combining.code)).body.doc).toMatchObject({ priceTier: 'early_bird', listPrice: 240, discount: 24, amount: 216 })
    const small = await enroll(smallNonCombining.code)
    expect(small.body.doc).toMatchObject({ priceTier: 'early_bird', listPrice: 240, discount: 0, amount: 240 })
    expect((await enrollment(small.body.doc.id)).coupon).toBeNull()
    expect((await enroll(bigNonCombining.code)).body.doc).toMatchObject({ priceTier: 'regular', listPrice: 300, discount: 90, amount: 210 })

    const quote = await aula.api.get(`/courses/${course.id}/price?couponCode=${smallNonCombining.code}`)
    expect(quote.body).toMatchObject({ priceTier: 'early_bird', amount: 240, coupon: { code: smallNonCombining.code, valid: true, applied: false } })
  })

  it('an admin adding someone by hand with a coupon gets the same price and the same refusals', async () => {
    const webinar = await paidWebinar({ price: 80 })
    const coupon = await createCoupon({ percentOff: 25 })
    const expired = await createCoupon({ validUntil: new Date(clock.now().getTime() - DAY).toISOString() })
    const student = await aula.createUser(['student'])
    const other = await aula.createUser(['student'])
    const made = await aula.api.post('/enrollments', { user: student.id, item: { relationTo: 'webinars', value: webinar.id }, coupon: coupon.id }, { token: admin.token })
    expect(made.status).toBe(201)
    expect(made.body.doc).toMatchObject({ coupon: { id: coupon.id, code: coupon.code }, listPrice: 80, discount: 20, amount: 60, status: 'pending_payment' })
    // Populated on the enrollment as what staff need to recognise it, not its internal note or its redemptions.
    expect(Object.keys(made.body.doc.coupon).sort()).toEqual(['code', 'id'])
    const refused = await aula.api.post('/enrollments', { user: other.id, item: { relationTo: 'webinars', value: webinar.id }, coupon: expired.id }, { token: admin.token })
    expect([refused.status, couponError(refused.body)?.reason]).toEqual([400, 'expired'])
    // The coupon an enrollment was sold with is frozen: not even an admin swaps it afterwards.
    expect((await aula.api.patch(`/enrollments/${made.body.doc.id}`, { coupon: expired.id }, { token: admin.token })).status).toBe(200)
    expect(await enrollment(made.body.doc.id)).toMatchObject({ coupon: coupon.id, listPrice: 80, discount: 20, amount: 60 })
  })

  it('GraphQL registerForWebinar takes couponCode with the same rules', async () => {
    const coupon = await createCoupon({ percentOff: 50 })
    const webinar = await paidWebinar({ price: 80 })
    const mutation = `mutation ($id: Int!, $person: RegistrationPerson, $couponCode: String) {
      registerForWebinar(id: $id, person: $person, couponCode: $couponCode) { id status amount listPrice discount } }`
    const ok = await aula.api.graphql(mutation, { id: webinar.id, person: someone(), couponCode: ` ${coupon.code.toLowerCase()} ` })
    expect(ok.body.errors).toBeUndefined()
    expect(ok.body.data.registerForWebinar).toMatchObject({ status: 'pending_payment', amount: 40, listPrice: 80, discount: 40 })
    const refused = await aula.api.graphql(mutation, { id: webinar.id, person: someone(), couponCode: 'NOEXISTE2030' })
    expect(refused.body.data?.registerForWebinar ?? null).toBeNull()
    expect(JSON.stringify(refused.body.errors)).toMatch(/couponCode/)
  })

  it('an Idempotency-Key reused with another coupon code is a different request (422), the same code in another case replays', async () => {
    const coupon = await createCoupon()
    const other = await createCoupon()
    const webinar = await paidWebinar()
    const person = someone()
    const key = `cupon-${uniqueCode()}`
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, { ...person, couponCode: coupon.code }, { headers: { 'idempotency-key': key } })
    expect(first.status).toBe(201)
    const replay = await aula.api.post(`/webinars/${webinar.id}/register`, { ...person, couponCode: coupon.code.toLowerCase() }, { headers: { 'idempotency-key': key } })
    expect([replay.status, replay.body.doc.id]).toEqual([201, first.body.doc.id])
    const changed = await aula.api.post(`/webinars/${webinar.id}/register`, { ...person, couponCode: other.code }, { headers: { 'idempotency-key': key } })
    expect(changed.status).toBe(422)
  })
})

describe('redemption limits', () => {
  it('a coupon limited to 2 uses serves 2 seats and refuses the third with used_up', async () => {
    const coupon = await createCoupon({ maxRedemptions: 2 })
    const webinar = await paidWebinar()
    expect((await register(webinar.id, { couponCode: coupon.code })).status).toBe(201)
    expect((await register(webinar.id, { couponCode: coupon.code })).status).toBe(201)
    const third = await register(webinar.id, { couponCode: coupon.code })
    expect([third.status, couponError(third.body)?.reason]).toEqual([400, 'used_up'])
    expect((await register(webinar.id)).status).toBe(201)
  })

  it('a person who used a one-per-person coupon on one webinar cannot use it on another', async () => {
    const coupon = await createCoupon({ maxRedemptionsPerPerson: 1 })
    const [first, second] = [await paidWebinar(), await paidWebinar()]
    const student = await aula.createUser(['student'])
    expect((await register(first.id, { couponCode: coupon.code }, student.token)).status).toBe(201)
    const again = await register(second.id, { couponCode: coupon.code }, student.token)
    expect([again.status, couponError(again.body)?.reason]).toEqual([400, 'used_up'])
    expect(couponError(again.body)?.message).toMatch(/por persona|per person/)
    // Someone else still may.
    expect((await register(second.id, { couponCode: coupon.code })).status).toBe(201)
  })

  it('someone registering another person’s email is not told that this person has used the coupon', async () => {
    const coupon = await createCoupon({ maxRedemptionsPerPerson: 1 })
    const [first, second] = [await paidWebinar(), await paidWebinar()]
    const student = await aula.createUser(['student'])
    expect((await register(first.id, { couponCode: coupon.code }, student.token)).status).toBe(201)
    const byStranger = await register(second.id, { couponCode: coupon.code, email: student.email, firstName: 'Otra', lastName: 'Persona' })
    expect([byStranger.status, couponError(byStranger.body)?.reason]).toEqual([400, 'used_up'])
    expect(couponError(byStranger.body)?.message).not.toMatch(/persona|person/i)
  })

  it('an unpaid hold that expires gives its use back; a seat paid and then cancelled keeps it', async () => {
    const coupon = await createCoupon({ maxRedemptions: 1 })
    const webinar = await paidWebinar()
    const held = await register(webinar.id, { couponCode: coupon.code })
    expect(couponError((await register(webinar.id, { couponCode: coupon.code })).body)?.reason).toBe('used_up')

    clock.advance(46 * MINUTE)
    await aula.payload.jobs.queue({ task: 'expirePaymentHolds', input: {} })
    await drainQueue(aula.payload)
    expect((await enrollment(held.body.doc.id)).status).toBe('cancelled')

    const paid = await register(webinar.id, { couponCode: coupon.code })
    expect(paid.status).toBe(201)
    await deliver(aula.api, sessionCompleted(sessionOf(paid.body.doc)))
    await drainQueue(aula.payload)
    expect(await enrollment(paid.body.doc.id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid' })
    expect((await aula.api.post(`/enrollments/${paid.body.doc.id}/cancel`, { reason: 'no puede asistir' }, { token: admin.token })).status).toBe(200)
    await drainQueue(aula.payload)
    expect((await enrollment(paid.body.doc.id)).status).toMatch(/cancelled|refunded/)

    const after = await register(webinar.id, { couponCode: coupon.code })
    expect([after.status, couponError(after.body)?.reason]).toEqual([400, 'used_up'])
    clock.set('2030-01-10T12:00:00.000Z')
  })

  it('a seat cancelled before payment gives its use back', async () => {
    const coupon = await createCoupon({ maxRedemptions: 1 })
    const webinar = await paidWebinar()
    const student = await aula.createUser(['student'])
    const held = await register(webinar.id, { couponCode: coupon.code }, student.token)
    expect((await aula.api.post(`/enrollments/${held.body.doc.id}/cancel`, {}, { token: student.token })).status).toBe(200)
    expect((await register(webinar.id, { couponCode: coupon.code })).status).toBe(201)
  })

  it('staff read uses held and discount given on the coupon; the dashboard revenue counts what was charged, net of the discount', async () => {
    const coupon = await createCoupon({ percentOff: 25, maxRedemptions: 5 })
    const webinar = await paidWebinar({ price: 80 })
    // Payments are stamped by the database's own clock, not the test's.
    const now = new Date()
    const month = now.toISOString().slice(0, 7)
    const revenue = async () => (await revenuePerMonth(aula.payload, { now, timeZone: 'UTC' })).find((row) => row.month === month)?.amounts.USD ?? 0
    const revenueBefore = await revenue()
    const paid = await register(webinar.id, { couponCode: coupon.code })
    await deliver(aula.api, sessionCompleted(sessionOf(paid.body.doc)))
    await drainQueue(aula.payload)
    await register(webinar.id, { couponCode: coupon.code })

    const summary = await aula.api.get(`/coupons/${coupon.id}/redemptions`, { token: sales.token })
    expect(summary.status).toBe(200)
    expect(summary.body).toEqual({ used: 2, pending: 1, maxRedemptions: 5, remaining: 3, discountGiven: [{ currency: 'USD', amount: 20 }] })
    expect(await revenue()).toBe(revenueBefore + 60)
    const joined = await aula.api.get(`/coupons/${coupon.id}?depth=0`, { token: sales.token })
    expect(joined.body.redemptions.docs).toHaveLength(2)
  })
})

describe('price quotes', () => {
  it('answers the price the person would pay with the code, or why the code does not apply, and nothing about any other coupon', async () => {
    const webinar = await paidWebinar({ price: 80 })
    const coupon = await createCoupon({ percentOff: 25, maxRedemptions: 1, internalNote: 'Campaña secreta de verano' })
    const inactive = await createCoupon({ active: false, internalNote: 'apagado' })
    const quote = (couponCode?: string) => aula.api.get(`/webinars/${webinar.id}/price${couponCode === undefined ? '' : `?couponCode=${encodeURIComponent(couponCode)}`}`)

    expect((await quote()).body).toEqual({ currency: 'USD', listPrice: 80, priceTier: 'regular', discount: 0, amount: 80, seats: 1, total: 80, coupon: null })
    const valid = await quote(` ${coupon.code.toLowerCase()} `)
    expect(valid.status).toBe(200)
    expect(valid.headers.get('cache-control')).toBe('no-store')
    expect(valid.body).toEqual({ currency: 'USD', listPrice: 80, priceTier: 'regular', discount: 20, amount: 60, seats: 1, total: 60, coupon: { code: coupon.code, valid: true, applied: true } })
    expect(valid.text).not.toMatch(/secreta|maxRedemptions|internalNote|"id"/)

    const unknown = await quote('NOEXISTE2030')
    const off = await quote(inactive.code)
    expect(unknown.body.coupon).toEqual({ code: 'NOEXISTE2030', valid: false, reason: 'unknown', message: expect.any(String) })
    expect({ ...off.body, coupon: { ...off.body.coupon, code: 'X' } }).toEqual({ ...unknown.body, coupon: { ...unknown.body.coupon, code: 'X' } })
    expect(off.text).not.toContain('apagado')

    await register(webinar.id, { couponCode: coupon.code })
    expect((await quote(coupon.code)).body).toMatchObject({ amount: 80, discount: 0, coupon: { valid: false, reason: 'used_up' } })
    expect((await aula.api.get(`/webinars/${webinar.id}/price?seats=0`)).status).toBe(400)
    expect(errorPaths((await aula.api.get(`/webinars/${webinar.id}/price?couponCode=${'x'.repeat(65)}`)).body)).toEqual(['couponCode'])
    expect((await aula.api.get('/webinars/99999999/price')).status).toBe(404)
  })

  it('a quote for several seats counts them against the limit and answers the total', async () => {
    const webinar = await paidWebinar({ price: 80 })
    const coupon = await createCoupon({ percentOff: 25, maxRedemptions: 3 })
    expect((await aula.api.get(`/webinars/${webinar.id}/price?couponCode=${coupon.code}&seats=3`)).body).toMatchObject({ amount: 60, seats: 3, total: 180, coupon: { valid: true } })
    expect((await aula.api.get(`/webinars/${webinar.id}/price?couponCode=${coupon.code}&seats=4`)).body.coupon).toMatchObject({ valid: false, reason: 'used_up' })
  })

  it('guessing codes through the quote is rate limited per client address like public writes (429)', async () => {
    const webinar = await paidWebinar()
    const windowSeconds = 120
    const limited = new ApiClient(aula.payload.config, 'http://localhost:3000', {
      ...readRateLimits({}),
      enabled: true,
      publicWrite: { name: 'publicWrite', perIp: 3, perEmail: 2, windowSeconds },
    })
    const fromIp = { headers: { 'x-aula-peer-address': '203.0.113.77' } }
    const statuses = []
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await limited.get(`/webinars/${webinar.id}/price?couponCode=GUESS${attempt}AAA`, fromIp)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    // Another address still gets answers, and plain catalog reads are not counted.
    expect((await limited.get(`/webinars/${webinar.id}/price`, { headers: { 'x-aula-peer-address': '203.0.113.78' } })).status).toBe(200)
    expect((await limited.get(`/webinars/${webinar.id}`, fromIp)).status).toBe(200)
  })
})
