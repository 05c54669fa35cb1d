import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * A course session's or a webinar's `meetingLink` opens the class: only staff and people with a
 * confirmed enrollment in that very course or webinar may read it (src/access/staffOrEnrolled.ts).
 * Anonymous callers, students of another item and people on the waiting list try every way in:
 * REST list and by id, `select`, populated relations, filters, GraphQL, and the anonymous cache.
 */
type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const
const COURSE_LINK = 'https://meet.example.com/curso-secreto'
const WEBINAR_LINK = 'https://zoom.us/j/55501?pwd=webinar-secreto'
let editor: Account, instructor: Account, enrolled: Account, waitlisted: Account, otherStudent: Account
let course: number, otherCourse: number, webinar: number, otherWebinar: number
let enrolledCourseEnrollment: number, enrolledWebinarEnrollment: number, otherStudentEnrollment: number

/** Free items: the first person takes the only seat (confirmed), the next one waits (waitlisted). */
const enroll = async (user: Account, relationTo: 'courses' | 'webinars', value: number) =>
  (await aula.payload.create({ collection: 'enrollments', data: { user: user.id, item: { relationTo, value } } as never, ...over })).id as number

beforeAll(async () => {
  aula = await startTestAula({ clock })
  const { payload } = aula
  ;[editor, instructor, enrolled, waitlisted, otherStudent] = await Promise.all(
    (['editor', 'instructor', 'student', 'student', 'student'] as const).map((role) => aula.createUser([role])),
  )
  const withLink = (link: string) => [{ title: 'Módulo', sessions: [{ date: '2030-03-05T00:00:00.000Z', name: 'Clase', durationHours: 2, meetingLink: link }] }]
  course = (await createCourse(payload, { modules: withLink(COURSE_LINK), capacity: 1, regularPrice: 0 })).id
  otherCourse = (await createCourse(payload, { modules: withLink('https://meet.example.com/otro-curso'), regularPrice: 0 })).id
  webinar = (await createWebinar(payload, { meetingLink: WEBINAR_LINK, capacity: 1 })).id
  otherWebinar = (await createWebinar(payload, { meetingLink: 'https://zoom.us/j/99999' })).id
  enrolledCourseEnrollment = await enroll(enrolled, 'courses', course)
  enrolledWebinarEnrollment = await enroll(enrolled, 'webinars', webinar)
  const waiting = [await enroll(waitlisted, 'courses', course), await enroll(waitlisted, 'webinars', webinar)]
  for (const id of waiting) expect((await payload.findByID({ collection: 'enrollments', id, ...over })).status).toBe('waitlisted')
  otherStudentEnrollment = await enroll(otherStudent, 'courses', otherCourse)
  await enroll(otherStudent, 'webinars', otherWebinar)
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const SECRETS = ['curso-secreto', 'webinar-secreto']
const courseQuery = (id: number) => `{ Course(id: ${id}) { title modules { sessions { name meetingLink } } } Courses(limit: 100) { docs { id modules { sessions { meetingLink } } } } }`
const webinarQuery = (id: number) => `{ Webinar(id: ${id}) { title meetingLink } Webinars(limit: 100) { docs { id meetingLink } } }`

/** Every way a caller reads the two items: each answer in a list. */
async function everyRead(token: string | undefined) {
  return [
    await aula.api.get('/courses?limit=100', { token }),
    await aula.api.get(`/courses/${course}`, { token }),
    await aula.api.get(`/courses/${course}?select[modules]=true`, { token }),
    await aula.api.get('/webinars?limit=100', { token }),
    await aula.api.get(`/webinars/${webinar}`, { token }),
    await aula.api.get(`/webinars/${webinar}?select[meetingLink]=true`, { token }),
    await aula.api.graphql(courseQuery(course), {}, token),
    await aula.api.graphql(webinarQuery(webinar), {}, token),
  ]
}

describe('people who may not read the meeting link', () => {
  const callers: [string, () => string | undefined][] = [
    ['an anonymous caller', () => undefined],
    ['a student confirmed in another course and webinar', () => otherStudent.token],
    ['a student on the waiting list of this course and webinar', () => waitlisted.token],
  ]

  it.each(callers)('%s reads the schedule but no link (REST list, by id, select, GraphQL)', async (_, token) => {
    const answers = await everyRead(token())
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      for (const secret of SECRETS) expect(answer.text).not.toContain(secret)
    }
    // The schedule itself is public: dates, names and durations.
    expect(answers[1]!.body.modules[0].sessions[0]).toMatchObject({ name: 'Clase', date: '2030-03-05T00:00:00.000Z', durationHours: 2 })
    expect(answers[1]!.body.modules[0].sessions[0].meetingLink).toBeUndefined()
    expect(answers[7]!.body.data.Webinar.meetingLink).toBeNull()
  })

  it('a student of another course gets no link through their own enrollment populated, and nobody probes links by filtering or sorting', async () => {
    const own = await aula.api.get(`/enrollments/${otherStudentEnrollment}?depth=1`, { token: otherStudent.token })
    expect(own.status).toBe(200)
    expect(own.body.item.value.modules[0].sessions[0].meetingLink).toBe('https://meet.example.com/otro-curso')
    const probes = [
      await aula.api.get(`/courses?where[modules.sessions.meetingLink][like]=secreto`, { token: otherStudent.token }),
      await aula.api.get(`/webinars?where[meetingLink][like]=secreto`, { token: otherStudent.token }),
      await aula.api.get(`/webinars?where[meetingLink][like]=secreto`),
      // Even a confirmed student may not use the field as an oracle on the other items.
      await aula.api.get(`/webinars?where[meetingLink][like]=99999`, { token: enrolled.token }),
      await aula.api.get(`/courses?sort=modules.sessions.meetingLink`, { token: enrolled.token }),
    ]
    for (const probe of probes) {
      expect(probe.status).toBe(400)
      expect(probe.text).toContain('meetingLink')
      for (const secret of SECRETS) expect(probe.text).not.toContain(secret)
    }
  })
})

describe('people who may read it', () => {
  it('a student confirmed in the course and the webinar reads both links (REST, GraphQL, their enrollment populated), and no other item’s', async () => {
    const answers = await everyRead(enrolled.token)
    expect(answers[1]!.body.modules[0].sessions[0].meetingLink).toBe(COURSE_LINK)
    expect(answers[4]!.body.meetingLink).toBe(WEBINAR_LINK)
    expect(answers[6]!.body.data.Course.modules[0].sessions[0].meetingLink).toBe(COURSE_LINK)
    expect(answers[7]!.body.data.Webinar.meetingLink).toBe(WEBINAR_LINK)
    for (const list of [answers[0]!.text, answers[3]!.text, JSON.stringify(answers[6]!.body), JSON.stringify(answers[7]!.body)]) {
      expect(list).not.toContain('otro-curso')
      expect(list).not.toContain('zoom.us/j/99999')
    }
    const viaCourse = await aula.api.get(`/enrollments/${enrolledCourseEnrollment}?depth=1`, { token: enrolled.token })
    const viaWebinar = await aula.api.get(`/enrollments/${enrolledWebinarEnrollment}?depth=1`, { token: enrolled.token })
    expect(viaCourse.body.item.value.modules[0].sessions[0].meetingLink).toBe(COURSE_LINK)
    expect(viaWebinar.body.item.value.meetingLink).toBe(WEBINAR_LINK)
  })

  it('staff read every link, as before', async () => {
    for (const account of [editor, instructor]) {
      expect((await aula.api.get(`/courses/${otherCourse}`, { token: account.token })).body.modules[0].sessions[0].meetingLink).toBe('https://meet.example.com/otro-curso')
      expect((await aula.api.get(`/webinars/${webinar}`, { token: account.token })).body.meetingLink).toBe(WEBINAR_LINK)
    }
  })

  it('a cancelled enrollment loses the link', async () => {
    const leaving = await aula.createUser(['student'])
    const open = (await createWebinar(aula.payload, { meetingLink: 'https://zoom.us/j/777?pwd=abierto' })).id
    const enrollment = await enroll(leaving, 'webinars', open)
    expect((await aula.api.get(`/webinars/${open}`, { token: leaving.token })).body.meetingLink).toBe('https://zoom.us/j/777?pwd=abierto')
    await aula.payload.update({ collection: 'enrollments', id: enrollment, data: { status: 'cancelled' } as never, ...over })
    expect((await aula.api.get(`/webinars/${open}`, { token: leaving.token })).text).not.toContain('pwd=abierto')
  })
})

describe('the public catalogue cache', () => {
  it('an enrolled student’s answer is never served to an anonymous caller, and is never marked shareable', async () => {
    for (const path of [`/webinars/${webinar}`, `/courses/${course}`, '/webinars?limit=100']) {
      const mine = await aula.api.get(path, { token: enrolled.token })
      expect(mine.text).toMatch(/secreto/)
      expect(mine.headers.get('cache-control')).toBe('private, no-store')
      for (let round = 0; round < 2; round += 1) {
        const anonymous = await aula.api.get(path)
        expect(anonymous.status).toBe(200)
        for (const secret of SECRETS) expect(anonymous.text).not.toContain(secret)
        expect(anonymous.headers.get('cache-control')).toMatch(/^public/)
      }
      const stranger = await aula.api.get(path, { token: otherStudent.token })
      for (const secret of SECRETS) expect(stranger.text).not.toContain(secret)
    }
  })
})
