import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * Read access leaking through queries and answers (docs/security.md, "Read access holds in
 * queries too"): filters and sorts on what the caller cannot read, trash, the email log's rows
 * about leads, the meeting link, and what an instructor may write on a participant's enrollment.
 */
type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const
const MEETING_LINK = 'https://zoom.us/j/987654321?pwd=secret'
let admin: Account, editor: Account, sales: Account, instructor: Account, student: Account, otherStudent: Account
let taughtWebinar: number, otherWebinar: number, trashedWebinar: number
let studentEnrollment: number, otherStudentEnrollment: number, instructorOwnEnrollment: number
let leadEmail: string

beforeAll(async () => {
  aula = await startTestAula({ clock })
  const { payload } = aula
  ;[admin, editor, sales, instructor, student, otherStudent] = await Promise.all(
    (['admin', 'editor', 'sales', 'instructor', 'student', 'student'] as const).map((role) => aula.createUser([role], { firstName: 'Zoe', lastName: `Secreta-${role}` })),
  )
  const speaker = await payload.create({ collection: 'speakers', data: { name: 'Carla Instructora', user: instructor.id }, ...over })
  taughtWebinar = (await createWebinar(payload, { speakers: [speaker.id], organizer: admin.id, meetingLink: MEETING_LINK, startsAt: '2030-05-20T15:00:00.000Z' })).id
  otherWebinar = (await createWebinar(payload, { organizer: editor.id, startsAt: '2030-05-20T15:00:00.000Z' })).id
  trashedWebinar = (await createWebinar(payload, { title: 'Retirado del catálogo' })).id
  // Moving to the trash is an update that sets deletedAt (the admin's "Move to trash").
  await payload.update({ collection: 'webinars', id: trashedWebinar, data: { deletedAt: '2030-01-09T12:00:00.000Z' } as never, ...over })
  expect((await payload.count({ collection: 'webinars', where: { id: { equals: trashedWebinar } }, trash: true, overrideAccess: true })).totalDocs).toBe(1)

  const register = async (webinarId: number, account: Account) => {
    const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: account.token })
    expect(response.status).toBe(201)
    return response.body.doc.id as number
  }
  studentEnrollment = await register(taughtWebinar, student)
  otherStudentEnrollment = await register(taughtWebinar, otherStudent)
  instructorOwnEnrollment = await register(otherWebinar, instructor)

  leadEmail = `lidia-${Date.now()}@example.com`
  const lead = await payload.create({ collection: 'leads', data: { firstName: 'Lidia', lastName: 'Prospecta', email: leadEmail } as never, ...over, context: { skipAssignment: true } })
  const logRow = (templateKey: string, to: string, key: string) =>
    payload.create({
      collection: 'email-log',
      data: { to, templateKey, locale: 'es', subject: 'Hola Lidia', relatedDocument: { relationTo: 'leads', value: lead.id }, variables: { firstName: 'Lidia', leadName: 'Lidia Prospecta' }, status: 'sent', attempts: 1, dedupeKey: key } as never,
      ...over,
    })
  await logRow('lead_received', leadEmail, `lead_received:${lead.id}`)
  // Not one of the lead emails by key, but about a lead all the same: the related document decides too.
  await logRow('enrollment_confirmed', leadEmail, `about-a-lead:${lead.id}`)
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const cannotBeQueried = (response: { status: number; body: any }, path: string) => {
  expect(response.status).toBe(400)
  expect(JSON.stringify(response.body.errors)).toContain(path)
  expect(response.body.docs).toBeUndefined()
}

describe('filters and sorts on what the caller cannot read', () => {
  it('a student filtering the catalog by the organizer’s email (an oracle for it) gets the “cannot be queried” 400', async () => {
    const response = await aula.api.get(`/webinars?where[organizer.email][equals]=${encodeURIComponent(admin.email)}`, { token: student.token })
    cannotBeQueried(response, 'organizer.email')
  })

  it.each([
    ['the organizer’s roles', 'where[organizer.roles][contains]=admin', 'organizer.roles'],
    ['the organizer’s email, inside or/and', 'where[or][0][and][0][organizer.email][like]=admin&where[or][1][title][like]=x', 'organizer.email'],
    ['the organizer itself (a user id the public cannot look up)', `where[organizer][equals]=${1}`, 'organizer'],
    ['the meeting link', 'where[meetingLink][like]=zoom', 'meetingLink'],
  ])('an anonymous caller filtering webinars by %s is refused', async (_, query, path) => {
    cannotBeQueried(await aula.api.get(`/webinars?${query}`), path)
  })

  it.each([
    ['the organizer’s email', 'organizer.email'],
    ['the organizer’s email, descending, after a readable key', 'title,-organizer.email'],
    ['the meeting link', 'meetingLink'],
    ['a speaker’s account email (two relationships away)', 'speakers.user.email'],
  ])('a student sorting the catalog by %s is refused', async (_, sort) => {
    const path = sort.split(',').pop()!.replace(/^-/, '')
    cannotBeQueried(await aula.api.get(`/webinars?sort=${encodeURIComponent(sort)}`, { token: student.token }), path)
  })

  it('an instructor filtering or sorting their participants by the students’ accounts is refused', async () => {
    const byEmail = await aula.api.get(`/enrollments?where[user.email][equals]=${encodeURIComponent(otherStudent.email)}`, { token: instructor.token })
    cannotBeQueried(byEmail, 'user.email')
    const byName = await aula.api.get('/enrollments?sort=user.lastName', { token: instructor.token })
    cannotBeQueried(byName, 'user.lastName')
  })

  it('an instructor sorting webinars through a speaker’s account (two relationships) is refused', async () => {
    cannotBeQueried(await aula.api.get('/webinars?sort=speakers.user.email', { token: instructor.token }), 'speakers.user.email')
  })

  it('an instructor bulk-updating enrollments picked by the students’ emails changes nothing', async () => {
    const response = await aula.api.patch(`/enrollments?where[user.email][equals]=${encodeURIComponent(otherStudent.email)}`, { attended: true }, { token: instructor.token })
    expect(response.status).toBe(400)
    expect((await aula.payload.findByID({ collection: 'enrollments', id: otherStudentEnrollment, ...over })).attended).toBe(false)
  })

  it('GraphQL sorts are held to the same rule (student on the catalog, instructor on enrollments)', async () => {
    const catalog = await aula.api.graphql('{ Webinars(sort: "organizer.email") { docs { id } } }', {}, student.token)
    expect(catalog.body.data?.Webinars ?? null).toBeNull()
    expect(JSON.stringify(catalog.body.errors)).toContain('organizer.email')
    const enrollments = await aula.api.graphql('{ Enrollments(sort: "user__email") { docs { id } } }', {}, instructor.token)
    expect(enrollments.body.data?.Enrollments ?? null).toBeNull()
    expect(JSON.stringify(enrollments.body.errors)).toContain('user.email')
  })

  it('GraphQL filters on the meeting link are refused for anonymous callers', async () => {
    const response = await aula.api.graphql('{ Webinars(where: { meetingLink: { like: "zoom" } }) { docs { id } } }')
    expect(response.body.data?.Webinars ?? null).toBeNull()
    expect(JSON.stringify(response.body.errors)).toContain('meetingLink')
  })

  it('readable paths still filter and sort: a speaker’s name, the category, and staff on users they read', async () => {
    expect((await aula.api.get('/webinars?where[speakers.name][like]=carla&sort=title', { token: student.token })).body.docs.map((doc: any) => doc.id)).toEqual([taughtWebinar])
    expect((await aula.api.get('/webinars?where[category.slug][equals]=none&sort=-startsAt')).status).toBe(200)
    const byOrganizer = await aula.api.get(`/webinars?where[organizer.email][equals]=${encodeURIComponent(admin.email)}&sort=organizer.email`, { token: editor.token })
    expect(byOrganizer.body.docs.map((doc: any) => doc.id)).toEqual([taughtWebinar])
    const participants = await aula.api.get(`/enrollments?where[user.email][equals]=${encodeURIComponent(otherStudent.email)}`, { token: sales.token })
    expect(participants.body.docs.map((doc: any) => doc.id)).toEqual([otherStudentEnrollment])
    expect((await aula.api.get(`/enrollments?where[user][equals]=${otherStudent.id}&sort=-createdAt`, { token: instructor.token })).body.docs.map((doc: any) => doc.id)).toEqual([otherStudentEnrollment])
  })
})

describe('trash is for staff', () => {
  it.each([
    ['an anonymous caller', () => undefined],
    ['a student', () => student.token],
  ])('%s asking for deleted webinars gets a 403, not the documents (REST list, REST by id, GraphQL)', async (_, token) => {
    const list = await aula.api.get('/webinars?trash=true&limit=100', { token: token() })
    expect(list.status).toBe(403)
    expect(list.text).not.toContain('Retirado del catálogo')
    const one = await aula.api.get(`/webinars/${trashedWebinar}?trash=true`, { token: token() })
    expect(one.status).toBe(403)
    expect(one.text).not.toContain('Retirado del catálogo')
    const graphql = await aula.api.graphql('{ Webinars(trash: true, limit: 100) { docs { id title } } }', {}, token())
    expect(graphql.text).not.toContain('Retirado del catálogo')
    expect(graphql.body.data?.Webinars ?? null).toBeNull()
  })

  it('an editor still reads the trash', async () => {
    const list = await aula.api.get(`/webinars?trash=true&where[id][equals]=${trashedWebinar}`, { token: editor.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: any) => doc.id)).toEqual([trashedWebinar])
  })
})

describe('the email log and leads', () => {
  it('an editor reads no email-log row about a lead (REST list, by id, filtered, GraphQL)', async () => {
    const leadRows = await aula.payload.find({ collection: 'email-log', where: { to: { equals: leadEmail } }, ...over })
    expect(leadRows.totalDocs).toBe(2)
    const list = await aula.api.get('/email-log?limit=500', { token: editor.token })
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.text).not.toContain(leadEmail)
    expect(list.text).not.toContain('Lidia')
    const [received, otherAboutLead] = [leadRows.docs.find((row) => row.templateKey === 'lead_received')!, leadRows.docs.find((row) => row.templateKey !== 'lead_received')!]
    expect((await aula.api.get(`/email-log/${received.id}`, { token: editor.token })).status).toBe(404)
    const filtered = await aula.api.get(`/email-log?where[templateKey][in]=lead_received,lead_assigned,sales_followup_digest`, { token: editor.token })
    expect(filtered.body.totalDocs).toBe(0)
    // A row about a lead filed under another template: listed, but without the lead's address, subject or variables.
    const stripped = await aula.api.get(`/email-log/${otherAboutLead.id}`, { token: editor.token })
    expect(stripped.status).toBe(200)
    expect(stripped.body).not.toHaveProperty('to')
    expect(stripped.body).not.toHaveProperty('variables')
    expect(stripped.text).not.toContain('Lidia')
    const graphql = await aula.api.graphql('{ EmailLogs(limit: 500) { docs { to variables } } }', {}, editor.token)
    expect(graphql.body.data.EmailLogs.docs.length).toBeGreaterThan(0)
    expect(graphql.text).not.toContain(leadEmail)
  })

  it('an admin still reads them, and an editor still reads the enrollment emails', async () => {
    const forAdmin = await aula.api.get(`/email-log?where[to][equals]=${encodeURIComponent(leadEmail)}`, { token: admin.token })
    expect(forAdmin.body.totalDocs).toBe(2)
    expect(forAdmin.text).toContain('Lidia')
    const forEditor = await aula.api.get(`/email-log?where[to][equals]=${encodeURIComponent(student.email)}`, { token: editor.token })
    expect(forEditor.body.totalDocs).toBeGreaterThan(0)
  })
})

describe('the meeting link', () => {
  // A confirmed registrant may read it (tests/security/meeting-link.security.spec.ts); a student of nothing may not.
  let outsider: Account
  beforeAll(async () => {
    outsider = await aula.createUser(['student'])
  })
  const callers: [string, () => string | undefined][] = [
    ['an anonymous caller', () => undefined],
    ['a student not registered for the webinar', () => outsider.token],
  ]

  it.each(callers)('%s reads no meetingLink (REST list, by id, select, populated, GraphQL)', async (_, token) => {
    const list = await aula.api.get('/webinars?limit=100', { token: token() })
    expect(list.status).toBe(200)
    expect(list.body.docs.some((doc: any) => doc.id === taughtWebinar)).toBe(true)
    const one = await aula.api.get(`/webinars/${taughtWebinar}`, { token: token() })
    const selected = await aula.api.get(`/webinars/${taughtWebinar}?select[meetingLink]=true&select[title]=true`, { token: token() })
    const graphql = await aula.api.graphql(`{ Webinar(id: ${taughtWebinar}) { title meetingLink } Webinars(limit: 100) { docs { meetingLink } } }`, {}, token())
    for (const response of [list, one, selected, graphql]) expect(response.text).not.toContain('zoom.us/j/987654321')
    expect(one.body.meetingLink).toBeUndefined()
    expect(graphql.body.data.Webinar.meetingLink).toBeNull()
  })

  it('a confirmed registrant reads the link through their own enrollment’s item, where it is theirs to have', async () => {
    const own = await aula.api.get(`/enrollments/${studentEnrollment}?depth=1`, { token: student.token })
    expect(own.status).toBe(200)
    expect(own.body.item.value.id).toBe(taughtWebinar)
    expect(own.body.item.value.meetingLink).toBe(MEETING_LINK)
  })

  it('the anonymous catalog cache serves no link, even after staff read the same URL', async () => {
    expect((await aula.api.get(`/webinars/${taughtWebinar}`, { token: editor.token })).body.meetingLink).toBe(MEETING_LINK)
    for (let round = 0; round < 2; round += 1) expect((await aula.api.get(`/webinars/${taughtWebinar}`)).text).not.toContain('zoom.us/j/987654321')
  })

  it('staff read it, and the registrant’s confirmation email carries it', async () => {
    expect((await aula.api.get(`/webinars/${taughtWebinar}`, { token: instructor.token })).body.meetingLink).toBe(MEETING_LINK)
    const graphql = await aula.api.graphql(`{ Webinar(id: ${taughtWebinar}) { meetingLink } }`, {}, editor.token)
    expect(graphql.body.data.Webinar.meetingLink).toBe(MEETING_LINK)
    const confirmation = await aula.payload.find({ collection: 'email-log', where: { and: [{ to: { equals: student.email } }, { templateKey: { equals: 'enrollment_confirmed' } }] }, ...over })
    expect(confirmation.docs[0]?.variables).toMatchObject({ meetingLink: MEETING_LINK })
  })
})

describe('what an instructor may write on a participant’s enrollment', () => {
  const stored = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, ...over })
  // Feedback opens when the webinar starts; before that nobody could write it anyway.
  beforeAll(() => clock.set('2030-05-21T12:00:00.000Z'))

  it('an instructor writing a student’s feedback (REST) changes nothing', async () => {
    const response = await aula.api.patch(`/enrollments/${studentEnrollment}`, { feedbackRating: 1, feedbackComment: 'Written by the instructor' }, { token: instructor.token })
    expect(response.status).toBeLessThan(500)
    const after = await stored(studentEnrollment)
    expect(after.feedbackRating ?? null).toBeNull()
    expect(after.feedbackComment ?? null).toBeNull()
  })

  it('an instructor writing a student’s feedback (GraphQL) changes nothing', async () => {
    const response = await aula.api.graphql(`mutation { updateEnrollment(id: ${otherStudentEnrollment}, data: { feedbackRating: 5, feedbackComment: "Forged" }) { id } }`, {}, instructor.token)
    expect(response.status).toBeLessThan(500)
    const after = await stored(otherStudentEnrollment)
    expect(after.feedbackRating ?? null).toBeNull()
    expect(after.feedbackComment ?? null).toBeNull()
  })

  it.each([{ status: 'cancelled' }, { paymentStatus: 'paid' }, { amount: 0 }, { cancellationReason: 'forged' }, { user: 1 }])(
    'an instructor cannot write %p on a participant’s enrollment',
    async (data) => {
      const before = await stored(otherStudentEnrollment)
      await aula.api.patch(`/enrollments/${otherStudentEnrollment}`, data, { token: instructor.token })
      const [field] = Object.keys(data) as (keyof typeof before)[]
      expect((await stored(otherStudentEnrollment))[field]).toEqual(before[field])
    },
  )

  it('an instructor records attendance of their participant; the completion they type is ignored, it follows the record', async () => {
    const response = await aula.api.patch(`/enrollments/${studentEnrollment}`, { attended: true, completionPercentage: 80 }, { token: instructor.token })
    expect(response.status).toBe(200)
    // A webinar attended is a webinar completed (src/attendance/completion.ts), whatever was sent.
    expect(await stored(studentEnrollment)).toMatchObject({ attended: true, completionPercentage: 100 })
    const rows = await aula.payload.find({ collection: 'attendance', where: { enrollment: { equals: studentEnrollment } }, ...over })
    expect(rows.docs.map((row) => ({ present: row.present, recordedBy: row.recordedBy }))).toEqual([{ present: true, recordedBy: instructor.id }])
  })

  it('nobody types completion, not even an admin: it is computed', async () => {
    for (const data of [{ completionPercentage: 42 }, { completedAt: '2030-01-01T00:00:00.000Z' }]) {
      await aula.api.patch(`/enrollments/${studentEnrollment}`, data, { token: admin.token })
      await aula.api.graphql('mutation ($id: Int!) { updateEnrollment(id: $id, data: { completionPercentage: 42 }) { id } }', { id: studentEnrollment }, admin.token)
    }
    expect(await stored(studentEnrollment)).toMatchObject({ completionPercentage: 100 })
    expect((await stored(studentEnrollment)).completedAt).not.toBe('2030-01-01T00:00:00.000Z')
  })

  it('an instructor cannot mark their own attendance in someone else’s webinar', async () => {
    await aula.api.patch(`/enrollments/${instructorOwnEnrollment}`, { attended: true, completionPercentage: 100 }, { token: instructor.token })
    expect(await stored(instructorOwnEnrollment)).toMatchObject({ attended: false })
    expect((await stored(instructorOwnEnrollment)).completionPercentage ?? null).toBeNull()
  })

  // Feedback goes through the signed link only (tests/security/feedback-link.security.spec.ts).
  it('the student writing their own feedback through the API is refused, naming the field, and nothing changes', async () => {
    const response = await aula.api.patch(`/enrollments/${studentEnrollment}`, { feedbackRating: 5, feedbackComment: 'Muy útil', completionPercentage: 5 }, { token: student.token })
    expect(response.status).toBe(400)
    expect(['feedbackRating', 'feedbackComment']).toContain(response.body.errors[0].data.errors[0].path)
    expect(await stored(studentEnrollment)).toMatchObject({ feedbackRating: null, feedbackComment: null, completionPercentage: 100 })
  })
})

describe('signed links in the email log', () => {
  it('an editor reading the log gets no working cancel link of someone else’s (REST and GraphQL); an admin and the pipeline do', async () => {
    const where = `where[and][0][to][equals]=${encodeURIComponent(student.email)}&where[and][1][templateKey][equals]=enrollment_confirmed`
    const asEditor = await aula.api.get(`/email-log?${where}`, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.docs).toHaveLength(1)
    expect(asEditor.body.docs[0].variables.cancelUrl).toBe('[hidden]')
    expect(asEditor.body.docs[0].variables.title).toBeTruthy()
    const graphql = await aula.api.graphql(`{ EmailLogs(where: { to: { equals: "${student.email}" } }) { docs { variables } } }`, {}, editor.token)
    expect(JSON.stringify(graphql.body.data.EmailLogs.docs)).not.toMatch(/token=|\/cancel/)

    const asAdmin = await aula.api.get(`/email-log?${where}`, { token: admin.token })
    expect(asAdmin.body.docs[0].variables.cancelUrl).toMatch(/^https?:\/\//)
    const forThePipeline = await aula.payload.find({ collection: 'email-log', where: { and: [{ to: { equals: student.email } }, { templateKey: { equals: 'enrollment_confirmed' } }] }, ...over })
    expect(forThePipeline.docs[0]?.variables).toMatchObject({ cancelUrl: asAdmin.body.docs[0].variables.cancelUrl })
  })
})
