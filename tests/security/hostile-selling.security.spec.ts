import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { PEER_ADDRESS_HEADER } from '../../src/rateLimit/clientAddress'
import { ApiClient, type ApiResponse } from '../helpers/api'
import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'
import { expectSafe, failOnUnhandledRejections } from './hostileSafety'

/**
 * Hostile input on what issue 18 sells (docs/selling.md): coupon codes, group attendee lists, and the
 * money typed into the manual-payment and refund endpoints. Each is a 4xx naming the field, never a
 * 5xx, and writes nothing: the rows that selling creates are counted before and after.
 */
let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
type Caller = Awaited<ReturnType<TestAula['createUser']>>
let admin: Caller
let sales: Caller
const over = { overrideAccess: true, depth: 0 } as const

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
  ;[admin, sales] = await Promise.all([aula.createUser(['admin']), aula.createUser(['sales'])])
}, 120_000)

afterAll(() => stopAulaWithStripe(aula, stripe))

failOnUnhandledRejections()

let counter = 0
const person = (label = 'ana') => {
  counter += 1
  return { email: `${label}-${counter}-${Date.now()}@example.com`, firstName: 'Ana', lastName: `Quispe ${counter}` }
}
const buyer = () => ({ ...person('compras'), company: 'Minera Andina SAC', taxId: '20123456789' })

/** Every table a registration, a booking, a payment or a receipt writes to (those that exist in this build). */
const SELLING_ROWS = ['enrollments', 'users', 'payments', 'bookings', 'receipts', 'email-log'] as const
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of SELLING_ROWS) {
    if (!aula.payload.collections[collection as never]) continue
    counts[collection] = (await aula.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
  }
  return counts
}

/** A 400 (or 4xx) naming `path`, nothing written. */
async function expectRefused(send: () => Promise<ApiResponse>, path: string, label: string) {
  const before = await rowCounts()
  const response = await send()
  expectSafe(response, label)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(errorPaths(response.body)).toContain(path)
  expect(await rowCounts()).toEqual(before)
  return response
}

describe('attendee lists on a group booking', () => {
  let webinarId: number
  beforeAll(async () => {
    webinarId = (await createWebinar(aula.payload, { capacity: 50 })).id
  })
  const book = (body: unknown) => aula.api.post(`/webinars/${webinarId}/register`, body)

  it('ten thousand attendees are refused at once naming attendees, and nothing is written', async () => {
    const attendees = Array.from({ length: 10_000 }, () => person('masa'))
    const started = Date.now()
    await expectRefused(() => book({ buyer: buyer(), attendees }), 'attendees', '10,000 attendees')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it.each([
    ['a string', 'ana@example.com, luis@example.com'],
    ['an object', { email: 'ana@example.com' }],
    ['an empty list', []],
    ['a number', 3],
  ])('attendees as %s is a 400 naming attendees', async (_, attendees) => {
    await expectRefused(() => book({ buyer: buyer(), attendees }), 'attendees', `attendees ${JSON.stringify(attendees)}`)
  })

  it.each([
    { label: 'null', junk: null, path: 'attendees.1' },
    { label: 'a bare email', junk: 'luis@example.com', path: 'attendees.1' },
    { label: 'a nested list', junk: [[person()]], path: 'attendees.1' },
    { label: 'an operator instead of an email', junk: { email: { $ne: null }, firstName: 'Luis', lastName: 'Rojas' }, path: 'attendees.1.email' },
    { label: 'a list instead of a name', junk: { email: 'luis-list@example.com', firstName: ['Luis'], lastName: 'Rojas' }, path: 'attendees.1.firstName' },
    { label: 'no last name', junk: { email: 'luis-nolast@example.com', firstName: 'Luis' }, path: 'attendees.1.lastName' },
    { label: 'an email with a NUL byte', junk: { email: 'luis\u0000@example.com', firstName: 'Luis', lastName: 'Rojas' }, path: 'attendees.1.email' },
    { label: 'a name of 100,000 characters', junk: { email: 'luis-long@example.com', firstName: 'L'.repeat(100_000), lastName: 'Rojas' }, path: 'attendees.1.firstName' },
  ])('an attendee given as $label is a 400 naming $path, and the valid attendee beside it gets no seat', async ({ label, junk, path }) => {
    await expectRefused(() => book({ buyer: buyer(), attendees: [person(), junk] }), path, `attendee ${label}`)
  })

  it('an attendee carrying __proto__ pollutes nothing and is refused with the others', async () => {
    const body = `{"buyer":${JSON.stringify(buyer())},"attendees":[{"__proto__":{"polluted":"yes"},"email":"x","firstName":"X","lastName":"Y"}]}`
    await expectRefused(() => book(body), 'attendees.0.email', '__proto__ attendee')
  })

  it('the same person twice, once in capitals and padded, is a 400 naming the second one', async () => {
    const first = person('duplicada')
    const again = { ...first, email: `  ${first.email.toUpperCase()} ` }
    await expectRefused(() => book({ buyer: buyer(), attendees: [first, person(), again] }), 'attendees.2.email', 'duplicate email in another case')
  })

  it.each([
    { label: 'missing', hostileBuyer: undefined, path: 'buyer' },
    { label: 'given as a string', hostileBuyer: 'compras@example.com', path: 'buyer' },
    { label: 'given as a list', hostileBuyer: [buyer()], path: 'buyer' },
    { label: 'without an email', hostileBuyer: { firstName: 'Compras', lastName: 'SAC' }, path: 'buyer.email' },
    { label: 'with a tax id of 10,000 characters', hostileBuyer: { ...buyer(), taxId: '2'.repeat(10_000) }, path: 'buyer.taxId' },
    { label: 'with control characters in the tax id', hostileBuyer: { ...buyer(), taxId: '2012\u001b[31m' }, path: 'buyer.taxId' },
  ])('a buyer $label is a 400 naming $path', async ({ label, hostileBuyer, path }) => {
    await expectRefused(() => book({ buyer: hostileBuyer, attendees: [person(), person()] }), path, `buyer ${label}`)
  })

  it('a buyer without attendees is refused instead of being read as a single registration', async () => {
    await expectRefused(() => book({ ...person(), buyer: buyer() }), 'buyer', 'buyer without attendees')
  })

  it('more attendees than the item takes in one group is a 400 naming attendees', async () => {
    const small = await createWebinar(aula.payload, { capacity: 50, maxGroupSize: 2 })
    await expectRefused(
      () => aula.api.post(`/webinars/${small.id}/register`, { buyer: buyer(), attendees: [person(), person(), person()] }),
      'attendees',
      'group above maxGroupSize',
    )
  })

  it('GraphQL refuses the same person twice in another case, naming them, and writes nothing', async () => {
    const first = person('gql')
    const before = await rowCounts()
    const response = await aula.api.graphql(
      `mutation ($id: Int!, $buyer: GroupBuyerInput!, $attendees: [GroupAttendeeInput!]!) { bookWebinarSeats(id: $id, buyer: $buyer, attendees: $attendees) { booking { id } } }`,
      { id: webinarId, buyer: buyer(), attendees: [first, { ...first, email: first.email.toUpperCase() }] },
    )
    expectSafe(response, 'GraphQL duplicate attendee')
    expect(JSON.stringify(response.body.errors)).toMatch(/attendees\.1\.email/)
    expect(response.body.data?.bookWebinarSeats ?? null).toBeNull()
    expect(await rowCounts()).toEqual(before)
  })
})

describe('coupon codes', () => {
  let webinarId: number
  let otherWebinarId: number
  let couponId: number | string
  const CODE = 'SAVE10'
  const NOTE = 'Campaña interna de octubre, no publicar'
  beforeAll(async () => {
    webinarId = (await createWebinar(aula.payload, { isFree: false, price: 100, currency: 'USD', capacity: 100 })).id
    otherWebinarId = (await createWebinar(aula.payload, { isFree: false, price: 100, currency: 'USD', capacity: 100 })).id
    couponId = await createCoupon({ code: CODE, discountType: 'percentage', percentOff: 10, appliesTo: 'all', active: true, internalNote: NOTE })
    // A 100% coupon: a registration with it confirms at once, so the variants that must apply can be checked end to end.
    await createCoupon({ code: 'GRATIS100', discountType: 'percentage', percentOff: 100, appliesTo: 'all', active: true })
  })
  const createCoupon = async (data: Record<string, unknown>) => ((await aula.payload.create({ collection: 'coupons', data: data as never, ...over })) as { id: number }).id
  const quote = (code: string, id = webinarId) => aula.api.get(`/webinars/${id}/price?couponCode=${encodeURIComponent(code)}`)
  const register = (couponCode: unknown, id = webinarId) => aula.api.post(`/webinars/${id}/register`, { ...person('cupon'), couponCode })
  /** What a quote reveals, with the code the caller typed blanked out (it may be echoed back). */
  const revealed = (response: ApiResponse, typed: string) => ({ status: response.status, body: JSON.stringify(response.body).split(JSON.stringify(typed).slice(1, -1)).join('«typed»') })
  const appliedDiscount = (response: ApiResponse) => Number(response.body?.discount ?? 0)

  it('an unknown code is refused on register naming couponCode, and nothing is written', async () => {
    await expectRefused(() => register('NO-EXISTE'), 'couponCode', 'unknown coupon')
  })

  it.each([
    ['of 100,000 characters', 'A'.repeat(100_000)],
    ['with a NUL byte', 'SAVE\u000010'],
    ['with an escape sequence', '\u001b[2JSAVE10'],
    ['given as a number', 10],
    ['given as a list', [CODE]],
    ['given as an operator', { $ne: null }],
  ])('a coupon code %s is a 400 naming couponCode, and nothing is written', async (label, code) => {
    await expectRefused(() => register(code), 'couponCode', `coupon code ${label}`)
  })

  it.each([
    ['a SQL wildcard', '%'],
    ['a single-character wildcard run', '______'],
    ['a wildcard around part of the code', '%AVE%'],
    ['a prefix of the code', 'SAVE'],
    ['a part of the code', 'AVE1'],
    ['a quote that ends the SQL string', "' OR '1'='1"],
    ['a regex', '.*'],
    ['Cyrillic lookalike letters', '\u0405\u0410V\u041510'],
    ['a combining accent after the code', 'SAVE10\u0301'],
  ])('%s matches no coupon: refused on register, and the quote is the same as for an unknown code', async (label, code) => {
    await expectRefused(() => register(code), 'couponCode', `coupon code ${label}`)
    const unknown = await quote('NO-EXISTE-TAMPOCO')
    const hostile = await quote(code)
    expectSafe(hostile, `quote for ${label}`)
    expect(appliedDiscount(hostile)).toBe(0)
    expect(revealed(hostile, code)).toEqual(revealed(unknown, 'NO-EXISTE-TAMPOCO'))
  })

  it.each([
    ['in lower case', 'gratis100'],
    ['in mixed case', 'GrAtIs100'],
    ['padded with spaces and a tab', ' \tgratis100  '],
  ])('the real code typed %s applies', async (_, code) => {
    const response = await register(code)
    expectSafe(response, `coupon variant ${code}`)
    expect(response.status).toBe(201)
    expect(response.body.doc.status).toBe('confirmed')
  })

  it('a quote never shows another coupon, the note staff wrote, or how often a code was used', async () => {
    for (const code of ['NO-EXISTE', '%', CODE.toLowerCase()]) {
      const text = JSON.stringify((await quote(code)).body)
      expect(text).not.toContain(NOTE)
      expect(text).not.toContain('GRATIS100')
      expect(text).not.toMatch(/redemption|maxRedemptions|internalNote/i)
      if (code !== CODE.toLowerCase()) expect(text).not.toContain(CODE)
    }
    const valid = await quote(CODE.toLowerCase())
    expect(valid.status).toBe(200)
    expect(appliedDiscount(valid)).toBe(10)
    expect(JSON.stringify(valid.body)).not.toContain(`"id":${JSON.stringify(couponId)}`)
  })

  it('an inactive code answers exactly as an unknown one', async () => {
    await createCoupon({ code: 'DORMIDO', discountType: 'percentage', percentOff: 50, appliesTo: 'all', active: false })
    expect(revealed(await quote('DORMIDO'), 'DORMIDO')).toEqual(revealed(await quote('NO-EXISTE-NUNCA'), 'NO-EXISTE-NUNCA'))
  })

  it('the same code twice in the query never stacks its discount', async () => {
    const response = await aula.api.get(`/webinars/${webinarId}/price?couponCode=SAVE10&couponCode=save10`)
    expectSafe(response, 'quote with the code twice')
    expect([0, 10]).toContain(appliedDiscount(response))
  })

  it.each([
    ['an operator', 'couponCode[$ne]=x'],
    ['a nested object', 'couponCode[code]=SAVE10'],
    ['a code of 20,000 characters', `couponCode=${'B'.repeat(20_000)}`],
    ['a NUL byte', 'couponCode=SAVE%0010'],
  ])('a quote asked with %s in the query is never a 5xx and gives no discount', async (label, query) => {
    const response = await aula.api.get(`/webinars/${webinarId}/price?${query}`)
    expectSafe(response, `quote with ${label}`)
    expect(response.status).toBeLessThan(500)
    expect(appliedDiscount(response)).toBe(0)
    expect(JSON.stringify(response.body)).not.toContain('GRATIS100')
  })

  it('a quote for an item that does not exist, or not a number, is a 4xx', async () => {
    for (const id of ['999999', 'abc', '1e308', '-1']) {
      const response = await aula.api.get(`/webinars/${id}/price?couponCode=SAVE10`)
      expectSafe(response, `quote for item ${id}`)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
  })

  it('a quote for a draft webinar answers exactly as for one that does not exist', async () => {
    const draft = await createWebinar(aula.payload, { isFree: false, price: 100, currency: 'USD', status: 'draft' })
    const ofDraft = await aula.api.get(`/webinars/${draft.id}/price?couponCode=${CODE}`)
    const ofNothing = await aula.api.get(`/webinars/999999/price?couponCode=${CODE}`)
    expect(ofDraft.status).toBe(404)
    expect({ status: ofDraft.status, body: ofDraft.body.errors }).toEqual({ status: ofNothing.status, body: ofNothing.body.errors })
  })

  it.each([
    ['a wildcard', '%'],
    ['a code of 100,000 characters', 'C'.repeat(100_000)],
    ['an unknown code', 'NO-EXISTE'],
  ])('a group booking with %s as its coupon is a 400 naming couponCode, and no seat is taken', async (_, couponCode) => {
    await expectRefused(() => aula.api.post(`/webinars/${otherWebinarId}/register`, { buyer: buyer(), attendees: [person(), person()], couponCode }), 'couponCode', `group coupon ${couponCode.slice(0, 20)}`)
  })

  it('GraphQL refuses a hostile coupon code naming couponCode and writes nothing', async () => {
    for (const code of ['%', 'A'.repeat(10_000), 'SAVE\u000010']) {
      const before = await rowCounts()
      const response = await aula.api.graphql(`mutation ($id: Int!, $person: RegistrationPerson, $code: String) { registerForWebinar(id: $id, person: $person, couponCode: $code) { id } }`, {
        id: otherWebinarId,
        person: person('gql-cupon'),
        code,
      })
      expectSafe(response, `GraphQL coupon ${code.slice(0, 20)}`)
      expect(JSON.stringify(response.body.errors)).toMatch(/couponCode/)
      expect(response.body.data?.registerForWebinar ?? null).toBeNull()
      expect(await rowCounts()).toEqual(before)
    }
  })
})

describe('guessing coupon codes', () => {
  const PER_IP = 5
  let limited: ApiClient
  let webinarId: number
  beforeAll(async () => {
    webinarId = (await createWebinar(aula.payload, { isFree: false, price: 100, currency: 'USD', capacity: 100 })).id
    limited = new ApiClient(aula.payload.config, 'http://localhost:3000', {
      enabled: true,
      trustedProxyHops: 0,
      auth: { name: 'auth', perIp: 100, perEmail: 100, windowSeconds: 600 },
      publicWrite: { name: 'publicWrite', perIp: PER_IP, perEmail: 100, windowSeconds: 600 },
    })
  })
  const from = (peer: string) => ({ headers: { [PEER_ADDRESS_HEADER]: peer } })

  it('price quotes with guessed codes are limited per IP like other public writes, whatever code or item is tried', async () => {
    const statuses: number[] = []
    for (let guess = 0; guess < PER_IP + 3; guess += 1) {
      const response = await limited.get(`/webinars/${webinarId}/price?couponCode=GUESS${guess}`, from('203.0.113.70'))
      statuses.push(response.status)
    }
    expect(statuses.slice(PER_IP)).toEqual([429, 429, 429])
    const anotherItem = await createWebinar(aula.payload, { isFree: false, price: 50, currency: 'USD' })
    expect((await limited.get(`/webinars/${anotherItem.id}/price?couponCode=OTRO`, from('203.0.113.70'))).status).toBe(429)
    expect((await limited.get(`/webinars/${webinarId}/price?couponCode=GUESS0`, from('203.0.113.71'))).status).not.toBe(429)
  })

  it('registrations with wrong codes count toward the same limit', async () => {
    const statuses: number[] = []
    for (let guess = 0; guess < PER_IP + 2; guess += 1) {
      const response = await limited.post(`/webinars/${webinarId}/register`, { ...person('adivina'), couponCode: `GUESS${guess}` }, from('203.0.113.80'))
      statuses.push(response.status)
    }
    expect(statuses.slice(0, PER_IP).every((status) => status === 400)).toBe(true)
    expect(statuses.slice(PER_IP)).toEqual([429, 429])
  })
})

describe('amounts typed into a manual payment', () => {
  let paymentId: number
  const HOSTILE_AMOUNTS: [string, string][] = [
    ['negative', '-50'],
    ['zero', '0'],
    ['not a number', '"cincuenta"'],
    ['"NaN"', '"NaN"'],
    ['a number followed by text', '"50 soles"'],
    ['1e308', '1e308'],
    ['Infinity (1e999 in JSON)', '1e999'],
    ['a fraction of a cent', '0.001'],
    ['a list', '[50]'],
    ['an object', '{"$gt":0}'],
    ['true', 'true'],
    ['missing', 'null'],
  ]
  beforeAll(async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 100, currency: 'USD', capacity: 10, allowBankTransfer: true })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { ...person('transfer'), paymentMethod: 'bank_transfer' })
    const { docs } = await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: body.doc.id } }, ...over })
    paymentId = docs[0]!.id as number
  })
  const entry = (amount: string, extra = '') =>
    `{"method":"bank_transfer","reference":"OP-${Date.now()}","receivedOn":"2030-01-09","note":"matriz"${extra},"amount":${amount}}`
  const paymentNow = async () => {
    const payment = (await aula.payload.findByID({ collection: 'payments', id: paymentId, ...over })) as unknown as Record<string, unknown>
    return { status: payment.status, entries: (payment.manualEntries as unknown[] | undefined)?.length ?? 0 }
  }

  it.each(HOSTILE_AMOUNTS)('an amount that is %s is a 400 naming amount, and the payment is unchanged', async (label, amount) => {
    const before = await paymentNow()
    await expectRefused(() => aula.api.post(`/payments/${paymentId}/record-manual`, entry(amount), { token: sales.token }), 'amount', `manual amount ${label}`)
    expect(await paymentNow()).toEqual(before)
  })

  const entryWith = (fields: Record<string, unknown>) => JSON.stringify({ method: 'bank_transfer', reference: `OP-${Date.now()}`, receivedOn: '2030-01-09', amount: 100, ...fields })
  it.each([
    { path: 'method', label: '"card" (only Stripe takes cards)', body: entryWith({ method: 'card' }) },
    { path: 'method', label: 'unknown ("paypal")', body: entryWith({ method: 'paypal' }) },
    { path: 'method', label: 'an operator', body: entryWith({ method: { $ne: null } }) },
    { path: 'reference', label: 'of 10,000 characters', body: entryWith({ reference: 'R'.repeat(10_000) }) },
    { path: 'reference', label: 'with a NUL byte', body: entryWith({ reference: 'OP\u0000-1' }) },
    { path: 'receivedOn', label: 'that is not a date', body: entryWith({ receivedOn: 'ayer' }) },
    { path: 'receivedOn', label: 'that does not exist (30 February)', body: entryWith({ receivedOn: '2030-02-30' }) },
    { path: 'receivedOn', label: 'in the year 10000', body: entryWith({ receivedOn: '+010000-01-01' }) },
    { path: 'note', label: 'of 100,000 characters', body: entryWith({ note: 'n'.repeat(100_000) }) },
  ])('a $path $label is a 400 naming it, and the payment stays pending', async ({ path, body }) => {
    const before = await paymentNow()
    await expectRefused(() => aula.api.post(`/payments/${paymentId}/record-manual`, body, { token: sales.token }), path, `manual ${path}`)
    expect(await paymentNow()).toEqual(before)
  })
})

describe('replacing an attendee with hostile input', () => {
  let bookingId: number
  let seatId: number
  beforeAll(async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 20 })
    const first = person('reemplazable')
    const booked = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: buyer(), attendees: [first, person()] })
    bookingId = booked.body.booking.id
    seatId = (booked.body.enrollments as { id: number; email: string }[]).find((seat) => seat.email === first.email)!.id
  })
  const replace = (body: unknown) => aula.api.post(`/bookings/${bookingId}/replace-attendee`, body, { token: admin.token })

  it.each([
    { label: 'no attendee', body: () => ({ enrollmentId: seatId }), path: 'attendee' },
    { label: 'an attendee given as a list', body: () => ({ enrollmentId: seatId, attendee: [person()] }), path: 'attendee' },
    { label: 'an operator as the email', body: () => ({ enrollmentId: seatId, attendee: { ...person(), email: { $ne: null } } }), path: 'attendee.email' },
    { label: 'a NUL byte in the email', body: () => ({ enrollmentId: seatId, attendee: { ...person(), email: 'x\u0000@example.com' } }), path: 'attendee.email' },
    { label: 'a first name of 10,000 characters', body: () => ({ enrollmentId: seatId, attendee: { ...person(), firstName: 'N'.repeat(10_000) } }), path: 'attendee.firstName' },
    { label: 'an enrollment id that is not a number', body: () => ({ enrollmentId: '1 OR 1=1', attendee: person() }), path: 'enrollmentId' },
    { label: 'an enrollment id of 1e308', body: () => ({ enrollmentId: 1e308, attendee: person() }), path: 'enrollmentId' },
  ])('$label is a 400 naming $path, and the seat stays with its person', async ({ body, path }) => {
    const before = await aula.payload.findByID({ collection: 'enrollments', id: seatId, ...over })
    await expectRefused(() => replace(body()), path, `replace with ${path}`)
    const after = await aula.payload.findByID({ collection: 'enrollments', id: seatId, ...over })
    expect({ status: after.status, user: after.user }).toEqual({ status: before.status, user: before.user })
  })
})

describe('receipt PDFs asked for by a made-up id', () => {
  it.each(['abc', '1e308', '-1', '0', '999999', '1;DROP TABLE receipts', '%00'])('GET /api/receipts/%s/pdf is a 4xx for staff, never a 5xx', async (id) => {
    const response = await aula.api.get(`/receipts/${encodeURIComponent(id)}/pdf`, { token: admin.token })
    expectSafe(response, `receipt pdf ${id}`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})

describe('amounts typed into a refund', () => {
  let paymentId: number
  beforeAll(async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 80, currency: 'USD', capacity: 10 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, person('reembolso'))
    await deliver(aula.api, sessionCompleted(stripe.complete(body.doc.checkoutUrl.split('/').pop())))
    await drainQueue(aula.payload)
    const { docs } = await aula.payload.find({ collection: 'payments', where: { enrollment: { equals: body.doc.id } }, ...over })
    paymentId = docs[0]!.id as number
  })
  const paymentNow = async () => {
    const payment = (await aula.payload.findByID({ collection: 'payments', id: paymentId, ...over })) as unknown as Record<string, unknown>
    return { status: payment.status, amountRefunded: payment.amountRefunded ?? 0 }
  }

  it.each([
    ['negative', '-10'],
    ['zero', '0'],
    ['more than was paid', '80.01'],
    ['1e308', '1e308'],
    ['Infinity (1e999 in JSON)', '1e999'],
    ['not a number', '"diez"'],
    ['a fraction of a cent', '0.001'],
    ['a list', '[10]'],
    ['an object', '{"$gt":0}'],
  ])('a refund amount that is %s is a 400 naming amount: Stripe is not asked, the payment is unchanged', async (label, amount) => {
    const before = await paymentNow()
    const refundsAsked = stripe.callsTo('POST', '/v1/refunds').length
    await expectRefused(() => aula.api.post(`/payments/${paymentId}/refund`, `{"reason":"matriz","amount":${amount}}`, { token: admin.token }), 'amount', `refund amount ${label}`)
    expect(stripe.callsTo('POST', '/v1/refunds')).toHaveLength(refundsAsked)
    expect(await paymentNow()).toEqual(before)
  })
})
