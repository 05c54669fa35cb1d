import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { bookingManageToken, cancelToken } from '../../src/enrollment/cancelToken'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

// Webinars start on 2030-05-20 (tests/helpers/catalog.ts).
const BEFORE_START = '2030-05-01T12:00:00.000Z'
const clock = new ManualClock(BEFORE_START)
let aula: TestAula
let admin: Account, stranger: Account

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, stranger] = await Promise.all([aula.createUser(['admin']), aula.createUser(['student'])])
})

afterAll(async () => {
  await aula.close()
})

let counter = 0
const person = (label = 'asistente') => {
  counter += 1
  return { email: `${label}${counter}-${Date.now()}@empresa.pe`, firstName: 'Luis', lastName: `Soto ${counter}` }
}

/** A free group of two booked through the REST endpoint, with its buyer's email. */
async function freeGroup(webinarId?: number) {
  const id = webinarId ?? (await createWebinar(aula.payload, { capacity: 10 })).id
  const payer = { ...person('compras'), company: 'Textil del Sur S.A.', taxId: '20600000001' }
  const attendees = [person(), person()]
  const response = await aula.api.post(`/webinars/${id}/register`, { buyer: payer, attendees })
  if (response.status !== 201) throw new Error(`book: ${response.status} ${response.text}`)
  return { webinarId: id, bookingId: response.body.booking.id as number, seats: response.body.enrollments as { id: number; email: string }[], payer, attendees }
}

/** Everything a replacement would change: no row, status or email may move when it is refused. */
const snapshot = async () => ({
  enrollments: (await aula.payload.find({ collection: 'enrollments', overrideAccess: true, depth: 0, pagination: false, select: { status: true } })).docs.map((doc) => [doc.id, doc.status]),
  users: (await aula.payload.count({ collection: 'users', overrideAccess: true })).totalDocs,
  emails: (await aula.payload.count({ collection: 'email-log', overrideAccess: true })).totalDocs,
})

const replaceJson = (bookingId: number, body: Record<string, unknown>, options: { token?: string; query?: string } = {}) =>
  aula.api.post(`/bookings/${bookingId}/replace-attendee${options.query ?? ''}`, body, { token: options.token })
const replaceForm = (bookingId: number, fields: Record<string, string>) =>
  aula.api.post(`/bookings/${bookingId}/manage`, new URLSearchParams(fields).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } })

describe('the signed booking link', () => {
  it('a forged, truncated or empty token opens nothing and replaces nobody (one 404 for all)', async () => {
    const group = await freeGroup()
    const real = bookingManageToken(aula.payload.secret, group.bookingId)
    const before = await snapshot()
    for (const token of ['', 'x', real.slice(0, -1), `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`, `${real}x`]) {
      const page = await aula.api.get(`/bookings/${group.bookingId}/manage?token=${encodeURIComponent(token)}`)
      expect(page.status).toBe(404)
      expect(page.text).not.toContain(group.attendees[0].email)
      const form = await replaceForm(group.bookingId, { token, enrollmentId: String(group.seats[0].id), ...person('intruso') })
      expect(form.status).toBe(404)
      const json = await replaceJson(group.bookingId, { token, enrollmentId: group.seats[0].id, attendee: person('intruso') })
      expect([401, 404]).toContain(json.status)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('another booking’s token, or an enrollment link’s token for the same number, opens nothing', async () => {
    const mine = await freeGroup()
    const theirs = await freeGroup()
    const before = await snapshot()
    const borrowed = bookingManageToken(aula.payload.secret, mine.bookingId)
    expect((await aula.api.get(`/bookings/${theirs.bookingId}/manage?token=${borrowed}`)).status).toBe(404)
    expect((await replaceForm(theirs.bookingId, { token: borrowed, enrollmentId: String(theirs.seats[0].id), ...person('intruso') })).status).toBe(404)
    expect((await replaceJson(theirs.bookingId, { token: borrowed, enrollmentId: theirs.seats[0].id, attendee: person('intruso') })).status).toBe(404)
    // Same HMAC key, other purpose: a cancel link's token for the number of this booking.
    const otherPurpose = cancelToken(aula.payload.secret, theirs.bookingId)
    expect((await aula.api.get(`/bookings/${theirs.bookingId}/manage?token=${otherPurpose}`)).status).toBe(404)
    // A valid token, but for an enrollment of another booking: 400 naming enrollmentId.
    const crossed = await replaceJson(mine.bookingId, { token: borrowed, enrollmentId: theirs.seats[0].id, attendee: person('intruso') })
    expect(crossed.status).toBe(400)
    expect(errorPaths(crossed.body)).toEqual(['enrollmentId'])
    expect(await snapshot()).toEqual(before)
  })

  it('without a link: anonymous is asked to log in, a student who did not buy gets 404, the buyer logged in and staff may', async () => {
    const group = await freeGroup()
    const body = { enrollmentId: group.seats[0].id, attendee: person('reemplazo') }
    expect((await replaceJson(group.bookingId, body)).status).toBe(401)
    expect((await replaceJson(group.bookingId, body, { token: stranger.token })).status).toBe(404)
    expect((await replaceJson(999_999, body, { token: stranger.token })).status).toBe(404)
    const attendeeAccount = await aula.payload.find({ collection: 'users', where: { email: { equals: group.attendees[1].email } }, overrideAccess: true, depth: 0 })
    expect(attendeeAccount.docs).toHaveLength(1)

    // The buyer's account was created by the booking: give it a password and log in.
    const buyerAccount = (await aula.payload.find({ collection: 'users', where: { email: { equals: group.payer.email } }, overrideAccess: true, depth: 0 })).docs[0]
    await aula.payload.update({ collection: 'users', id: buyerAccount.id, data: { password: 'compras-2030-seguro' }, overrideAccess: true })
    const login = await aula.api.post('/users/login', { email: group.payer.email, password: 'compras-2030-seguro' })
    expect(login.status).toBe(200)
    expect((await replaceJson(group.bookingId, body, { token: login.body.token })).status).toBe(200)
    expect((await replaceJson(group.bookingId, { enrollmentId: group.seats[1].id, attendee: person('reemplazo') }, { token: admin.token })).status).toBe(200)
  })

  it('the page escapes what attendees typed', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    const payer = { ...person('compras'), company: 'Textil del Sur S.A.' }
    // Quotes and ampersands are valid in an email address, and would break out of an attribute unescaped.
    const hostile = { email: `o'neil&co${Date.now()}@empresa.pe`, firstName: 'X', lastName: 'Y' }
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { buyer: payer, attendees: [hostile] })
    expect(response.status).toBe(201)
    const page = await aula.api.get(`/bookings/${response.body.booking.id}/manage?token=${bookingManageToken(aula.payload.secret, response.body.booking.id)}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain(hostile.email)
    expect(page.text).toContain(hostile.email.replace('&', '&amp;').replace("'", '&#39;'))
  })
})

describe('who may take a seat', () => {
  it('someone already enrolled in the item (on their own, or in the same group) cannot be the replacement: 409 naming them, nothing changes', async () => {
    const group = await freeGroup()
    const token = bookingManageToken(aula.payload.secret, group.bookingId)
    const single = await aula.createUser(['student'])
    expect((await aula.api.post(`/webinars/${group.webinarId}/register`, undefined, { token: single.token })).status).toBe(201)
    await drainQueue(aula.payload)
    const before = await snapshot()
    for (const email of [single.email, group.attendees[1].email, group.attendees[0].email.toUpperCase()]) {
      const response = await replaceJson(group.bookingId, { token, enrollmentId: group.seats[0].id, attendee: { email, firstName: 'Ya', lastName: 'Inscrito' } })
      expect(response.status).toBe(409)
      expect(response.body.errors[0].data).toEqual({ attendee: email.toLowerCase() })
      expect(response.body.errors[0].message).toContain(email.toLowerCase())
    }
    expect(await snapshot()).toEqual(before)
  })

  it('after the start nobody can be replaced (409), through the link or by staff', async () => {
    const group = await freeGroup()
    const token = bookingManageToken(aula.payload.secret, group.bookingId)
    const before = await snapshot()
    clock.set('2030-05-20T00:00:00.000Z')
    try {
      expect((await replaceJson(group.bookingId, { token, enrollmentId: group.seats[0].id, attendee: person('tarde') })).status).toBe(409)
      expect((await replaceJson(group.bookingId, { enrollmentId: group.seats[0].id, attendee: person('tarde') }, { token: admin.token })).status).toBe(409)
      const page = await aula.api.get(`/bookings/${group.bookingId}/manage?token=${token}`)
      expect(page.status).toBe(200)
      expect(page.text).not.toContain('<form')
    } finally {
      clock.set(BEFORE_START)
    }
    expect(await snapshot()).toEqual(before)
  })

  it.each([
    ['no attendee', { enrollmentId: 1 }, ['attendee']],
    ['an attendee without an email', { attendee: { firstName: 'A', lastName: 'B' } }, ['attendee.email']],
    ['a malformed email', { attendee: { email: 'no es correo', firstName: 'A', lastName: 'B' } }, ['attendee.email']],
    ['control characters in a name', { attendee: { email: 'a@b.pe', firstName: 'A\u0000', lastName: 'B' } }, ['attendee.firstName']],
    ['an enrollment id that is not a number', { enrollmentId: 'uno', attendee: { email: 'a@b.pe', firstName: 'A', lastName: 'B' } }, ['enrollmentId']],
  ])('%s is a 400 naming the field, and nothing changes', async (_, body, paths) => {
    const group = await freeGroup()
    const before = await snapshot()
    const response = await replaceJson(group.bookingId, { enrollmentId: group.seats[0].id, ...body }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(paths)
    expect(await snapshot()).toEqual(before)
  })
})
