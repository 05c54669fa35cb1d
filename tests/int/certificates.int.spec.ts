import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { issueCertificate, reissueCertificate, revokeCertificate } from '../../src/certificates/issue'
import { VERIFICATION_CODE_PATTERN } from '../../src/certificates/verificationCode'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const clock = new ManualClock('2030-01-10T12:00:00.000Z')
const smtp = new SmtpSink()
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
let admin: Login
let editor: Login
let webinarId: number
const students: Login[] = []
const enrollmentOf = new Map<number, number>()

const over = { overrideAccess: true, depth: 0 } as const
const certificatesOf = async (enrollmentId: number) =>
  (await aula.payload.find({ collection: 'certificates', where: { enrollment: { equals: enrollmentId } }, sort: 'createdAt', pagination: false, ...over })).docs
const certificateCount = async () => (await aula.payload.count({ collection: 'certificates', overrideAccess: true })).totalDocs
const emailRowsFor = async (certificateId: number) =>
  (await aula.payload.find({ collection: 'email-log', where: { dedupeKey: { like: `certificate_issued:certificate-${certificateId}:` } }, sort: 'createdAt', pagination: false, ...over })).docs

/** The certificate emails a person received (they also get the registration's own emails). */
const certificateMails = (email: string) => smtp.to(email).filter((mail) => mail.attachments.some((attachment) => attachment.contentType === 'application/pdf'))

/** A confirmed registration of a new person at a new free webinar next week (staff may issue by hand whatever the completion). */
async function finishedWebinarEnrollment(overrides: Record<string, unknown> = {}) {
  const person = await aula.createUser(['student'], overrides)
  const webinar = await createWebinar(aula.payload, { title: `Taller ${person.id}`, startsAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString() })
  const response = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: person.token })
  expect(response.status).toBe(201)
  return { person, webinarId: webinar.id as number, enrollmentId: response.body.doc.id as number }
}

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'])
  editor = await aula.createUser(['editor'])
  webinarId = (await createWebinar(aula.payload, { title: 'Power BI desde cero', capacity: 50, durationMinutes: 90, startsAt: '2030-02-01T15:00:00.000Z' })).id
  for (let index = 0; index < 20; index += 1) {
    const student = await aula.createUser(['student'], { firstName: `Persona${index}`, lastName: 'Ñúñez', language: index === 0 ? 'en' : 'es' })
    const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: student.token })
    expect(response.status).toBe(201)
    students.push(student)
    enrollmentOf.set(student.id, response.body.doc.id)
  }
  // The webinar has taken place.
  clock.set('2030-02-02T12:00:00.000Z')
}, 180_000)

afterAll(async () => {
  await aula?.close()
  await smtp.stop()
})

describe('automatic issue on completion', () => {
  it('20 people completing at once get numbers 1..20 of the year: no gap, no duplicate, one certificate each', async () => {
    const marks = students.map((student) => ({ enrollmentId: enrollmentOf.get(student.id)!, present: true }))
    const response = await aula.api.post(`/webinars/${webinarId}/attendance`, { marks }, { token: admin.token })
    expect(response.status).toBe(200)
    // Twenty issue jobs, run by one queue run in parallel (Payload runs a batch's jobs concurrently).
    await drainQueue(aula.payload)

    const { docs } = await aula.payload.find({ collection: 'certificates', where: { 'item.value': { equals: webinarId } }, pagination: false, ...over })
    expect(docs).toHaveLength(20)
    const numbers = docs.map((doc) => doc.number).sort()
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => `AULA-2030-${String(index + 1).padStart(6, '0')}`))
    expect(new Set(docs.map((doc) => doc.enrollment)).size).toBe(20)
    expect(new Set(docs.map((doc) => doc.verificationCode)).size).toBe(20)
    for (const doc of docs) expect(doc.verificationCode).toMatch(VERIFICATION_CODE_PATTERN)
  })

  it('the certificate freezes what it says: printed name, item, hours, completion day in the item’s zone, origin, PDF and signed credential', async () => {
    const [certificate] = await certificatesOf(enrollmentOf.get(students[3].id)!)
    expect(certificate).toMatchObject({
      status: 'valid',
      version: 1,
      origin: 'automatic',
      holderName: 'Persona3 Ñúñez',
      itemTitle: 'Power BI desde cero',
      hours: 1.5,
      // Marked on the 2nd (07:00 in Lima), but the webinar ended on 1 February at 11:30 in Lima: that is the day it was completed.
      completedOn: '2030-02-01',
      issuedOn: '2030-02-02',
      language: 'es',
      item: { relationTo: 'webinars', value: webinarId },
      user: students[3].id,
    })
    expect(certificate.pdf).toEqual(expect.any(Number))
    expect(String(certificate.credential).split('.')).toHaveLength(3)
    expect(certificate.validKey).toBe(String(enrollmentOf.get(students[3].id)))
  })

  it('each holder gets one certificate_issued email with the PDF attached and the verification link; the log keeps no PDF bytes', async () => {
    const [certificate] = await certificatesOf(enrollmentOf.get(students[0].id)!)
    const rows = await emailRowsFor(certificate.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ lastError: null, status: 'sent', templateKey: 'certificate_issued', locale: 'en' })
    expect(rows[0].attachments ?? null).toBeNull()
    const [mail] = certificateMails(students[0].email)
    expect(mail.subject).toBe(`Your certificate for Power BI desde cero (${certificate.number})`)
    expect(mail.html).toContain(`http://localhost:3000/verify/${certificate.verificationCode}`)
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    expect(pdf.filename).toBe(`${certificate.number}.pdf`)
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-')
    const spanish = certificateMails(students[1].email)
    expect(spanish).toHaveLength(1)
    expect(spanish[0].subject).toMatch(/^Tu certificado de Power BI desde cero/)
  })

  it('completing again (attendance re-recorded) issues nothing new, and issuing again returns the same certificate', async () => {
    const enrollmentId = enrollmentOf.get(students[5].id)!
    const [first] = await certificatesOf(enrollmentId)
    await aula.api.post(`/webinars/${webinarId}/attendance`, { marks: [{ enrollmentId, present: false }] }, { token: admin.token })
    await aula.api.post(`/webinars/${webinarId}/attendance`, { marks: [{ enrollmentId, present: true }] }, { token: admin.token })
    await drainQueue(aula.payload)
    expect(await certificatesOf(enrollmentId)).toHaveLength(1)
    expect((await issueCertificate(aula.payload, { enrollmentId })).id).toBe(first.id)
  })

  it('a course enrollment gets its certificate once attendance reaches the threshold, with the course’s hours', async () => {
    const person = await aula.createUser(['student'], { firstName: 'Lucía', lastName: 'Ramos' })
    const course = await createCourse(aula.payload, {
      title: 'Excel intermedio',
      regularPrice: 0,
      timezone: 'America/Lima',
      startDate: '2030-02-10T12:00:00.000Z',
      endDate: '2030-02-10T12:00:00.000Z',
      modules: [{ title: 'Todo', hours: 8, sessions: [{ date: '2030-02-10T14:00:00.000Z', name: 'Única', durationHours: 4 }] }],
    })
    const enrolled = await aula.api.post(`/courses/${course.id}/enroll`, undefined, { token: person.token })
    expect(enrolled.status).toBe(201)
    clock.set('2030-02-10T20:00:00.000Z')
    const session = (course as { modules: { sessions: { id: string }[] }[] }).modules[0].sessions[0].id
    const marked = await aula.api.post(`/courses/${course.id}/sessions/${session}/attendance`, { marks: [{ enrollmentId: enrolled.body.doc.id, present: true }] }, { token: admin.token })
    expect(marked.status).toBe(200)
    await drainQueue(aula.payload)
    const [certificate] = await certificatesOf(enrolled.body.doc.id)
    expect(certificate).toMatchObject({ holderName: 'Lucía Ramos', itemTitle: 'Excel intermedio', hours: 8, completedOn: '2030-02-10', item: { relationTo: 'courses', value: course.id } })
    clock.set('2030-02-02T12:00:00.000Z')
  })
})

describe('at most one valid certificate per enrollment', () => {
  it('five simultaneous manual issues for one enrollment make one certificate and use one number', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const before = await certificateCount()
    const results = await Promise.all(Array.from({ length: 5 }, () => issueCertificate(aula.payload, { enrollmentId, note: 'a la vez' })))
    expect(new Set(results.map((doc) => doc.id)).size).toBe(1)
    expect(await certificateCount()).toBe(before + 1)
  })

  it('ten simultaneous issues for ten enrollments, each in its own transaction, take ten consecutive numbers', async () => {
    const enrollments = await Promise.all(Array.from({ length: 10 }, () => finishedWebinarEnrollment()))
    const issued = await Promise.all(enrollments.map(({ enrollmentId }) => issueCertificate(aula.payload, { enrollmentId, note: 'a la vez' })))
    const sequences = issued.map((doc) => Number(String(doc.number).slice(-6))).sort((a, b) => a - b)
    expect(new Set(sequences).size).toBe(10)
    expect(sequences.at(-1)! - sequences[0]).toBe(9)
  })

  it('the database itself refuses a second valid certificate for the same enrollment', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const first = await issueCertificate(aula.payload, { enrollmentId, note: 'primera' })
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = first as Record<string, unknown>
    await expect(
      aula.payload.create({ collection: 'certificates', data: { ...copy, number: 'AULA-2030-999999', verificationCode: 'x'.repeat(32) } as never, ...over }),
    ).rejects.toMatchObject({ status: 400 })
    expect(await certificatesOf(enrollmentId)).toHaveLength(1)
  })

  it('an issue rolled back gives its number back: the next certificate takes it, so no gap appears', async () => {
    const rolledBack = await finishedWebinarEnrollment()
    const next = await finishedWebinarEnrollment()
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    const doomed = await issueCertificate(aula.payload, { enrollmentId: rolledBack.enrollmentId, note: 'se deshace' }, req)
    await killTransaction(req)
    expect(await certificatesOf(rolledBack.enrollmentId)).toHaveLength(0)
    const kept = await issueCertificate(aula.payload, { enrollmentId: next.enrollmentId, note: 'se queda' })
    expect(kept.number).toBe(doomed.number)
  })

  it('numbers restart each year in the business’s zone (31 December at 22:00 in Lima is still that year)', async () => {
    const lateInYear = await finishedWebinarEnrollment()
    const newYear = await finishedWebinarEnrollment()
    clock.set('2031-01-01T03:00:00.000Z')
    const december = await issueCertificate(aula.payload, { enrollmentId: lateInYear.enrollmentId, note: 'fin de año' })
    clock.set('2031-01-01T06:00:00.000Z')
    const january = await issueCertificate(aula.payload, { enrollmentId: newYear.enrollmentId, note: 'año nuevo' })
    expect(december.number).toMatch(/^AULA-2030-\d{6}$/)
    expect(january.number).toBe('AULA-2031-000001')
    clock.set('2030-02-02T12:00:00.000Z')
  })
})

describe('staff issue by hand', () => {
  it('an admin issues a certificate for an enrollment that has not completed, with a note, and is recorded as its issuer', async () => {
    const { enrollmentId, person } = await finishedWebinarEnrollment({ firstName: 'Mario', lastName: 'Vargas' })
    const response = await aula.api.post('/certificates/issue', { enrollment: enrollmentId, note: 'Asistió por teléfono' }, { token: admin.token })
    expect(response.status).toBe(201)
    expect(response.body.message).toBe('Certificado emitido.')
    expect(response.body.doc).toMatchObject({ origin: 'manual', note: 'Asistió por teléfono', issuedBy: admin.id, holderName: 'Mario Vargas', status: 'valid' })
    await drainQueue(aula.payload)
    expect(certificateMails(person.email)).toHaveLength(1)
  })

  it('without a note, for an unknown enrollment, or for a cancelled one: a 400 naming the field, and nothing issued', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const before = await certificateCount()
    const noNote = await aula.api.post('/certificates/issue', { enrollment: enrollmentId }, { token: admin.token })
    expect(noNote.status).toBe(400)
    expect(errorPaths(noNote.body)).toEqual(['note'])
    const badId = await aula.api.post('/certificates/issue', { enrollment: 'abc', note: 'x' }, { token: admin.token })
    expect(errorPaths(badId.body)).toEqual(['enrollment'])
    const unknown = await aula.api.post('/certificates/issue', { enrollment: 99_999_999, note: 'x' }, { token: admin.token })
    expect(unknown.status).toBe(404)
    await aula.payload.update({ collection: 'enrollments', id: enrollmentId, data: { status: 'cancelled' }, ...over })
    const cancelled = await aula.api.post('/certificates/issue', { enrollment: enrollmentId, note: 'x' }, { token: admin.token })
    expect(cancelled.status).toBe(400)
    expect(errorPaths(cancelled.body)).toEqual(['enrollment'])
    expect(await certificateCount()).toBe(before)
  })

  it('an editor cannot issue one by hand', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const response = await aula.api.post('/certificates/issue', { enrollment: enrollmentId, note: 'x' }, { token: editor.token })
    expect(response.status).toBe(403)
    expect(await certificatesOf(enrollmentId)).toHaveLength(0)
  })
})

describe('revoking', () => {
  it('without a reason: a 400 naming `reason`, and the certificate stays valid', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    for (const body of [{}, { reason: '   ' }, { reason: 42 }]) {
      const response = await aula.api.post(`/certificates/${certificate.id}/revoke`, body, { token: admin.token })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['reason'])
    }
    expect((await aula.payload.findByID({ collection: 'certificates', id: certificate.id, ...over })).status).toBe('valid')
  })

  it('with a reason: revoked with when and by whom, a second revoke is a 409, its unsent email is not sent, and no automatic issue replaces it', async () => {
    const { enrollmentId, person } = await finishedWebinarEnrollment()
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    const response = await aula.api.post(`/certificates/${certificate.id}/revoke`, { reason: 'Error en la asistencia' }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.doc).toMatchObject({ status: 'revoked', revokedReason: 'Error en la asistencia', revokedBy: admin.id, revokedAt: clock.now().toISOString() })
    const stored = await aula.payload.findByID({ collection: 'certificates', id: certificate.id, ...over })
    expect(stored.validKey ?? null).toBeNull()
    expect((await aula.api.post(`/certificates/${certificate.id}/revoke`, { reason: 'otra vez' }, { token: admin.token })).status).toBe(409)
    await drainQueue(aula.payload)
    expect((await emailRowsFor(certificate.id))[0]).toMatchObject({ status: 'cancelled' })
    expect(certificateMails(person.email)).toHaveLength(0)
    expect(await issueCertificate(aula.payload, { enrollmentId, automatic: true })).toBeNull()
  })

  it('after a revocation staff may issue a new certificate by hand: a new number, the old one never reused', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const old = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    await revokeCertificate(aula.payload, { certificateId: old.id, reason: 'Nombre equivocado' })
    const fresh = await issueCertificate(aula.payload, { enrollmentId, note: 'nuevo' })
    expect(fresh.id).not.toBe(old.id)
    expect(fresh.number).not.toBe(old.number)
    expect((await certificatesOf(enrollmentId)).map((doc) => doc.status)).toEqual(['revoked', 'valid'])
  })
})

describe('reissuing after a name correction', () => {
  it('keeps the number and the code, raises the version, prints the corrected name, makes a new PDF and credential, and emails again', async () => {
    const { enrollmentId, person } = await finishedWebinarEnrollment({ firstName: 'Jose', lastName: 'Peres' })
    const first = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    await drainQueue(aula.payload)
    await aula.payload.update({ collection: 'users', id: person.id, data: { firstName: 'José', lastName: 'Pérez' }, ...over })
    clock.advance(24 * 3600_000)
    const response = await aula.api.post(`/certificates/${first.id}/reissue`, { note: 'Tildes corregidas' }, { token: admin.token })
    expect(response.status).toBe(200)
    const second = response.body.doc
    expect(second).toMatchObject({ id: first.id, number: first.number, verificationCode: first.verificationCode, version: 2, holderName: 'José Pérez', completedOn: first.completedOn, note: 'Tildes corregidas' })
    expect(second.pdf).not.toBe(first.pdf)
    expect(second.credential).not.toBe(first.credential)
    await drainQueue(aula.payload)
    const mails = certificateMails(person.email)
    expect(mails).toHaveLength(2)
    expect(mails[1].html).toContain('José Pérez')
    expect(mails[1].attachments[0].filename).toBe(`${first.number}.pdf`)
    clock.set('2030-02-02T12:00:00.000Z')
  })

  it('a revoked certificate cannot be reissued (409), and reissue of an unknown one is a 404', async () => {
    const { enrollmentId } = await finishedWebinarEnrollment()
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    await revokeCertificate(aula.payload, { certificateId: certificate.id, reason: 'x' })
    expect((await aula.api.post(`/certificates/${certificate.id}/reissue`, {}, { token: admin.token })).status).toBe(409)
    expect((await aula.api.post('/certificates/99999999/reissue', {}, { token: admin.token })).status).toBe(404)
    await expect(reissueCertificate(aula.payload, { certificateId: certificate.id })).rejects.toMatchObject({ status: 409 })
  })

  it('only the newest version’s email goes out when a reissue comes before the first email was sent', async () => {
    const { enrollmentId, person } = await finishedWebinarEnrollment()
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    await reissueCertificate(aula.payload, { certificateId: certificate.id })
    await drainQueue(aula.payload)
    const statusOf = Object.fromEntries((await emailRowsFor(certificate.id)).map((row) => [row.dedupeKey, row.status]))
    expect(statusOf).toEqual({ [`certificate_issued:certificate-${certificate.id}:v1`]: 'cancelled', [`certificate_issued:certificate-${certificate.id}:v2`]: 'sent' })
    expect(certificateMails(person.email)).toHaveLength(1)
  })
})

describe('where staff see certificates', () => {
  it('the participants page and its CSV have a "Certificado" column: the number, marked when revoked, empty without one', async () => {
    const revokedOne = enrollmentOf.get(students[7].id)!
    const [toRevoke] = await certificatesOf(revokedOne)
    await revokeCertificate(aula.payload, { certificateId: toRevoke.id, reason: 'Duplicado' })
    const [kept] = await certificatesOf(enrollmentOf.get(students[6].id)!)
    const outsider = await aula.createUser(['student'])
    clock.set('2030-01-20T12:00:00.000Z')
    const late = await createWebinar(aula.payload, { title: 'Sin certificados todavía', startsAt: '2030-02-20T15:00:00.000Z' })
    const registered = await aula.api.post(`/webinars/${late.id}/register`, undefined, { token: outsider.token })
    clock.set('2030-02-02T12:00:00.000Z')

    const page = await aula.api.get(`/webinars/${webinarId}/participants`, { token: admin.token })
    expect(page.status).toBe(200)
    const rowOf = (enrollmentId: number) => page.body.docs.find((row: { enrollmentId: number }) => row.enrollmentId === enrollmentId)
    expect(rowOf(enrollmentOf.get(students[6].id)!).certificate).toMatchObject({ id: kept.id, number: kept.number, status: 'valid' })
    expect(rowOf(revokedOne).certificate).toMatchObject({ number: toRevoke.number, status: 'revoked' })
    const empty = await aula.api.get(`/webinars/${late.id}/participants`, { token: admin.token })
    expect(empty.body.docs.find((row: { enrollmentId: number }) => row.enrollmentId === registered.body.doc.id).certificate).toBeNull()

    const csv = await aula.api.get(`/webinars/${webinarId}/participants.csv`, { token: admin.token })
    expect(csv.status).toBe(200)
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    const column = header.split(',').indexOf('Certificado')
    expect(column).toBeGreaterThan(-1)
    const cells = lines.map((line) => line.split(',')[column])
    expect(cells).toContain(kept.number)
    expect(cells).toContain(`${toRevoke.number} (revocado)`)
  })

  it('the person’s timeline shows the certificate issued, reissued and revoked, with the reason', async () => {
    const { enrollmentId, person } = await finishedWebinarEnrollment()
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'x' })
    await reissueCertificate(aula.payload, { certificateId: certificate.id })
    await revokeCertificate(aula.payload, { certificateId: certificate.id, reason: 'Emitido por error' })
    const response = await aula.api.get(`/users/${person.id}/timeline`, { token: admin.token })
    expect(response.status).toBe(200)
    const entries = response.body.entries.filter((entry: { source: string }) => entry.source === 'certificates')
    expect(entries.map((entry: { title: string }) => entry.title).sort()).toEqual(
      [`Certificado emitido ${certificate.number}`, `Certificado reemitido (versión 2) ${certificate.number}`, `Certificado revocado ${certificate.number}`].sort(),
    )
    expect(entries.find((entry: { title: string }) => entry.title.startsWith('Certificado revocado'))).toMatchObject({ detail: 'Emitido por error', link: { collection: 'certificates', id: certificate.id } })
  })

  it('the holder downloads their PDF: the stored file of the current version', async () => {
    const [certificate] = await certificatesOf(enrollmentOf.get(students[8].id)!)
    const response = await aula.api.get(`/certificates/${certificate.id}/pdf`, { token: students[8].token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${certificate.number}.pdf"`)
    expect(response.text.startsWith('%PDF-')).toBe(true)
  })
})
