import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { strFromU8, unzipSync } from 'fflate'
import { createLocalReq } from 'payload'

import { recordAudit } from '../../src/audit/record'
import { issueCertificate } from '../../src/certificates/issue'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { pdfText } from '../helpers/certificatePdf'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'
import { signalWorkerGroup, startWorkerProcess } from '../helpers/workerProcess'

type Account = Awaited<ReturnType<TestAula['createUser']>>

const smtp = new SmtpSink()
const clock = new ManualClock()
let aula: TestAula
let admin: Account, sales: Account, otherStudent: Account
const workers: ChildProcess[] = []

/** Valeria: a lead (with consent, a call, stage changes) converted into an account with every kind of data Aula keeps. */
const person = { email: `valeria-${Date.now()}@cliente.pe`, password: 'valeria-clave-segura-2026', userId: 0, leadId: 0, enrollmentId: 0, paymentId: 0, certificateNumber: '', receiptNumber: '', bookingId: 0, webinarTitle: '' }
/** Someone who only filled in the contact form: a lead, no account. */
const prospect = { email: `jorge-${Date.now()}@empresa.pe`, leadId: 0 }

/** The public form answers only "received": the lead is found by its address. */
const leadIdOf = async (email: string) =>
  (await aula.payload.find({ collection: 'leads', where: { email: { equals: email } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0].id

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  ;[admin, sales, otherStudent] = await Promise.all((['admin', 'sales', 'student'] as const).map((role) => aula.createUser([role])))
  const payload = aula.payload

  const lead = await aula.api.post('/leads', { firstName: 'Valeria', lastName: 'Cárdenas', email: person.email, phone: '+51 999 111 222', company: 'Minera Andina', message: 'Quiero el curso de Excel', marketingConsent: true })
  expect(lead.status).toBe(201)
  person.leadId = await leadIdOf(person.email)
  const asSales = (data: Record<string, unknown>) => aula.api.patch(`/leads/${person.leadId}`, data, { token: sales.token })
  expect((await aula.api.patch(`/leads/${person.leadId}`, { assignedTo: sales.id }, { token: admin.token })).status).toBe(200)
  expect((await asSales({ interactions: [{ type: 'call', summary: 'Llamada de presentación a Valeria', outcome: 'Interesada en Excel' }] })).status).toBe(200)
  expect((await asSales({ stage: 'won' })).status).toBe(200)
  const startsAt = new Date(clock.now().getTime() + 2 * 24 * 60 * 60 * 1000)
  const webinar = await createWebinar(payload, { title: `Excel para finanzas ${Date.now()}`, startsAt: startsAt.toISOString() })
  person.webinarTitle = String(webinar.title)
  const converted = await aula.api.post(`/leads/${person.leadId}/convert`, { item: { relationTo: 'webinars', value: webinar.id } }, { token: sales.token })
  expect(converted.status).toBe(201)
  person.enrollmentId = converted.body.enrollment.id
  const enrollment = await payload.findByID({ collection: 'enrollments', id: person.enrollmentId, depth: 0, overrideAccess: true })
  person.userId = enrollment.user as number
  await payload.update({ collection: 'users', id: person.userId, data: { password: person.password, language: 'es' }, overrideAccess: true })

  const payment = await payload.create({ collection: 'payments', data: { enrollment: person.enrollmentId, user: person.userId, amount: 150, currency: 'PEN', status: 'succeeded' }, overrideAccess: true, depth: 0 })
  person.paymentId = payment.id
  const [receipt] = (await payload.find({ collection: 'receipts', where: { payment: { equals: payment.id } }, overrideAccess: true, depth: 0 })).docs
  person.receiptNumber = String(receipt.number)
  const booking = await payload.create({
    collection: 'bookings',
    data: { item: { relationTo: 'webinars', value: webinar.id }, status: 'confirmed', buyer: person.userId, buyerName: 'Valeria Cárdenas', buyerEmail: person.email, company: 'Minera Andina', seats: 3, currency: 'PEN', total: 450 },
    overrideAccess: true,
    depth: 0,
  })
  person.bookingId = booking.id

  // The webinar has happened: she attended, rated it and got her certificate.
  clock.set(new Date(startsAt.getTime() + 3 * 60 * 60 * 1000))
  await payload.create({ collection: 'attendance', data: { enrollment: person.enrollmentId, present: true, minutesAttended: 55, source: 'admin' }, overrideAccess: true, depth: 0 })
  // Feedback is written only by its emailed link (its own SQL); the adapter does the same here.
  await payload.db.updateOne({ collection: 'enrollments', id: person.enrollmentId, data: { feedbackRating: 5, feedbackComment: 'Muy práctico, gracias', feedbackAt: clock.now().toISOString() }, returning: false })
  person.certificateNumber = String((await issueCertificate(payload, { enrollmentId: person.enrollmentId, note: 'emitido a mano' })).number)

  await payload.create({ collection: 'email-suppressions', data: { email: person.email, reason: 'staff', note: 'Pidió no recibir campañas' }, overrideAccess: true })
  await payload.create({
    collection: 'notifications',
    data: { recipient: person.userId, kind: 'certificate_issued', title: 'Tu certificado está listo', body: `Certificado ${person.certificateNumber}` },
    overrideAccess: true,
  } as never)
  const req = await createLocalReq({}, payload)
  await recordAudit(req, { action: 'update', collectionSlug: 'leads', documentId: person.leadId, changes: [{ field: 'stage', from: 'new', to: 'won' }], actor: { kind: 'user', userId: sales.id } })
  await recordAudit(req, { action: 'update', collectionSlug: 'enrollments', documentId: person.enrollmentId, personId: person.userId, changes: [{ field: 'attended', from: false, to: true }], actor: { kind: 'user', userId: admin.id } })

  const form = await aula.api.post('/leads', { firstName: 'Jorge', lastName: 'Salas', email: prospect.email, company: 'Andes Logística', message: 'Capacitación para 20 personas', type: 'corporate', headcount: 20 })
  expect(form.status).toBe(201)
  prospect.leadId = await leadIdOf(prospect.email)
  await drainQueue(payload)
}, 120_000)

afterAll(async () => {
  for (const worker of workers) signalWorkerGroup(worker, 'SIGKILL')
  await aula.close()
  await smtp.stop()
})

const unzip = (bytes: Uint8Array) => unzipSync(bytes)
const datosOf = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['datos.json']))
const adminExport = (query: string, token = admin.token) => aula.api.getBytes(`/privacy/export?${query}`, { token })

describe('an admin exports a person’s data', () => {
  let files: Record<string, Uint8Array>
  let datos: any

  beforeAll(async () => {
    const response = await adminExport(`user=${person.userId}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="aula-datos-${person.userId}.zip"`)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    files = unzip(response.bytes)
    datos = datosOf(files)
  })

  it('the zip holds datos.json with their profile, without password hashes, tokens or sessions', () => {
    expect(datos.subject).toEqual({ userId: person.userId, email: person.email, leadIds: [person.leadId] })
    expect(datos.profile).toMatchObject({ id: person.userId, email: person.email, firstName: 'Valeria', lastName: 'Cárdenas', phone: '+51 999 111 222', company: 'Minera Andina' })
    const text = strFromU8(files['datos.json'])
    for (const secret of ['"hash"', '"salt"', '"sessions"', '"resetPasswordToken"', '"_verificationToken"', '"password"', '"checkoutUrl"', 'cancelUrl', 'token=']) expect(text).not.toContain(secret)
  })

  it('holds their enrollment with the webinar’s title, their attendance and their feedback', () => {
    expect(datos.enrollments).toEqual([expect.objectContaining({ id: person.enrollmentId, status: 'confirmed', item: { collection: 'webinars', id: expect.any(Number), title: person.webinarTitle } })])
    expect(datos.attendance).toEqual([expect.objectContaining({ enrollment: person.enrollmentId, present: true, minutesAttended: 55 })])
    expect(datos.feedback).toEqual([expect.objectContaining({ enrollment: person.enrollmentId, rating: 5, comment: 'Muy práctico, gracias' })])
  })

  it('holds their payment, receipt and group booking, and the receipt PDF opens and carries its number', async () => {
    expect(datos.payments).toEqual([expect.objectContaining({ id: person.paymentId, amount: 150, currency: 'PEN', status: 'succeeded' })])
    expect(datos.receipts).toEqual([expect.objectContaining({ number: person.receiptNumber, total: 150 })])
    expect(datos.bookings).toEqual([expect.objectContaining({ id: person.bookingId, seats: 3, buyerEmail: person.email })])
    const receiptPdf = files[`recibos/${person.receiptNumber}.pdf`]
    expect(datos.files).toContain(`recibos/${person.receiptNumber}.pdf`)
    expect(await pdfText(receiptPdf)).toContain(person.receiptNumber)
  })

  it('holds their certificate, and its PDF opens with their name', async () => {
    expect(datos.certificates).toEqual([expect.objectContaining({ number: person.certificateNumber, holderName: 'Valeria Cárdenas', status: 'valid' })])
    const name = Object.keys(files).find((file) => file.startsWith(`certificados/${person.certificateNumber}`))!
    expect(datos.files).toContain(name)
    expect(await pdfText(files[name])).toContain('Valeria Cárdenas')
  })

  it('holds the emails sent to them (which email, subject, status, times) but not their signed links', () => {
    const confirmation = datos.emails.find((email: any) => email.email === 'enrollment_confirmed')
    expect(confirmation).toMatchObject({ to: person.email, emailName: 'Inscripción confirmada', status: 'sent', subject: expect.stringContaining(person.webinarTitle), sentAt: expect.any(String) })
    expect(confirmation.variables).toBeUndefined()
    expect(datos.emails.map((email: any) => email.email)).toEqual(expect.arrayContaining(['lead_received', 'receipt_issued', 'certificate_issued']))
  })

  it('holds their lead with its interactions and stage history, their consents and do-not-email entry', () => {
    expect(datos.leads).toEqual([
      expect.objectContaining({
        id: person.leadId,
        email: person.email,
        message: 'Quiero el curso de Excel',
        interactions: [expect.objectContaining({ type: 'call', summary: 'Llamada de presentación a Valeria', outcome: 'Interesada en Excel' })],
        stageHistory: expect.arrayContaining([expect.objectContaining({ to: 'won' })]),
      }),
    ])
    expect(datos.consents.leads).toEqual([expect.objectContaining({ leadId: person.leadId, marketingConsent: expect.objectContaining({ granted: true, method: 'form' }) })])
    expect(datos.consents.account).toEqual(expect.objectContaining({ userId: person.userId }))
    expect(datos.consents.suppressions).toEqual([expect.objectContaining({ email: person.email, reason: 'staff', note: 'Pidió no recibir campañas' })])
  })

  it('holds their notifications and the audit entries about them and their lead', () => {
    expect(datos.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ recipient: person.userId, kind: 'certificate_issued', title: 'Tu certificado está listo' })]))
    expect(datos.auditEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collectionSlug: 'leads', documentId: String(person.leadId), changes: [{ field: 'stage', from: 'new', to: 'won' }] }),
        expect.objectContaining({ collectionSlug: 'enrollments', documentId: String(person.enrollmentId), person: person.userId }),
      ]),
    )
  })

  it('each download is an export entry in the audit log, naming the admin', async () => {
    const { docs } = await aula.payload.find({ collection: 'audit-log', where: { and: [{ action: { equals: 'export' } }, { person: { equals: person.userId } }] }, overrideAccess: true, depth: 0 } as never)
    expect(docs).toEqual(expect.arrayContaining([expect.objectContaining({ actorKind: 'user', actor: admin.id, collectionSlug: 'users', documentId: String(person.userId) })]))
  })

  it('asked by the address instead of the id, the export is the same person’s', async () => {
    const response = await adminExport(`email=${encodeURIComponent(person.email.toUpperCase())}`)
    expect(response.status).toBe(200)
    expect(datosOf(unzip(response.bytes)).subject).toEqual({ userId: person.userId, email: person.email, leadIds: [person.leadId] })
  })

  it('a lead without an account is exported by its address: the lead, its consent and the emails it got, no profile', async () => {
    const response = await adminExport(`email=${encodeURIComponent(prospect.email)}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="aula-datos-lead-${prospect.leadId}.zip"`)
    const lead = datosOf(unzip(response.bytes))
    expect(lead.profile).toBeNull()
    expect(lead.leads).toEqual([expect.objectContaining({ id: prospect.leadId, company: 'Andes Logística', headcount: 20 })])
    expect(lead.emails.map((email: any) => email.email)).toContain('lead_received')
    expect(lead.enrollments).toEqual([])
    expect(JSON.stringify(lead)).not.toContain(person.email)
  })
})

describe('who may export, and with what', () => {
  it('the person themself, sales staff and anonymous callers cannot use the admin export', async () => {
    const own = await aula.api.login(person.email, person.password)
    expect((await adminExport(`user=${person.userId}`, own)).status).toBe(403)
    expect((await adminExport(`user=${person.userId}`, sales.token)).status).toBe(403)
    expect((await aula.api.get(`/privacy/export?user=${person.userId}`)).status).toBe(401)
  })

  it('a malformed, missing or doubled parameter is a 400 naming it, and nobody held is a 404', async () => {
    const cases: Array<[string, string]> = [
      ['user=1.0', 'user'],
      ['user=abc', 'user'],
      ['email=not-an-address', 'email'],
      ['', 'user'],
      [`user=${person.userId}&email=${encodeURIComponent(person.email)}`, 'email'],
      [`user=${person.userId}&user=${otherStudent.id}`, 'user'],
    ]
    for (const [query, field] of cases) {
      const response = await aula.api.get(`/privacy/export?${query}`, { token: admin.token })
      expect({ query, status: response.status }).toEqual({ query, status: 400 })
      expect(errorPaths(response.body)).toEqual([field])
    }
    expect((await aula.api.get('/privacy/export?user=999999', { token: admin.token })).status).toBe(404)
    expect((await aula.api.get('/privacy/export?email=nadie%40ninguna.pe', { token: admin.token })).status).toBe(404)
  })
})

describe('a person asks for their own data', () => {
  let token: string
  let exportId: number
  let downloadPath: string

  beforeAll(async () => {
    token = await aula.api.login(person.email, person.password)
  })

  it('the request answers 202 at once; the worker builds the zip and the email with the link arrives through SMTP, in Spanish', async () => {
    const response = await aula.api.post('/privacy/my-export', undefined, { token })
    expect(response.status).toBe(202)
    expect(response.body).toMatchObject({ id: expect.any(Number), status: 'pending' })
    exportId = response.body.id
    workers.push(await startWorkerProcess({ databaseUri: aula.databaseUri, smtpPort: smtp.port, env: { MEDIA_DIR: aula.mediaDir } }))
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(person.email) && /datos personales están listos/.test(message.subject ?? ''), 60_000)
    const link = String(mail.html).match(/href="([^"]*\/api\/privacy-exports\/\d+\/download)"/)?.[1]
    expect(link).toBeDefined()
    downloadPath = link!.slice(link!.indexOf('/api') + 4)
    expect(downloadPath).toBe(`/privacy-exports/${exportId}/download`)
    expect(mail.text).toContain('iniciar sesión')
    const row = await aula.payload.findByID({ collection: 'privacy-exports', id: exportId, overrideAccess: true, depth: 0 })
    expect(row).toMatchObject({ status: 'ready', owner: person.userId, mimeType: 'application/zip' })
  }, 90_000)

  it('logged in, they download their zip: the same kinds of data as the admin’s export', async () => {
    const response = await aula.api.getBytes(downloadPath, { token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="aula-datos-${person.userId}.zip"`)
    const files = unzip(response.bytes)
    const datos = datosOf(files)
    expect(datos.subject.userId).toBe(person.userId)
    for (const kind of ['enrollments', 'payments', 'receipts', 'certificates', 'attendance', 'feedback', 'emails', 'leads', 'bookings', 'notifications']) {
      expect({ kind, count: datos[kind].length > 0 }).toEqual({ kind, count: true })
    }
    expect(Object.keys(files).filter((name) => name.endsWith('.pdf'))).toHaveLength(2)
  })

  it('someone else gets nothing: not by the link, not by the file’s address, not in the list; without a login the link downloads nothing', async () => {
    expect((await aula.api.getBytes(downloadPath, { token: otherStudent.token })).status).toBe(404)
    expect((await aula.api.getBytes(downloadPath, { token: sales.token })).status).toBe(404)
    expect((await aula.api.getBytes(downloadPath)).status).toBe(401)
    const row = await aula.payload.findByID({ collection: 'privacy-exports', id: exportId, overrideAccess: true, depth: 0 })
    expect([403, 404]).toContain((await aula.api.getBytes(`/privacy-exports/file/${row.filename}`, { token: otherStudent.token })).status)
    expect((await aula.api.getBytes(`/privacy-exports/file/${row.filename}`, { token })).status).toBe(200)
    expect((await aula.api.get('/privacy-exports', { token: otherStudent.token })).body.docs).toEqual([])
    expect((await aula.api.getBytes(downloadPath, { token: admin.token })).status).toBe(200)
  })

  it('nobody creates or changes an export over the API, not even an admin', async () => {
    expect((await aula.api.patch(`/privacy-exports/${exportId}`, { owner: otherStudent.id }, { token: admin.token })).status).toBe(403)
    expect((await aula.api.patch(`/privacy-exports/${exportId}`, { status: 'pending' }, { token })).status).toBe(403)
    expect((await aula.api.post('/privacy-exports', { owner: person.userId, status: 'ready' }, { token: admin.token })).status).toBe(403)
  })

  it('a second request within the hour is a 429 with Retry-After, and queues nothing', async () => {
    const before = await aula.payload.count({ collection: 'privacy-exports', overrideAccess: true })
    const again = await aula.api.post('/privacy/my-export', undefined, { token })
    expect(again.status).toBe(429)
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await aula.payload.count({ collection: 'privacy-exports', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect((await aula.api.post('/privacy/my-export')).status).toBe(401)
  })

  it('three clicks at the same moment make one export, not three', async () => {
    const someone = await aula.createUser(['student'])
    const answers = await Promise.all([1, 2, 3].map(() => aula.api.post('/privacy/my-export', undefined, { token: someone.token })))
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 429, 429])
    expect((await aula.payload.count({ collection: 'privacy-exports', where: { owner: { equals: someone.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('after 7 days the link answers 410, and the daily job deletes the row and its file', async () => {
    const row = await aula.payload.findByID({ collection: 'privacy-exports', id: exportId, overrideAccess: true, depth: 0 })
    expect(fs.existsSync(path.join(aula.mediaDir, String(row.filename)))).toBe(true)
    clock.set(new Date(new Date(String(row.expiresAt)).getTime() + 60_000))
    expect((await aula.api.getBytes(downloadPath, { token })).status).toBe(410)
    expect((await aula.api.getBytes(`/privacy-exports/file/${row.filename}`, { token })).status).toBe(410)
    for (const worker of workers.splice(0)) signalWorkerGroup(worker, 'SIGKILL')
    await aula.payload.jobs.queue({ task: 'deleteExpiredPrivacyExports', input: {} })
    await drainQueue(aula.payload)
    expect(await aula.payload.findByID({ collection: 'privacy-exports', id: exportId, overrideAccess: true, disableErrors: true })).toBeNull()
    expect(fs.existsSync(path.join(aula.mediaDir, String(row.filename)))).toBe(false)
  })
})
