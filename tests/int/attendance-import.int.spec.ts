import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

/**
 * Importing the participants report Zoom, Google Meet or Teams exports: people matched by email
 * among the item's confirmed enrollments, rejoins added up, unmatched rows listed as the file wrote
 * them, the same file twice changing nothing, and hostile files refused before anything is written.
 */
const clock = new ManualClock('2030-03-01T12:00:00.000Z')
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let admin: Login
let instructor: Login
let otherInstructor: Login
let courseId: number
let webinarId: number
let sessionOne: string
let sessionTwo: string
const people: Record<'ana' | 'luis' | 'eva' | 'waiting', Login> = {} as never
const enrollmentOf: Record<string, number> = {}

const importUrl = (sessionId: string) => `/courses/${courseId}/sessions/${sessionId}/attendance/import`
const upload = (content: string | Uint8Array, name = 'report.csv') => {
  const form = new FormData()
  form.append('file', new Blob([content as BlobPart], { type: 'text/csv' }), name)
  return form
}
const rowsOf = async (sessionId: string | null) =>
  (
    await aula.payload.find({
      collection: 'attendance' as never,
      where: sessionId ? { sessionId: { equals: sessionId } } : { sessionId: { exists: false } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs as any[]
const attendanceCount = async () => (await aula.payload.count({ collection: 'attendance' as never, overrideAccess: true })).totalDocs
const enrollment = (name: string) => aula.payload.findByID({ collection: 'enrollments', id: enrollmentOf[name], depth: 0, overrideAccess: true }) as Promise<any>

const zoomReport = (ana: string, luis: string) =>
  '\uFEFF' +
  [
    'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
    '812 3456 7890,Clase 1,03/03/2030 09:00:00 AM,03/03/2030 11:00:00 AM,host@aula.local,120,5',
    '',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
    `Ana Núñez,${ana.toUpperCase()},03/03/2030 09:01:00 AM,03/03/2030 09:40:00 AM,39,No,Y`,
    `Ana Núñez (Ana N.),${ana},03/03/2030 09:45:00 AM,03/03/2030 10:59:00 AM,74,No,Y`,
    `Luis Ramírez,${luis},03/03/2030 09:00:00 AM,03/03/2030 09:30:00 AM,30,No,Y`,
    'Visitante Curioso,visita@otra.com,03/03/2030 09:00:00 AM,03/03/2030 10:30:00 AM,90,Yes,Y',
    `"=cmd|' /C calc'!A0",+1-555@evil.example,03/03/2030 09:00:00 AM,03/03/2030 10:00:00 AM,60,Yes,Y`,
    'Sin Correo,,03/03/2030 09:00:00 AM,03/03/2030 10:00:00 AM,60,Yes,Y',
  ].join('\r\n') +
  '\r\n'

beforeAll(async () => {
  aula = await startTestAula({ clock })
  admin = await aula.createUser(['admin'])
  instructor = await aula.createUser(['instructor'])
  otherInstructor = await aula.createUser(['instructor'])
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Carla Instructora', user: instructor.id }, overrideAccess: true })
  const otherSpeaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Otro Instructor', user: otherInstructor.id }, overrideAccess: true })
  const course = await createCourse(aula.payload, {
    title: 'Excel avanzado',
    regularPrice: 0,
    instructors: [speaker.id],
    modules: [
      {
        title: 'Fórmulas',
        sessions: [
          { date: '2030-03-03T14:00:00.000Z', name: 'Sesión 1', durationHours: 2, meetingLink: 'https://zoom.us/j/1' },
          { date: '2030-03-10T14:00:00.000Z', name: 'Sesión 2', durationHours: 2, meetingLink: 'https://zoom.us/j/1' },
        ],
      },
    ],
  })
  await createCourse(aula.payload, { title: 'Otro curso', modality: 'presential', instructors: [otherSpeaker.id] })
  courseId = course.id
  const sessions = (course as any).modules[0].sessions
  sessionOne = sessions[0].id
  sessionTwo = sessions[1].id
  const webinar = await createWebinar(aula.payload, { title: 'Power BI en una hora', speakers: [speaker.id], startsAt: '2030-03-05T23:00:00.000Z', durationMinutes: 60 })
  webinarId = webinar.id
  people.ana = await aula.createUser(['student'], { firstName: 'Ana', lastName: 'Núñez' })
  people.luis = await aula.createUser(['student'], { firstName: 'Luis', lastName: 'Ramírez' })
  people.eva = await aula.createUser(['student'], { firstName: 'Eva', lastName: 'Torres' })
  people.waiting = await aula.createUser(['student'], { firstName: 'Walter', lastName: 'Baja' })
  for (const name of ['ana', 'luis', 'eva', 'waiting'] as const) {
    const doc = await aula.payload.create({
      collection: 'enrollments',
      data: { user: people[name].id, item: { relationTo: 'courses', value: courseId }, status: 'confirmed' } as never,
      overrideAccess: true,
    })
    enrollmentOf[name] = doc.id as number
  }
  // Walter cancelled: he is no longer on the roster.
  await aula.payload.update({ collection: 'enrollments', id: enrollmentOf.waiting, data: { status: 'cancelled' }, overrideAccess: true })
  for (const name of ['ana', 'luis'] as const) {
    const doc = await aula.payload.create({ collection: 'enrollments', data: { user: people[name].id, item: { relationTo: 'webinars', value: webinarId }, status: 'confirmed' } as never, overrideAccess: true })
    enrollmentOf[`${name}-webinar`] = doc.id as number
  }
  clock.set('2030-03-03T17:00:00.000Z')
})

afterAll(async () => {
  await aula.close()
})

describe('a Zoom participants report', () => {
  it('adds up rejoins, matches emails whatever their case, marks present from half the session and lists who matched nobody', async () => {
    const response = await aula.api.post(importUrl(sessionOne), upload(zoomReport(people.ana.email, people.luis.email)), { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ format: 'zoom', sessionMinutes: 120, presentFromMinutes: 60, unchanged: [] })
    const matched = Object.fromEntries(response.body.matched.map((row: any) => [row.email, row]))
    expect(matched[people.ana.email]).toMatchObject({ enrollmentId: enrollmentOf.ana, name: 'Ana Núñez', minutes: 113, present: true })
    expect(matched[people.luis.email]).toMatchObject({ enrollmentId: enrollmentOf.luis, minutes: 30, present: false })
    expect(response.body.unmatched).toEqual([
      { name: 'Visitante Curioso', email: 'visita@otra.com', minutes: 90 },
      { name: "=cmd|' /C calc'!A0", email: '+1-555@evil.example', minutes: 60 },
      { name: 'Sin Correo', email: '', minutes: 60 },
    ])
    const rows = await rowsOf(sessionOne)
    expect(rows).toHaveLength(2)
    const byEnrollment = Object.fromEntries(rows.map((row) => [typeof row.enrollment === 'object' ? row.enrollment.id : row.enrollment, row]))
    expect(byEnrollment[enrollmentOf.ana]).toMatchObject({ present: true, minutesAttended: 113, source: 'import' })
    expect(byEnrollment[enrollmentOf.luis]).toMatchObject({ present: false, minutesAttended: 30, source: 'import' })
    // Ana was present at one of two 2-hour sessions: half the course's hours.
    expect(await enrollment('ana')).toMatchObject({ attended: true, completionPercentage: 50 })
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await rowsOf(sessionOne)
    clock.set('2030-03-03T18:00:00.000Z')
    const response = await aula.api.post(importUrl(sessionOne), upload(zoomReport(people.ana.email, people.luis.email)), { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.matched).toEqual([])
    expect(response.body.unchanged.map((row: any) => row.email).sort()).toEqual([people.ana.email, people.luis.email].sort())
    expect(response.body.unmatched).toHaveLength(3)
    const after = await rowsOf(sessionOne)
    expect(after.map((row) => [row.id, row.recordedAt, row.recordedBy, row.updatedAt])).toEqual(before.map((row) => [row.id, row.recordedAt, row.recordedBy, row.updatedAt]))
  })

  it('never unmarks someone the instructor ticked present: a short stay only adds the minutes', async () => {
    const roster = await aula.api.post(`/courses/${courseId}/sessions/${sessionTwo}/attendance`, { marks: [{ enrollmentId: enrollmentOf.eva, present: true }], source: 'roster' }, { token: instructor.token })
    expect(roster.status).toBe(200)
    const report = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', `Eva Torres,${people.eva.email},x,y,12`].join('\n')
    const response = await aula.api.post(importUrl(sessionTwo), upload(report), { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body.matched).toEqual([expect.objectContaining({ email: people.eva.email, minutes: 12, present: true })])
    const [row] = (await rowsOf(sessionTwo)).filter((each) => (each.enrollment?.id ?? each.enrollment) === enrollmentOf.eva)
    expect(row).toMatchObject({ present: true, minutesAttended: 12 })
  })

  it('treats a cancelled enrollment in the file as unmatched: only confirmed people attend', async () => {
    const report = ['Name (Original Name),User Email,Duration (Minutes)', `Walter Baja,${people.waiting.email},100`].join('\n')
    const response = await aula.api.post(importUrl(sessionTwo), upload(report), { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.unmatched).toEqual([{ name: 'Walter Baja', email: people.waiting.email, minutes: 100 }])
    expect(response.body.matched).toEqual([])
  })
})

describe('a Google Meet attendance file', () => {
  it('reads first and last name, "1 h 5 min" durations, and caps two devices at the session’s length', async () => {
    const report = [
      'First name,Last name,Email,Duration,Time joined,Time exited',
      `Ana,Núñez,${people.ana.email},1 h 5 min,9:00 AM,10:05 AM`,
      `Luis,Ramírez,${people.luis.email},1 hr 50 min,9:00 AM,10:50 AM`,
      `Luis,Ramírez,${people.luis.email.toUpperCase()},45 min,9:10 AM,9:55 AM`,
    ].join('\n')
    const response = await aula.api.post(importUrl(sessionTwo), upload(report), { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body.format).toBe('meet')
    const matched = Object.fromEntries(response.body.matched.map((row: any) => [row.email, row]))
    expect(matched[people.ana.email]).toMatchObject({ minutes: 65, present: true })
    expect(matched[people.luis.email]).toMatchObject({ minutes: 120, present: true })
  })
})

describe('a Microsoft Teams attendance report', () => {
  const teams = (ana: string, luis: string) =>
    [
      '1. Summary',
      'Meeting title\tPower BI en una hora',
      'Attended participants\t3',
      'Start time\t3/5/30, 6:00:00 PM',
      'Meeting duration\t1h 0m 12s',
      '',
      '2. Participants',
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole',
      `Ana Núñez\t3/5/30, 6:00:10 PM\t3/5/30, 6:58:40 PM\t58m 30s\t${ana}\t${ana}\tAttendee`,
      `Luis Ramírez\t3/5/30, 6:20:00 PM\t3/5/30, 6:40:00 PM\t20m\t${luis}\t${luis}\tAttendee`,
      `Invitado Externo\t3/5/30, 6:00:00 PM\t3/5/30, 7:00:00 PM\t1h 0m 0s\t\t\tAttendee`,
      '',
      '3. In-Meeting Activities',
      'Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole',
      `Ana Núñez\t3/5/30, 6:00:10 PM\t3/5/30, 6:58:40 PM\t58m 30s\t${ana}\tAttendee`,
      `Luis Ramírez\t3/5/30, 6:20:00 PM\t3/5/30, 6:40:00 PM\t20m\t${luis}\tAttendee`,
      '',
    ].join('\r\n')

  it('reads the UTF-16 tab-separated file, only its "2. Participants" section, for a webinar', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(teams(people.ana.email, people.luis.email), 'utf16le')])
    const response = await aula.api.post(`/webinars/${webinarId}/attendance/import`, upload(new Uint8Array(bytes), 'meetingAttendanceReport.csv'), { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ format: 'teams', sessionMinutes: 60, presentFromMinutes: 30 })
    const matched = Object.fromEntries(response.body.matched.map((row: any) => [row.email, row]))
    // 58m 30s, counted once although "3. In-Meeting Activities" repeats it.
    expect(matched[people.ana.email]).toMatchObject({ minutes: 59, present: true })
    expect(matched[people.luis.email]).toMatchObject({ minutes: 20, present: false })
    expect(response.body.unmatched).toEqual([{ name: 'Invitado Externo', email: '', minutes: 60 }])
    const ana = (await aula.payload.findByID({ collection: 'enrollments', id: enrollmentOf['ana-webinar'], depth: 0, overrideAccess: true })) as any
    expect(ana).toMatchObject({ attended: true, completionPercentage: 100 })
  })

  it('takes the report as a raw text/csv body as well as a form upload', async () => {
    const response = await aula.api.post(`/webinars/${webinarId}/attendance/import`, teams(people.ana.email, people.luis.email), {
      token: admin.token,
      headers: { 'content-type': 'text/csv' },
    })
    expect(response.status).toBe(200)
    expect(response.body.matched).toEqual([])
    expect(response.body.unchanged).toHaveLength(2)
  })
})

describe('hostile reports write nothing', () => {
  it('refuses a file over 2 MB with 413', async () => {
    const before = await attendanceCount()
    const huge = `Name (Original Name),User Email,Duration (Minutes)\n${`Ana,${people.ana.email},1\n`.repeat(Math.ceil((2.2 * 1024 * 1024) / 30))}`
    const response = await aula.api.post(importUrl(sessionTwo), upload(huge), { token: admin.token })
    expect(response.status).toBe(413)
    expect(response.text).toMatch(/2 MB/)
    expect(await attendanceCount()).toBe(before)
  })

  it('names the columns it expected when a file has other columns', async () => {
    const response = await aula.api.post(importUrl(sessionTwo), upload('Nombre,Teléfono\nAna,999\n'), { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['file'])
    expect(response.text).toContain('User Email')
    expect(response.text).toContain('In-Meeting Duration')
  })

  it('refuses binary junk (an .xlsx renamed .csv) with 400', async () => {
    const junk = new Uint8Array(4096)
    for (let index = 0; index < junk.length; index += 1) junk[index] = (index * 7919 + 13) % 256
    junk.set([0x50, 0x4b, 0x03, 0x04], 0)
    const response = await aula.api.post(importUrl(sessionTwo), upload(junk, 'informe.csv'), { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['file'])
  })

  it('refuses a duration it cannot read, naming the line, and writes none of the other rows', async () => {
    const before = await rowsOf(sessionTwo)
    const report = ['Name (Original Name),User Email,Duration (Minutes)', `Ana Núñez,${people.ana.email},5`, `Luis Ramírez,${people.luis.email},=1+1`].join('\n')
    const response = await aula.api.post(importUrl(sessionTwo), upload(report), { token: admin.token })
    expect(response.status).toBe(400)
    expect(response.text).toContain('3')
    expect((await rowsOf(sessionTwo)).map((row) => [row.id, row.minutesAttended])).toEqual(before.map((row) => [row.id, row.minutesAttended]))
  })

  it('stores nothing of a formula-looking cell: it comes back as text and never reaches the participants export', async () => {
    const report = ['Name (Original Name),User Email,Duration (Minutes)', `"@SUM(1+1)*cmd|' /C calc'!A0",-2+3@evil.example,60`, `"=HYPERLINK(""http://evil.example"")",${people.ana.email},113`].join('\n')
    const response = await aula.api.post(importUrl(sessionOne), upload(report), { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.unmatched).toEqual([{ name: "@SUM(1+1)*cmd|' /C calc'!A0", email: '-2+3@evil.example', minutes: 60 }])
    // Ana matched by email; the name Aula shows is hers, not the file's.
    expect(response.body.unchanged).toEqual([expect.objectContaining({ name: 'Ana Núñez', email: people.ana.email })])
    const csv = await aula.api.get(`/courses/${courseId}/participants.csv`, { token: admin.token })
    expect(csv.status).toBe(200)
    expect(csv.text).not.toMatch(/HYPERLINK|cmd\|/)
  })

  it('answers 400 for an upload without a file', async () => {
    const form = new FormData()
    form.append('other', 'x')
    const response = await aula.api.post(importUrl(sessionTwo), form, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['file'])
  })
})

describe('who may import', () => {
  const report = () => upload(['Name (Original Name),User Email,Duration (Minutes)', `Ana,${people.ana.email},100`].join('\n'))

  it('asks for a login (401), refuses an instructor of another course and a student (403), and knows no unknown session (400/404)', async () => {
    const before = await attendanceCount()
    expect((await aula.api.post(importUrl(sessionTwo), report())).status).toBe(401)
    expect((await aula.api.post(importUrl(sessionTwo), report(), { token: otherInstructor.token })).status).toBe(403)
    expect((await aula.api.post(importUrl(sessionTwo), report(), { token: people.ana.token })).status).toBe(403)
    expect((await aula.api.post(importUrl('no-such-session'), report(), { token: admin.token })).status).toBe(400)
    expect((await aula.api.post(`/courses/999999/sessions/${sessionTwo}/attendance/import`, report(), { token: admin.token })).status).toBe(404)
    expect(await attendanceCount()).toBe(before)
  })
})
