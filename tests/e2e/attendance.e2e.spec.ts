import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, documentTab, logIn, shot, textOf, theBrowser, staffApi } from './support/adminApp'

/**
 * Passing the roster in class (issue 16): the seeded instructor opens the "Asistencia" tab of a
 * course they teach whose session is running now, on a tablet-sized screen, ticks one student,
 * then "Todos presentes", saves, and the API shows the marks (by them) and the completion.
 */
const stamp = Date.now().toString(36)
const person = (name: string) => ({ firstName: name, lastName: `Asistencia ${stamp}`, email: `${name.toLowerCase()}-asis-${stamp}@example.com` })
const students = [person('Ana'), person('Beto'), person('Carla')]
let base: string
let admin: Page
let teacher: Page
let courseId: number
let sessionId: string
let instructorId: number

const SLOW = 300_000

beforeAll(async () => {
  base = await adminApp()
  admin = await logIn('admin@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

const api = async (method: 'get' | 'post', path: string, data?: unknown) => {
  const response = await staffApi(admin)[method](`/api${path}`, { data })
  return { status: response.status(), body: await response.json() }
}
const rowOf = (email: string) => teacher.locator('li[data-enrollment]', { hasText: email })

describe('an instructor passing the roster from the admin', () => {
  it('has a course of theirs whose session runs now, with three confirmed students', async () => {
    const users = await api('get', `/users?where[email][equals]=instructor@aula.local&depth=0`)
    instructorId = users.body.docs[0].id
    const speakers = await api('get', `/speakers?where[user][equals]=${instructorId}&depth=0`)
    const speakerId = speakers.body.docs[0]?.id ?? (await api('post', '/speakers', { name: `Carlos Mendoza ${stamp}`, user: instructorId })).body.doc.id
    // A few minutes ahead (a new session may not start in the past): inside the roster's "now".
    const startsAt = new Date(Date.now() + 3 * 60_000)
    startsAt.setUTCSeconds(0, 0)
    const created = await api('post', '/courses', {
      title: `Asistencia E2E ${stamp}`,
      courseCode: `ASIS-${stamp}`,
      summary: 'Un curso para probar la asistencia.',
      modality: 'presential',
      location: 'Aula 3',
      timezone: 'America/Lima',
      regularPrice: 0,
      currency: 'PEN',
      status: 'published',
      instructors: [speakerId],
      modules: [{ title: 'Módulo único', sessions: [{ date: startsAt.toISOString(), name: 'Clase práctica', durationHours: 2 }] }],
    })
    expect(created.status).toBe(201)
    courseId = created.body.doc.id
    sessionId = created.body.doc.modules[0].sessions[0].id
    for (const body of students) {
      const enrolled = await fetch(`${base}/api/courses/${courseId}/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(enrolled.status).toBe(201)
    }
  }, SLOW)

  it('opens the "Asistencia" tab on a tablet and sees the running session and its students', async () => {
    teacher = await logIn('instructor@aula.local')
    await teacher.setViewportSize({ width: 820, height: 1180 })
    await teacher.goto(`${base}/admin/collections/courses/${courseId}`)
    await documentTab(teacher, 'Asistencia').click()
    await teacher.waitForURL(`**/admin/collections/courses/${courseId}/attendance`)
    await rowOf(students[2].email).waitFor()
    const picker = await teacher.locator('[data-session-picker]').evaluate((select: HTMLSelectElement) => select.options[select.selectedIndex].text)
    expect(picker).toContain('Clase práctica')
    expect(picker).toContain('hora de Lima')
    expect(await textOf(teacher.locator('[data-present-count]'))).toContain('0 de 3')
    await shot(teacher, 'attendance-1-roster-on-tablet')
  }, SLOW)

  it('ticks one student, then "Todos presentes", and saves: each line says who recorded it', async () => {
    await rowOf(students[0].email).locator('input[type=checkbox]').check()
    expect(await textOf(teacher.locator('[data-attendance-page]'))).toContain('1 cambio sin guardar')
    await teacher.getByRole('button', { name: 'Todos presentes' }).click()
    expect(await textOf(teacher.locator('[data-present-count]'))).toContain('3 de 3')
    await shot(teacher, 'attendance-2-everyone-ticked')
    const saved = teacher.waitForResponse((response) => response.url().endsWith(`/sessions/${sessionId}/attendance`) && response.request().method() === 'POST')
    await teacher.getByRole('button', { name: 'Guardar asistencia' }).click()
    expect((await saved).status()).toBe(200)
    await teacher.locator('li[data-enrollment]', { hasText: 'por Carlos Mendoza' }).nth(2).waitFor()
    expect(await textOf(rowOf(students[1].email))).toMatch(/Presente — por Carlos Mendoza, \d\d\/\d\d\/\d{4} \d\d:\d\d \(lista\)/)
    await shot(teacher, 'attendance-3-saved')
  }, SLOW)

  it('recorded every mark and the completion, as the API shows', async () => {
    const roster = await api('get', `/courses/${courseId}/sessions/${sessionId}/attendance`)
    expect(roster.status).toBe(200)
    expect(roster.body.rows).toHaveLength(3)
    for (const row of roster.body.rows) expect(row).toMatchObject({ present: true, source: 'roster', recordedBy: instructorId })
    const enrollments = await api('get', `/enrollments?where[item.value][equals]=${courseId}&where[item.relationTo][equals]=courses&depth=0&limit=10`)
    expect(enrollments.body.docs).toHaveLength(3)
    for (const enrollment of enrollments.body.docs) {
      expect(enrollment).toMatchObject({ attended: true, completionPercentage: 100 })
      expect(enrollment.completedAt).toBeTruthy()
    }
  }, SLOW)

  it('shows the session’s check-in code with its QR for the class', async () => {
    await teacher.getByRole('button', { name: 'Mostrar código y QR' }).click()
    expect(await textOf(teacher.locator('[data-code]'))).toMatch(/^\d{3} \d{3}$/)
    await teacher.locator('[data-check-in] img').waitFor()
    await shot(teacher, 'attendance-4-check-in-code')
    // What a student's phone opens from the QR: the session and a form (with a login, as nobody is logged in there).
    const url = await textOf(teacher.locator('[data-check-in-url]'))
    const phone = await (await theBrowser()).newContext({ viewport: { width: 390, height: 844 }, locale: 'es-PE' })
    const student = await phone.newPage()
    await student.goto(url)
    expect(await textOf(student.locator('body'))).toContain(`Asistencia E2E ${stamp}`)
    expect(await student.locator('#code').inputValue()).toMatch(/^\d{6}$/)
    await shot(student, 'attendance-5-phone-check-in-page')
    await phone.close()
  }, SLOW)
})
