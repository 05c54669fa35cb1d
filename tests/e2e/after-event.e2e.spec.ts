import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ParsedMail } from 'mailparser'
import type { Page } from 'playwright-core'

import { waitUntil } from './support/interact'
import { adminApp, closeBrowser, logIn, newPage, shot, textOf, waitForMail, staffApi } from './support/adminApp'

/**
 * After the event (issue 17), as staff and a participant live it: a webinar that ended with no
 * attendance recorded waits on hold; a coordinator releases it from the webinar's page and the
 * email arrives; the participant opens the feedback link from that email and rates (the page in
 * Spanish, her language, though her browser is English); an admin issues a certificate by hand and
 * revokes another one with a reason; the public verification page says which is valid and which revoked.
 */
const stamp = Date.now().toString(36)
const person = (name: string) => ({ firstName: name, lastName: `Después ${stamp}`, email: `${name.toLowerCase()}-despues-${stamp}@example.com` })
const students = [person('Lucia'), person('Mateo'), person('Nora')]
const TITLE = `Después del evento E2E ${stamp}`
const SLOW = 300_000

let base: string
let admin: Page
let webinarId: number
const enrollmentOf: Record<string, number> = {}
let followUpMail: ParsedMail
let issuedCode = ''
let revokedCode = ''

beforeAll(async () => {
  base = await adminApp()
  admin = await logIn('admin@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

const api = async (method: 'get' | 'post' | 'patch', path: string, data?: unknown) => {
  const response = await staffApi(admin)[method](`/api${path}`, { data })
  return { status: response.status(), body: await response.json() }
}
const addressedTo = (email: string) => (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text.includes(email))

describe('after a webinar: follow-ups, feedback and certificates', () => {
  it('has a webinar that ended with three confirmed people and no attendance recorded: its follow-ups wait on hold', async () => {
    // Registration closes when an item starts: people register while it is ahead, then staff move it to when it really ran.
    const startsAt = new Date(Date.now() + 60 * 60_000)
    startsAt.setUTCSeconds(0, 0)
    const created = await api('post', '/webinars', {
      title: TITLE,
      summary: 'Un webinar para probar lo que pasa después del evento.',
      startsAt: startsAt.toISOString(),
      timezone: 'America/Lima',
      durationMinutes: 60,
      platform: 'zoom',
      meetingLink: 'https://zoom.us/j/123',
      isFree: true,
      capacity: 10,
      status: 'published',
      recordingUrl: 'https://videos.example.com/aula/despues-del-evento',
      followUpDelayHours: 0,
    })
    expect(created.status).toBe(201)
    webinarId = created.body.doc.id
    for (const body of students) {
      const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(registered.status).toBe(201)
    }
    const enrollments = await api('get', `/enrollments?where[item.value][equals]=${webinarId}&where[item.relationTo][equals]=webinars&depth=1&limit=10`)
    for (const enrollment of enrollments.body.docs) enrollmentOf[enrollment.user.email] = enrollment.id
    expect(Object.keys(enrollmentOf).sort()).toEqual(students.map((student) => student.email).sort())
    const ranEarlier = await api('patch', `/webinars/${webinarId}`, { startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString() })
    expect(ranEarlier.status).toBe(200)
    // The worker's follow-up job runs every minute: it finds no attendance and puts the webinar on hold.
    await waitUntil(
      'the follow-up job puts the webinar on hold',
      async () => (await api('get', `/webinars/${webinarId}/follow-ups`)).body,
      (body) => body.status === 'on_hold',
      { timeoutMs: 180_000, intervalMs: 3_000 },
    )
  }, SLOW)

  it('a coordinator sees the hold on the webinar’s page and releases it to everyone confirmed: the email arrives', async () => {
    const coordinator = await logIn('editora@aula.local')
    await coordinator.goto(`${base}/admin/collections/webinars/${webinarId}`)
    const banner = coordinator.locator('[data-follow-up-hold]')
    expect(await textOf(banner)).toContain('Seguimiento en espera')
    expect(await textOf(coordinator.locator('[data-follow-up-waiting]'))).toBe('3 personas confirmadas esperan el seguimiento.')
    await shot(coordinator, 'after-event-1-follow-ups-on-hold')
    // The button asks first (a browser confirm naming how many people it goes to).
    coordinator.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('3 personas confirmadas')
      void dialog.accept()
    })
    const released = coordinator.waitForResponse((response) => response.url().endsWith(`/webinars/${webinarId}/follow-ups/release`) && response.request().method() === 'POST')
    await coordinator.getByRole('button', { name: 'Enviar a todos los confirmados' }).click()
    expect((await released).status()).toBeLessThan(300)
    await banner.waitFor({ state: 'detached' })
    await shot(coordinator, 'after-event-2-follow-ups-released')

    followUpMail = await waitForMail((mail) => addressedTo(students[0].email)(mail) && mail.subject === `${TITLE}: grabación y materiales`, 120_000)
    expect(String(followUpMail.html)).toContain('https://videos.example.com/aula/despues-del-evento')
    for (const student of students.slice(1)) await waitForMail((mail) => addressedTo(student.email)(mail) && mail.subject === `${TITLE}: grabación y materiales`, 60_000)
    await waitUntil('the webinar says its follow-ups were sent', async () => (await api('get', `/webinars/${webinarId}/follow-ups`)).body.status, (status) => status === 'sent', { timeoutMs: 60_000, intervalMs: 2_000 })
  }, SLOW)

  it('the participant opens the feedback link from that email and rates, on a page in Spanish', async () => {
    const link = /href="([^"]*\/api\/enrollments\/\d+\/feedback\?token=[^"]+)"/.exec(String(followUpMail.html))?.[1]?.replace(/&amp;/g, '&')
    expect(link).toBeTruthy()
    // Her browser speaks English; the page follows her account's language (Spanish).
    const phone = await newPage({ locale: 'en-US' })
    await phone.setViewportSize({ width: 390, height: 844 })
    await phone.goto(link!)
    expect(await textOf(phone.locator('h1'))).toBe('Tu opinión')
    expect(await textOf(phone.locator('body'))).toContain(TITLE)
    await phone.locator('input[name=rating][value="5"]').check()
    await phone.locator('#comment').fill('Muy útil, gracias por la grabación.')
    await shot(phone, 'after-event-3-feedback-page')
    await phone.getByRole('button', { name: 'Enviar' }).click()
    await phone.getByText('¡Gracias! Recibimos tu valoración.').waitFor()
    await shot(phone, 'after-event-4-feedback-thanks')
    // The link works once: opened again, it says so.
    await phone.goto(link!)
    expect(await textOf(phone.locator('body'))).toContain('Ya recibimos tu valoración')

    const enrollment = await api('get', `/enrollments/${enrollmentOf[students[0].email]}?depth=0`)
    expect(enrollment.body).toMatchObject({ feedbackRating: 5, feedbackComment: 'Muy útil, gracias por la grabación.' })
    const webinar = await api('get', `/webinars/${webinarId}?depth=0`)
    expect(webinar.body).toMatchObject({ ratingAverage: 5, ratingCount: 1 })
  }, SLOW)

  it('an admin issues a certificate by hand from the enrollment’s page, with a note, and the person gets it by email', async () => {
    await admin.goto(`${base}/admin/collections/enrollments/${enrollmentOf[students[1].email]}`)
    await admin.getByRole('button', { name: 'Emitir certificado' }).click()
    const dialog = admin.getByRole('dialog')
    await dialog.locator('textarea[name=note]').fill('Vio la grabación completa: lo aprobó la coordinación.')
    await shot(admin, 'after-event-5-issue-certificate')
    const issued = admin.waitForResponse((response) => response.url().endsWith('/api/certificates/issue') && response.request().method() === 'POST')
    await dialog.getByRole('button', { name: 'Emitir', exact: true }).click()
    expect((await issued).status()).toBe(201)
    await admin.waitForURL(/\/admin\/collections\/certificates\/\d+$/)
    const certificateId = Number(admin.url().split('/').pop())
    const certificate = await api('get', `/certificates/${certificateId}?depth=0`)
    expect(certificate.body).toMatchObject({ status: 'valid', origin: 'manual', holderName: `${students[1].firstName} ${students[1].lastName}`, itemTitle: TITLE })
    expect(certificate.body.number).toMatch(/^AULA-\d{4}-\d{6}$/)
    issuedCode = certificate.body.verificationCode
    await shot(admin, 'after-event-6-certificate-issued')
    const mail = await waitForMail((message) => addressedTo(students[1].email)(message) && message.attachments.some((file) => file.contentType === 'application/pdf'), 120_000)
    expect(mail.attachments.find((file) => file.contentType === 'application/pdf')!.content.subarray(0, 5).toString()).toBe('%PDF-')
  }, SLOW)

  it('an admin revokes another certificate from its page, saying why', async () => {
    const other = await api('post', '/certificates/issue', { enrollment: enrollmentOf[students[2].email], note: 'Emitido para probar la revocación.' })
    expect(other.status).toBe(201)
    const certificateId = other.body.doc.id
    revokedCode = other.body.doc.verificationCode
    await admin.goto(`${base}/admin/collections/certificates/${certificateId}`)
    await admin.getByRole('button', { name: 'Revocar', exact: true }).click()
    const dialog = admin.getByRole('dialog')
    // Without a reason the dialog refuses, saying so.
    await dialog.getByRole('button', { name: 'Revocar', exact: true }).click()
    expect(await textOf(dialog.getByRole('alert'))).toBe('Este campo es obligatorio.')
    await dialog.locator('textarea[name=reason]').fill('No asistió y no vio la grabación.')
    const revoked = admin.waitForResponse((response) => response.url().endsWith(`/api/certificates/${certificateId}/revoke`) && response.request().method() === 'POST')
    await dialog.getByRole('button', { name: 'Revocar', exact: true }).click()
    expect((await revoked).status()).toBe(200)
    const certificate = await api('get', `/certificates/${certificateId}?depth=0`)
    expect(certificate.body).toMatchObject({ status: 'revoked', revokedReason: 'No asistió y no vio la grabación.' })
    await admin.waitForLoadState('load')
    await shot(admin, 'after-event-7-certificate-revoked')
  }, SLOW)

  it('the public verification page says which certificate is valid and which was revoked, and why', async () => {
    const visitor = await newPage({ locale: 'es-PE' })
    await visitor.goto(`${base}/verify/${issuedCode}`)
    expect(await textOf(visitor.getByRole('status'))).toBe('Certificado válido')
    const valid = await textOf(visitor.locator('body'))
    expect(valid).toContain(`${students[1].firstName} ${students[1].lastName}`)
    expect(valid).toContain(TITLE)
    // Nothing else about the person: not her email.
    expect(valid).not.toContain(students[1].email)
    await shot(visitor, 'after-event-8-verify-valid')
    await visitor.goto(`${base}/verify/${revokedCode}`)
    expect(await textOf(visitor.getByRole('status'))).toBe('Certificado revocado')
    expect(await textOf(visitor.locator('body'))).toContain('Motivo: No asistió y no vio la grabación.')
    await shot(visitor, 'after-event-9-verify-revoked')
    const unknown = await visitor.goto(`${base}/verify/${'x'.repeat(22)}`)
    expect(unknown?.status()).toBe(404)
  }, SLOW)
})
