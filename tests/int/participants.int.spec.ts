import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createLocalReq } from 'payload'

import { findItem } from '../../src/participants/listParticipants'
import { queueParticipantEmails } from '../../src/participants/message/sending'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { SmtpSink } from '../helpers/smtpSink'

const smtp = new SmtpSink()
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let admin: Login
let sales: Login
let instructor: Login
let otherInstructor: Login
let student: Login
let webinarId: number
const people: Record<'ana' | 'john' | 'luis' | 'dora' | 'eva', Login> = {} as never
const enrollmentOf: Record<string, number> = {}

const base = () => `/webinars/${webinarId}/participants`
const emailLogCount = async () => (await aula.payload.count({ collection: 'email-log', overrideAccess: true })).totalDocs
const attendedOf = async (name: keyof typeof people) =>
  (await aula.payload.findByID({ collection: 'enrollments', id: enrollmentOf[name], depth: 0, overrideAccess: true })).attended

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'], { firstName: 'Alba', lastName: 'Admin', language: 'es' })
  sales = await aula.createUser(['sales'])
  instructor = await aula.createUser(['instructor'])
  otherInstructor = await aula.createUser(['instructor'])
  student = await aula.createUser(['student'])
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Carla Instructora', user: instructor.id }, overrideAccess: true })
  const otherSpeaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Otro Instructor', user: otherInstructor.id }, overrideAccess: true })
  const webinar = await createWebinar(aula.payload, { title: 'Excel para finanzas', capacity: 3, speakers: [speaker.id], startsAt: '2030-05-20T00:00:00.000Z', timezone: 'America/Lima' })
  await createWebinar(aula.payload, { title: 'Otro taller', speakers: [otherSpeaker.id] })
  webinarId = webinar.id
  const person = (firstName: string, lastName: string, company: string, language = 'es') => aula.createUser(['student'], { firstName, lastName, company, language })
  people.dora = await person('Dora', 'Quispe', 'Minera Sur')
  people.ana = await person('Ana', 'Núñez', 'Café Andino')
  people.john = await person('John', 'Smith', 'Acme Corp', 'en')
  for (const name of ['dora', 'ana', 'john'] as const) {
    const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: people[name].token })
    expect(response.status).toBe(201)
    enrollmentOf[name] = response.body.doc.id
  }
  // Dora cancels: her seat goes to the next to register (Luis), and Eva waits.
  await aula.payload.update({ collection: 'enrollments', id: enrollmentOf.dora, data: { status: 'cancelled' }, overrideAccess: true })
  people.luis = await person('Luis', 'Ramírez', 'Café Andino')
  people.eva = await person('Eva', 'Torres', 'Banco Azul')
  for (const name of ['luis', 'eva'] as const) {
    const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: people[name].token })
    enrollmentOf[name] = response.body.doc.id
  }
  await drainQueue(aula.payload)
  smtp.messages.length = 0
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

describe('the participants list', () => {
  it('shows everyone with status, payment and attendance, times in the webinar’s zone, and counts per status', async () => {
    const response = await aula.api.get(base(), { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.item).toMatchObject({ title: 'Excel para finanzas', timezone: 'America/Lima', startsAtText: '19/05/2030 19:00 (hora de Lima)' })
    expect(response.body.counts).toMatchObject({ total: 5, confirmed: 3, waitlisted: 1, cancelled: 1, attended: 0 })
    const byEmail = Object.fromEntries(response.body.docs.map((row: any) => [row.email, row]))
    expect(byEmail[people.ana.email]).toMatchObject({ name: 'Ana Núñez', company: 'Café Andino', status: 'confirmed', paymentStatus: 'not_required', attended: false })
    expect(byEmail[people.eva.email].status).toBe('waitlisted')
    expect(byEmail[people.dora.email].status).toBe('cancelled')
    expect(byEmail[people.ana.email].registeredAtText).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d \(hora de Lima\)$/)
  })

  it('filters by status and finds people by name, email or company whatever the accents', async () => {
    const confirmed = await aula.api.get(`${base()}?status=confirmed`, { token: admin.token })
    expect(confirmed.body.docs.map((row: any) => row.email).sort()).toEqual([people.ana.email, people.john.email, people.luis.email].sort())
    const byCompany = await aula.api.get(`${base()}?q=${encodeURIComponent('cafe andino')}`, { token: admin.token })
    expect(byCompany.body.docs.map((row: any) => row.email).sort()).toEqual([people.ana.email, people.luis.email].sort())
    const byName = await aula.api.get(`${base()}?q=nunez`, { token: admin.token })
    expect(byName.body.docs.map((row: any) => row.email)).toEqual([people.ana.email])
    const byEmail = await aula.api.get(`${base()}?q=${encodeURIComponent(people.eva.email)}&status=waitlisted,cancelled`, { token: admin.token })
    expect(byEmail.body.docs.map((row: any) => row.email)).toEqual([people.eva.email])
  })

  it('a course has the same page, its start read as a whole day and registration times in the business zone', async () => {
    const course = await createCourse(aula.payload, { title: 'Liderazgo' })
    const response = await aula.api.get(`/courses/${course.id}/participants`, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.item).toMatchObject({ collection: 'courses', title: 'Liderazgo', timezone: 'America/Lima', startsAtText: '02/03/2030', dateOnly: true })
    expect(response.body.counts.total).toBe(0)
    expect((await aula.api.get(`/courses/${course.id}/participants`, { token: instructor.token })).status).toBe(403)
  })

  it('a filter that is not a status is a 400 naming the field', async () => {
    const response = await aula.api.get(`${base()}?status=confirmed,vip&attended=maybe`, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['attended', 'status'])
  })

  it('is for staff and the webinar’s own instructors: a student, another item’s instructor and nobody logged in are refused', async () => {
    expect((await aula.api.get(base(), { token: sales.token })).status).toBe(200)
    const own = await aula.api.get(base(), { token: instructor.token })
    expect(own.status).toBe(200)
    expect(own.body.abilities).toEqual({ view: true, markAttendance: true, email: false })
    expect((await aula.api.get(base(), { token: otherInstructor.token })).status).toBe(403)
    expect((await aula.api.get(base(), { token: student.token })).status).toBe(403)
    expect((await aula.api.get(base())).status).toBe(401)
    expect((await aula.api.get('/webinars/999999/participants', { token: admin.token })).status).toBe(404)
  })
})

describe('attendance check-off', () => {
  it('the webinar’s instructor ticks a confirmed person present', async () => {
    const response = await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.ana], attended: true }, { token: instructor.token })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ updated: 1 })
    expect(await attendedOf('ana')).toBe(true)
    const attended = await aula.api.get(`${base()}?attended=true`, { token: admin.token })
    expect(attended.body.docs.map((row: any) => row.email)).toEqual([people.ana.email])
  })

  it('an instructor of another webinar who tries to tick attendance here is refused and nothing changes', async () => {
    const response = await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.john], attended: true }, { token: otherInstructor.token })
    expect(response.status).toBe(403)
    expect(await attendedOf('john')).toBe(false)
  })

  it('sales may read the list but not mark attendance (the enrollment’s own field rule)', async () => {
    const response = await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.john], attended: true }, { token: sales.token })
    expect(response.status).toBe(403)
    expect(await attendedOf('john')).toBe(false)
  })

  it('"all present" with a waitlisted person or another item’s enrollment in it is a 400 and marks nobody', async () => {
    const waitlisted = await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.john, enrollmentOf.eva], attended: true }, { token: admin.token })
    expect(waitlisted.status).toBe(400)
    expect(errorPaths(waitlisted.body)).toEqual(['enrollmentIds'])
    const other = await aula.payload.find({ collection: 'webinars', where: { title: { equals: 'Otro taller' } }, overrideAccess: true })
    const stranger = await aula.api.post(`/webinars/${other.docs[0].id}/register`, undefined, { token: student.token })
    const foreign = await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.john, stranger.body.doc.id], attended: true }, { token: admin.token })
    expect(foreign.status).toBe(400)
    expect(errorPaths(foreign.body)).toEqual(['enrollmentIds'])
    const malformed = await aula.api.post(`${base()}/attendance`, { enrollmentIds: ['x'], attended: 'yes' }, { token: admin.token })
    expect(malformed.status).toBe(400)
    expect(errorPaths(malformed.body).sort()).toEqual(['attended', 'enrollmentIds'])
    expect(await attendedOf('john')).toBe(false)
  })

  it('an admin marks everyone confirmed present at once, and can untick one', async () => {
    const ids = [enrollmentOf.ana, enrollmentOf.john, enrollmentOf.luis]
    const response = await aula.api.post(`${base()}/attendance`, { enrollmentIds: ids, attended: true }, { token: admin.token })
    expect(response.body).toEqual({ updated: 2 })
    expect(await attendedOf('luis')).toBe(true)
    await aula.api.post(`${base()}/attendance`, { enrollmentIds: [enrollmentOf.luis], attended: false }, { token: admin.token })
    expect(await attendedOf('luis')).toBe(false)
  })
})

describe('CSV export', () => {
  it('holds exactly the rows shown, through the enrollments export, with Spanish headers', async () => {
    const response = await aula.api.get(`${base()}.csv?status=confirmed&q=cafe`, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain(`participantes-webinars-${webinarId}-`)
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('Nombre')
    expect(lines).toHaveLength(3)
    expect(response.text).toContain(people.ana.email)
    expect(response.text).toContain(people.luis.email)
    expect(response.text).not.toContain(people.john.email)
  })

  it('an empty selection is a file with only its header, and an outsider gets no file', async () => {
    const empty = await aula.api.get(`${base()}.csv?q=nadie-se-llama-asi`, { token: admin.token })
    expect(empty.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1)
    expect((await aula.api.get(`${base()}.csv`, { token: otherInstructor.token })).status).toBe(403)
  })
})

describe('email these people', () => {
  const message = { es: { subject: 'Material de {{title}}', body: 'Hola {{firstName}}:\n\nAquí tienes las diapositivas: https://aula.example.com/slides' }, en: { subject: 'Slides for {{title}}', body: 'Hi {{firstName}},\n\nHere are the slides.' } }

  it('a preview shows the email each language will get and writes nothing', async () => {
    const before = await emailLogCount()
    const response = await aula.api.post(`${base()}/message`, { mode: 'preview', audience: { status: ['confirmed'] }, message }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.recipients).toBe(3)
    expect(response.body.byLanguage).toEqual({ es: 2, en: 1 })
    expect(response.body.rendered.es.subject).toBe('Material de Excel para finanzas')
    expect(response.body.rendered.es.html).toContain('<a href="https://aula.example.com/slides">')
    expect(response.body.rendered.en.html).toContain('Hi John,')
    expect(await emailLogCount()).toBe(before)
  })

  it('a test goes to the staff member themselves, once however often it is clicked', async () => {
    const only = { es: message.es }
    const first = await aula.api.post(`${base()}/message`, { mode: 'test', message: only }, { token: admin.token })
    const second = await aula.api.post(`${base()}/message`, { mode: 'test', message: only }, { token: admin.token })
    expect(first.status).toBe(200)
    expect(second.body.sent[0].queued).toBe(false)
    await drainQueue(aula.payload)
    const mails = smtp.to(admin.email)
    expect(mails.map((mail) => mail.subject)).toEqual(['Material de Excel para finanzas'])
    expect(mails[0].html).toContain('Hola Alba:')
    expect(mails[0].text).toContain('Aquí tienes las diapositivas')
  })

  it('sends to the confirmed participants only, each in their language, through the queue, and a double click sends once', async () => {
    const body = { mode: 'send', audience: { status: ['confirmed'] }, message, sendKey: 'send-key-0001' }
    const [first, second] = await Promise.all([
      aula.api.post(`${base()}/message`, body, { token: admin.token }),
      aula.api.post(`${base()}/message`, body, { token: admin.token }),
    ])
    expect([first.status, second.status].sort()).toEqual([200, 202])
    expect([first.body.alreadySent, second.body.alreadySent].sort()).toEqual([false, true])
    await drainQueue(aula.payload)
    const again = await aula.api.post(`${base()}/message`, body, { token: admin.token })
    expect(again.body.alreadySent).toBe(true)
    await drainQueue(aula.payload)
    // Whoever was marked present above also received their certificate (src/certificates): that email carries a PDF.
    const messagesTo = (email: string) => smtp.to(email).filter((mail) => !mail.attachments.some((file) => file.contentType === 'application/pdf'))
    expect(messagesTo(people.ana.email).map((mail) => mail.subject)).toEqual(['Material de Excel para finanzas'])
    expect(messagesTo(people.luis.email)).toHaveLength(1)
    expect(messagesTo(people.john.email).map((mail) => mail.subject)).toEqual(['Slides for Excel para finanzas'])
    expect(messagesTo(people.john.email)[0].html).toContain('You are receiving this message because you are registered for')
    expect(messagesTo(people.eva.email)).toHaveLength(0)
    expect(messagesTo(people.dora.email)).toHaveLength(0)
    const logged = await aula.payload.find({ collection: 'email-log', where: { and: [{ to: { equals: people.ana.email.toLowerCase() } }, { templateKey: { equals: 'participants_message' } }] }, depth: 0, overrideAccess: true })
    expect(logged.docs[0]).toMatchObject({ templateKey: 'participants_message', status: 'sent', relatedDocument: { relationTo: 'enrollments', value: enrollmentOf.ana } })
  })

  it('the people who attended, and only them, can be written to', async () => {
    const response = await aula.api.post(`${base()}/message`, { mode: 'send', audience: { attended: true }, message: { es: { subject: 'Gracias por venir', body: 'Gracias.' } }, sendKey: 'send-key-0002' }, { token: sales.token })
    expect(response.status).toBe(202)
    expect(response.body.recipients).toBe(2)
    await drainQueue(aula.payload)
    expect(smtp.to(people.ana.email).map((mail) => mail.subject)).toContain('Gracias por venir')
    expect(smtp.to(people.luis.email).map((mail) => mail.subject)).not.toContain('Gracias por venir')
  })

  it('bad input is a 400 naming the field and queues nothing', async () => {
    const before = await emailLogCount()
    const noSubject = await aula.api.post(`${base()}/message`, { mode: 'send', message: { es: { subject: ' ', body: 'Hola {{password}}' } }, sendKey: 'send-key-0003' }, { token: admin.token })
    expect(noSubject.status).toBe(400)
    expect(errorPaths(noSubject.body).sort()).toEqual(['message.es.body', 'message.es.subject'])
    const noKey = await aula.api.post(`${base()}/message`, { mode: 'send', message }, { token: admin.token })
    expect(errorPaths(noKey.body)).toEqual(['sendKey'])
    const badAudience = await aula.api.post(`${base()}/message`, { mode: 'send', audience: { status: ['vip'] }, message, sendKey: 'send-key-0004' }, { token: admin.token })
    expect(errorPaths(badAudience.body)).toEqual(['audience.status'])
    const nobody = await aula.api.post(`${base()}/message`, { mode: 'send', audience: { q: 'nadie-se-llama-asi' }, message, sendKey: 'send-key-0005' }, { token: admin.token })
    expect(errorPaths(nobody.body)).toEqual(['audience'])
    const badMode = await aula.api.post(`${base()}/message`, { mode: 'blast', message }, { token: admin.token })
    expect(errorPaths(badMode.body)).toEqual(['mode'])
    await drainQueue(aula.payload)
    expect(await emailLogCount()).toBe(before)
  })

  it('the job queues a long list in several transactions, and run again after a crash it queues nobody twice', async () => {
    const req = await createLocalReq({}, aula.payload)
    const item = await findItem(req, 'webinars', webinarId)
    const input = { collection: 'webinars' as const, itemId: webinarId, enrollmentIds: Object.values(enrollmentOf), message: { es: { subject: 'Aviso', body: 'Cambio de sala.' } }, staffLanguage: 'es' as const, sendKey: 'user-1:batch-key-01' }
    expect(await queueParticipantEmails(req, item, input, 2)).toEqual({ queued: 5, skipped: 0 })
    expect(await queueParticipantEmails(req, item, input, 2)).toEqual({ queued: 0, skipped: 5 })
    await drainQueue(aula.payload)
    expect(smtp.to(people.dora.email).map((mail) => mail.subject)).toEqual(['Aviso'])
  })

  it('an instructor, even of this webinar, may not email its participants', async () => {
    const response = await aula.api.post(`${base()}/message`, { mode: 'send', message, sendKey: 'send-key-0006' }, { token: instructor.token })
    expect(response.status).toBe(403)
  })
})
