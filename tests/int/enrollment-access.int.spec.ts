import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let admin: Account, editor: Account, sales: Account, instructor: Account, otherInstructor: Account, student: Account, otherStudent: Account
let taughtWebinar: { id: number }, otherWebinar: { id: number }, taughtCourse: { id: number }
const enrollmentIds: Record<string, number> = {}

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, editor, sales, instructor, otherInstructor, student, otherStudent] = await Promise.all(
    (['admin', 'editor', 'sales', 'instructor', 'instructor', 'student', 'student'] as const).map((role) => aula.createUser([role])),
  )
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Carla Instructora', user: instructor.id }, overrideAccess: true })
  taughtWebinar = await createWebinar(aula.payload, { speakers: [speaker.id], title: 'Taller de datos' })
  otherWebinar = await createWebinar(aula.payload)
  taughtCourse = await createCourse(aula.payload, { regularPrice: 0, instructors: [speaker.id] })
  const enroll = async (key: string, path: string, token: string) => {
    enrollmentIds[key] = (await aula.api.post(path, undefined, { token })).body.doc.id
  }
  await enroll('studentTaught', `/webinars/${taughtWebinar.id}/register`, student.token)
  await enroll('studentOther', `/webinars/${otherWebinar.id}/register`, student.token)
  await enroll('otherTaught', `/webinars/${taughtWebinar.id}/register`, otherStudent.token)
  await enroll('otherCourse', `/courses/${taughtCourse.id}/enroll`, otherStudent.token)
})

afterAll(async () => {
  await aula.close()
})

const visibleIds = async (token?: string) => {
  const response = await aula.api.get('/enrollments?limit=100&depth=0', { token })
  return response.status === 200 ? response.body.docs.map((doc: { id: number }) => doc.id).sort() : response.status
}
const graphqlIds = async (token?: string) => {
  const response = await aula.api.graphql('{ Enrollments(limit: 100) { docs { id } } }', {}, token)
  return response.body.data?.Enrollments ? response.body.data.Enrollments.docs.map((doc: { id: number }) => doc.id).sort() : 'denied'
}
const ids = (...keys: string[]) => keys.map((key) => enrollmentIds[key]).sort()

describe('who reads enrollments (REST and GraphQL)', () => {
  it('anonymous callers read none', async () => {
    expect(await visibleIds()).toBe(403)
    expect(await graphqlIds()).toBe('denied')
  })

  it('a student reads only their own', async () => {
    expect(await visibleIds(student.token)).toEqual(ids('studentTaught', 'studentOther'))
    expect(await graphqlIds(student.token)).toEqual(ids('studentTaught', 'studentOther'))
  })

  it('an instructor reads the enrollments of the webinars and courses they present or teach', async () => {
    expect(await visibleIds(instructor.token)).toEqual(ids('studentTaught', 'otherTaught', 'otherCourse'))
    expect(await graphqlIds(instructor.token)).toEqual(ids('studentTaught', 'otherTaught', 'otherCourse'))
    expect(await visibleIds(otherInstructor.token)).toEqual([])
  })

  it('admins, editors and sales read all of them', async () => {
    const all = ids('studentTaught', 'studentOther', 'otherTaught', 'otherCourse')
    for (const account of [admin, editor, sales]) {
      expect(await visibleIds(account.token)).toEqual(all)
      expect(await graphqlIds(account.token)).toEqual(all)
    }
  })
})

describe('who changes enrollments', () => {
  it('a student cannot change status, amount, payment status or attendance of their own enrollment', async () => {
    const id = enrollmentIds.studentTaught
    await aula.api.patch(`/enrollments/${id}`, { status: 'cancelled', amount: 0, paymentStatus: 'paid', attended: true }, { token: student.token })
    await aula.api.graphql('mutation ($id: Int!) { updateEnrollment(id: $id, data: { attended: true }) { id } }', { id }, student.token)
    const doc = await aula.payload.findByID({ collection: 'enrollments', id, overrideAccess: true, depth: 0 })
    expect(doc).toMatchObject({ status: 'confirmed', amount: 0, paymentStatus: 'not_required', attended: false })
  })

  it('the instructor marks attendance of their participants, but not elsewhere and not the status', async () => {
    const mine = await aula.api.patch(`/enrollments/${enrollmentIds.otherTaught}`, { attended: true, status: 'cancelled' }, { token: instructor.token })
    expect(mine.status).toBe(200)
    expect(mine.body.doc).toMatchObject({ attended: true, status: 'confirmed' })
    const elsewhere = await aula.api.patch(`/enrollments/${enrollmentIds.studentOther}`, { attended: true }, { token: instructor.token })
    expect([403, 404]).toContain(elsewhere.status)
  })

  it('editors and sales only read; only admins delete', async () => {
    for (const account of [editor, sales]) {
      const response = await aula.api.patch(`/enrollments/${enrollmentIds.studentOther}`, { attended: true }, { token: account.token })
      expect(response.status).toBe(403)
      expect((await aula.api.delete(`/enrollments/${enrollmentIds.studentOther}`, { token: account.token })).status).toBe(403)
    }
    const extra = await aula.api.post(`/webinars/${otherWebinar.id}/register`, { email: `borrar-${Date.now()}@example.com`, firstName: 'B', lastName: 'C' })
    expect((await aula.api.delete(`/enrollments/${extra.body.doc.id}`, { token: admin.token })).status).toBe(200)
  })
})

describe('participant lists', () => {
  it('staff and the item’s own instructor get the list as JSON and CSV; others are refused', async () => {
    const json = await aula.api.get(`/webinars/${taughtWebinar.id}/attendees`, { token: instructor.token })
    expect(json.status).toBe(200)
    expect(json.body.totalDocs).toBe(2)
    expect(json.body.docs[0]).toEqual({
      name: 'Test student',
      email: student.email,
      phone: '',
      company: '',
      status: 'confirmed',
      registeredAt: expect.any(String),
      attended: false,
      // From the attendance records (src/attendance): nothing recorded yet.
      sessionsAttended: 0,
      sessionsTotal: 1,
      completionPercentage: null,
    })

    const csv = await aula.api.get(`/webinars/${taughtWebinar.id}/attendees?format=csv`, { token: sales.token })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = csv.text.trim().split('\r\n')
    expect(lines[0]).toBe('name,email,phone,company,status,registeredAt,attended,sessionsAttended,sessionsTotal,completionPercentage')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(student.email)

    const students = await aula.api.get(`/courses/${taughtCourse.id}/students`, { token: instructor.token })
    expect(students.body.docs.map((row: { email: string }) => row.email)).toEqual([otherStudent.email])

    expect((await aula.api.get(`/webinars/${taughtWebinar.id}/attendees`)).status).toBe(401)
    expect((await aula.api.get(`/webinars/${taughtWebinar.id}/attendees`, { token: student.token })).status).toBe(403)
    expect((await aula.api.get(`/webinars/${taughtWebinar.id}/attendees`, { token: otherInstructor.token })).status).toBe(403)
    expect((await aula.api.get(`/webinars/999999/attendees`, { token: admin.token })).status).toBe(404)
  })

  it('cells that a spreadsheet would run as formulas are neutralised in the CSV', async () => {
    const sneaky = await aula.api.post(`/webinars/${otherWebinar.id}/register`, { email: `formula-${Date.now()}@example.com`, firstName: '=HYPERLINK("x")', lastName: 'Z' })
    expect(sneaky.status).toBe(201)
    const csv = await aula.api.get(`/webinars/${otherWebinar.id}/attendees?format=csv`, { token: admin.token })
    expect(csv.text).toContain(`"'=HYPERLINK(""x"") Z"`)
  })
})
