import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import jsQR from 'jsqr'
import sharp from 'sharp'

import { checkInCode } from '../../src/attendance/checkIn/code'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * Self check-in: the instructor shows a 6-digit code (and a QR of the check-in page); a logged-in
 * student with a confirmed enrollment who types it during the session is marked present. Wrong,
 * early and expired codes say so apart; guessing runs out of attempts.
 */
const clock = new ManualClock('2030-03-01T12:00:00.000Z')
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let admin: Login
let instructor: Login
let otherInstructor: Login
let outsider: Login
let courseId: number
let webinarId: number
let sessionOne: string
let sessionTwo: string
const people: Record<'ana' | 'luis' | 'eva' | 'gone' | 'mia', Login> = {} as never
const enrollmentOf: Record<string, number> = {}

const SESSION_ONE_START = '2030-03-03T14:00:00.000Z'
const checkInUrl = (sessionId: string) => `/courses/${courseId}/sessions/${sessionId}/check-in`
const staffCode = async (sessionId: string, token = instructor.token) => aula.api.get(`/courses/${courseId}/sessions/${sessionId}/check-in-code`, { token })
const codeOf = async (sessionId: string) => (await staffCode(sessionId)).body.code as string
const rowOf = async (name: string, sessionId: string | null) =>
  (
    await aula.payload.find({
      collection: 'attendance' as never,
      where: { and: [{ enrollment: { equals: enrollmentOf[name] } }, sessionId ? { sessionId: { equals: sessionId } } : { sessionId: { exists: false } }] },
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0] as any
const message = (body: any) => body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message

beforeAll(async () => {
  aula = await startTestAula({ clock })
  admin = await aula.createUser(['admin'])
  instructor = await aula.createUser(['instructor'])
  otherInstructor = await aula.createUser(['instructor'])
  outsider = await aula.createUser(['student'], { firstName: 'Otto', lastName: 'Fuera' })
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Carla Instructora', user: instructor.id }, overrideAccess: true })
  await aula.payload.create({ collection: 'speakers', data: { name: 'Otro Instructor', user: otherInstructor.id }, overrideAccess: true })
  const course = await createCourse(aula.payload, {
    title: 'Excel avanzado',
    regularPrice: 0,
    instructors: [speaker.id],
    modules: [
      {
        title: 'Fórmulas',
        sessions: [
          { date: SESSION_ONE_START, name: 'Sesión 1', durationHours: 2, meetingLink: 'https://zoom.us/j/1' },
          { date: '2030-03-10T14:00:00.000Z', name: 'Sesión 2', durationHours: 2, meetingLink: 'https://zoom.us/j/1' },
        ],
      },
    ],
  })
  courseId = course.id
  sessionOne = (course as any).modules[0].sessions[0].id
  sessionTwo = (course as any).modules[0].sessions[1].id
  const webinar = await createWebinar(aula.payload, { title: 'Power BI en una hora', speakers: [speaker.id], startsAt: '2030-03-05T23:00:00.000Z', durationMinutes: 60 })
  webinarId = webinar.id
  for (const name of ['ana', 'luis', 'eva', 'gone', 'mia'] as const) {
    people[name] = await aula.createUser(['student'], { firstName: name, lastName: 'Estudiante' })
    const doc = await aula.payload.create({ collection: 'enrollments', data: { user: people[name].id, item: { relationTo: 'courses', value: courseId }, status: 'confirmed' } as never, overrideAccess: true })
    enrollmentOf[name] = doc.id as number
  }
  await aula.payload.update({ collection: 'enrollments', id: enrollmentOf.gone, data: { status: 'cancelled' }, overrideAccess: true })
  const webinarEnrollment = await aula.payload.create({ collection: 'enrollments', data: { user: people.ana.id, item: { relationTo: 'webinars', value: webinarId }, status: 'confirmed' } as never, overrideAccess: true })
  enrollmentOf['ana-webinar'] = webinarEnrollment.id as number
})

afterAll(async () => {
  await aula.close()
})

afterEach(() => {
  delete process.env.RATE_LIMIT_CHECK_IN_PER_IP
})

describe('the code the instructor shows', () => {
  it('is 6 digits, names its window, and its QR decodes to the check-in page with the code', async () => {
    const response = await staffCode(sessionOne)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ state: 'not_open', opensAt: '2030-03-03T13:45:00.000Z', closesAt: '2030-03-03T16:00:00.000Z' })
    expect(response.body.code).toMatch(/^\d{6}$/)
    expect(response.body.url).toBe(`http://localhost:3000/api${checkInUrl(sessionOne)}?code=${response.body.code}`)
    const png = Buffer.from(String(response.body.qr).replace(/^data:image\/png;base64,/, ''), 'base64')
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(response.body.url)
  })

  it('differs per session, and changes when the session is moved', async () => {
    const before = await codeOf(sessionTwo)
    expect(before).not.toBe(await codeOf(sessionOne))
    const course = (await aula.payload.findByID({ collection: 'courses', id: courseId, depth: 0, overrideAccess: true })) as any
    const modules = course.modules.map((module: any) => ({
      ...module,
      sessions: module.sessions.map((session: any) => (session.id === sessionTwo ? { ...session, date: '2030-03-11T14:00:00.000Z' } : session)),
    }))
    await aula.payload.update({ collection: 'courses', id: courseId, data: { modules }, overrideAccess: true })
    expect(await codeOf(sessionTwo)).not.toBe(before)
  })

  it('is shown only to admins and the course’s instructors', async () => {
    expect((await staffCode(sessionOne, admin.token)).status).toBe(200)
    expect((await staffCode(sessionOne, otherInstructor.token)).status).toBe(403)
    expect((await staffCode(sessionOne, people.ana.token)).status).toBe(403)
    expect((await aula.api.get(`/courses/${courseId}/sessions/${sessionOne}/check-in-code`)).status).toBe(401)
  })
})

describe('a student entering the code', () => {
  it('is marked present during the session (source check_in), and a second try changes nothing', async () => {
    clock.set('2030-03-03T14:20:00.000Z')
    const code = await codeOf(sessionOne)
    const response = await aula.api.post(checkInUrl(sessionOne), { code }, { token: people.ana.token })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ result: 'recorded', present: true, sessionId: sessionOne })
    expect(await rowOf('ana', sessionOne)).toMatchObject({ present: true, source: 'check_in' })
    const again = await aula.api.post(checkInUrl(sessionOne), { code: `${code.slice(0, 3)} ${code.slice(3)}` }, { token: people.ana.token })
    expect(again.status).toBe(200)
    expect(again.body.result).toBe('unchanged')
    const enrollment = (await aula.payload.findByID({ collection: 'enrollments', id: enrollmentOf.ana, depth: 0, overrideAccess: true })) as any
    expect(enrollment.attended).toBe(true)
  })

  it('opens 15 minutes before the start: earlier the right code says when it opens (409)', async () => {
    const code = await codeOf(sessionOne)
    clock.set('2030-03-03T13:40:00.000Z')
    const early = await aula.api.post(checkInUrl(sessionOne), { code }, { token: people.eva.token })
    expect(early.status).toBe(409)
    expect(message(early.body)).toMatch(/abre|opens/)
    expect(await rowOf('eva', sessionOne)).toBeUndefined()
    clock.set('2030-03-03T13:46:00.000Z')
    expect((await aula.api.post(checkInUrl(sessionOne), { code }, { token: people.eva.token })).status).toBe(201)
  })

  it('expires when the session ends: the right code afterwards is 410, told apart from a wrong one (400)', async () => {
    const code = await codeOf(sessionOne)
    clock.set('2030-03-03T16:01:00.000Z')
    const late = await aula.api.post(checkInUrl(sessionOne), { code }, { token: people.mia.token })
    expect(late.status).toBe(410)
    expect(message(late.body)).toMatch(/expir/)
    const wrongCode = code === '000000' ? '000001' : '000000'
    const wrong = await aula.api.post(checkInUrl(sessionOne), { code: wrongCode }, { token: people.mia.token })
    expect(wrong.status).toBe(400)
    expect(errorPaths(wrong.body)).toEqual(['code'])
    expect(message(wrong.body)).not.toMatch(/expir/)
    expect(await rowOf('mia', sessionOne)).toBeUndefined()
  })

  it('refuses another session’s code and anything that is not 6 digits', async () => {
    clock.set('2030-03-11T14:30:00.000Z')
    const sessionOneCode = await codeOf(sessionOne)
    const wrong = await aula.api.post(checkInUrl(sessionTwo), { code: sessionOneCode }, { token: people.mia.token })
    expect(wrong.status).toBe(400)
    expect(errorPaths(wrong.body)).toEqual(['code'])
    const junk = await aula.api.post(checkInUrl(sessionTwo), { code: '12ab56' }, { token: people.mia.token })
    expect(junk.status).toBe(400)
    expect(errorPaths(junk.body)).toEqual(['code'])
    expect((await aula.api.post(checkInUrl(sessionTwo), { code: await codeOf(sessionTwo) }, { token: people.mia.token })).status).toBe(201)
  })

  it('refuses someone not enrolled, or whose enrollment was cancelled (403), even with the right code, and asks anonymous callers to log in (401)', async () => {
    clock.set('2030-03-11T14:40:00.000Z')
    const code = await codeOf(sessionTwo)
    expect((await aula.api.post(checkInUrl(sessionTwo), { code }, { token: outsider.token })).status).toBe(403)
    expect((await aula.api.post(checkInUrl(sessionTwo), { code }, { token: people.gone.token })).status).toBe(403)
    expect(await rowOf('gone', sessionTwo)).toBeUndefined()
    expect((await aula.api.post(checkInUrl(sessionTwo), { code })).status).toBe(401)
    expect((await aula.api.post(`/courses/${courseId}/sessions/nope/check-in`, { code }, { token: people.ana.token })).status).toBe(404)
  })

  it('works for a webinar (one meeting, no session id)', async () => {
    clock.set('2030-03-05T23:10:00.000Z')
    const staff = await aula.api.get(`/webinars/${webinarId}/check-in-code`, { token: instructor.token })
    expect(staff.status).toBe(200)
    expect(staff.body.state).toBe('open')
    const response = await aula.api.post(`/webinars/${webinarId}/check-in`, { code: staff.body.code }, { token: people.ana.token })
    expect(response.status).toBe(201)
    expect(await rowOf('ana-webinar', null)).toMatchObject({ present: true, source: 'check_in' })
  })
})

describe('guessing', () => {
  it('runs out after 10 attempts per student: the 11th is a 429, even with the right code, and other students are not affected', async () => {
    clock.set('2030-03-11T15:00:00.000Z')
    const code = await codeOf(sessionTwo)
    const wrong = code === '999999' ? '999998' : '999999'
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await aula.api.post(checkInUrl(sessionTwo), { code: wrong }, { token: people.luis.token })).status).toBe(400)
    }
    const blocked = await aula.api.post(checkInUrl(sessionTwo), { code }, { token: people.luis.token })
    expect(blocked.status).toBe(429)
    expect(message(blocked.body)).toMatch(/intentos|attempts/)
    expect(await rowOf('luis', sessionTwo)).toBeUndefined()
    expect((await aula.api.post(checkInUrl(sessionTwo), { code }, { token: people.eva.token })).status).toBe(201)
  })

  it('also counts per address: many accounts guessing from one address are stopped', async () => {
    process.env.RATE_LIMIT_CHECK_IN_PER_IP = '3'
    const headers = { 'x-forwarded-for': '203.0.113.77' }
    for (const name of ['ana', 'mia', 'eva'] as const) {
      expect((await aula.api.post(checkInUrl(sessionTwo), { code: '123' }, { token: people[name].token, headers })).status).toBe(400)
    }
    expect((await aula.api.post(checkInUrl(sessionTwo), { code: '123' }, { token: outsider.token, headers })).status).toBe(429)
  })
})

describe('the check-in page the QR opens', () => {
  it('shows the session and a login form to someone not logged in, with Aula’s page headers and no script', async () => {
    clock.set('2030-03-03T14:30:00.000Z')
    const code = await codeOf(sessionOne)
    const page = await aula.api.get(`${checkInUrl(sessionOne)}?code=${code}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.text).toContain('Excel avanzado')
    expect(page.text).toContain('name="password"')
    expect(page.text).toContain(`value="${code}"`)
    expect(page.text).not.toMatch(/<script/i)
  })

  it('logs the student in and checks them in from the form, answering with a page and the session cookie', async () => {
    clock.set('2030-03-03T14:30:00.000Z')
    const code = await codeOf(sessionOne)
    const form = new URLSearchParams({ email: people.mia.email, password: people.mia.password, code }).toString()
    const response = await aula.api.post(checkInUrl(sessionOne), form, { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' } })
    expect(response.status).toBe(200)
    expect(response.text).toMatch(/Quedaste registrado|marked present/)
    expect(response.headers.get('set-cookie')).toMatch(/payload-token=/)
    expect(await rowOf('mia', sessionOne)).toMatchObject({ present: true, source: 'check_in' })
  })

  it('shows a wrong password or a wrong code on the page itself, and refuses the form from another site', async () => {
    clock.set('2030-03-03T14:30:00.000Z')
    const code = await codeOf(sessionOne)
    const badPassword = new URLSearchParams({ email: people.luis.email, password: 'nope', code }).toString()
    const wrongPassword = await aula.api.post(checkInUrl(sessionOne), badPassword, { headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(wrongPassword.status).toBe(401)
    expect(wrongPassword.text).toMatch(/contraseña incorrectos|Wrong email or password/)
    const crossSite = new URLSearchParams({ email: people.eva.email, password: people.eva.password, code }).toString()
    const refused = await aula.api.post(checkInUrl(sessionOne), crossSite, { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('set-cookie')).toBeNull()
  })
})

describe('the code itself', () => {
  it('comes from the secret: another secret gives another code for the same session', () => {
    const target = { collection: 'courses' as const, itemId: 1, sessionId: 'abc', startsAt: new Date(SESSION_ONE_START), endsAt: new Date('2030-03-03T16:00:00.000Z') }
    expect(checkInCode('secret-one', target)).not.toBe(checkInCode('secret-two', target))
    expect(checkInCode('secret-one', target)).toBe(checkInCode('secret-one', { ...target }))
  })
})

describe('a draft', () => {
  it('has no check-in page: its title is not shown to someone guessing ids', async () => {
    const draft = await createWebinar(aula.payload, { title: 'Borrador secreto', status: 'draft', startsAt: '2030-06-01T23:00:00.000Z' })
    const page = await aula.api.get(`/webinars/${draft.id}/check-in`)
    expect(page.status).toBe(404)
    expect(page.text).not.toContain('Borrador secreto')
  })
})
