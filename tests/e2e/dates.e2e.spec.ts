import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, shot, textOf, staffApi } from './support/adminApp'
import { limaDay, limaInstant, NEXT_YEAR, typedDay } from './support/days'
import { typeDate, whenReady } from './support/interact'

/**
 * Dates and times in a real browser (issue 15): a coordinator whose laptop runs on UTC with an
 * English browser types Spanish day-first dates; what is stored and shown is that day and that
 * hour in Lima (the business zone, or the webinar's own), never the laptop's zone or US order.
 */
let base: string
const stamp = Date.now().toString(36)
// Courses and leads in December of next year; the webinar the day after tomorrow, so that it is among
// the dashboard's next few items (every day is derived from today: support/days.ts says why).
const DEC = (day: string) => `${NEXT_YEAR}-12-${day}`

// The first browser spec of a run builds and starts the app (minutes on a busy machine).
beforeAll(async () => {
  base = await adminApp()
}, 600_000)
afterAll(() => closeBrowser(), 60_000)

/** Opens every collapsed row (course modules and sessions start collapsed). */
const expandRows = async (page: Page) => {
  for (let round = 0; round < 10; round += 1) {
    const collapsed = page.locator('.collapsible__toggle--collapsed')
    if (!(await collapsed.count())) return
    await collapsed.first().click()
  }
}

/** The date picker's text box of a field, by its path ("interactions.0.nextActionAt"). */
const dateInput = (page: Page, path: string) => page.locator(`#field-${path.replace(/\./g, '__')} .react-datepicker__input-container input`)

/** Opens an edit view's tab and its collapsed rows until the field shows (a click before the form is ready does nothing). */
const openTab = async (page: Page, tab: RegExp, path: string) => {
  await whenReady(page.getByRole('button', { name: tab }).first())
  for (let tries = 0; tries < 90; tries += 1) {
    await page.getByRole('button', { name: tab }).first().click()
    await expandRows(page)
    if (await dateInput(page, path).isVisible()) return
    await page.waitForTimeout(1000)
  }
  throw new Error(`${path} never showed in the ${tab} tab`)
}

/** Types a date as staff do, leaves the field, saves, and waits for the save to answer. */
const typeAndSave = async (page: Page, collection: string, id: number, typed: Array<[string, string]>) => {
  for (const [path, text] of typed) await typeDate(dateInput(page, path), text)
  const saved = page.waitForResponse((response) => response.url().includes(`/api/${collection}/${id}`) && response.request().method() !== 'GET')
  await page.click('#action-save')
  expect((await saved).status()).toBe(200)
}

const apiGet = async (page: Page, path: string) => (await staffApi(page).get(`/api${path}`)).json()

describe('dates and times in the admin', () => {
  let page: Page

  it('a coordinator on a UTC laptop types 03/12 10:00 as a lead interaction next-action date and it stays 3 December 10:00 Lima', async () => {
    page = await logIn('admin@aula.local', { locale: 'en-US', timezoneId: 'UTC' })
    const created = await staffApi(page).post(`/api/leads`, {
            data: { firstName: 'Fechas', lastName: `E2E ${stamp}`, email: `fechas-${stamp}@example.com`, interactions: [{ type: 'call', summary: 'Primera llamada' }] },
    })
    expect(created.status()).toBe(201)
    const leadId = (await created.json()).doc.id as number

    await page.goto(`${base}/admin/collections/leads/${leadId}`)
    await openTab(page, /Seguimiento/, 'interactions.0.nextActionAt')
    await typeAndSave(page, 'leads', leadId, [['interactions.0.nextActionAt', `${typedDay(DEC('03'))} 10:00`]])
    await shot(page, 'dates-1-lead-next-action-typed')

    const stored = await apiGet(page, `/leads/${leadId}?depth=0`)
    expect(stored.interactions[0].nextActionAt).toBe(`${DEC('03')}T15:00:00.000Z`)

    await page.reload()
    await openTab(page, /Seguimiento/, 'interactions.0.nextActionAt')
    expect(await dateInput(page, 'interactions.0.nextActionAt').inputValue()).toBe(`${typedDay(DEC('03'))} 10:00`)
    expect(await textOf(page.locator('#field-interactions__0__nextActionAt'))).toContain('hora de Lima')
    await shot(page, 'dates-2-lead-after-reload')
  }, 600_000)

  it('a course module start and a session date typed in Spanish are stored as typed and read back the same', async () => {
    const created = await staffApi(page).post(`/api/courses`, {
            data: {
        title: `Curso de fechas ${stamp}`,
        courseCode: `FECHAS-${stamp}`,
        summary: 'Un curso para probar fechas.',
        modality: 'online',
        startDate: `${DEC('01')}T12:00:00.000Z`,
        endDate: `${DEC('31')}T12:00:00.000Z`,
        regularPrice: 100,
        currency: 'PEN',
        status: 'draft',
        modules: [{ title: 'Módulo 1', startDate: `${DEC('01')}T12:00:00.000Z`, endDate: `${DEC('20')}T12:00:00.000Z`, sessions: [{ name: 'Sesión 1', date: `${DEC('02')}T00:00:00.000Z`, durationHours: 2 }] }],
      },
    })
    expect(created.status()).toBe(201)
    const courseId = (await created.json()).doc.id as number

    await page.goto(`${base}/admin/collections/courses/${courseId}`)
    await openTab(page, /Fechas y m/, 'modules.0.sessions.0.date')
    await typeAndSave(page, 'courses', courseId, [
      ['modules.0.startDate', typedDay(DEC('02'))],
      ['modules.0.sessions.0.date', `${typedDay(DEC('10'))} 19:00`],
    ])
    await shot(page, 'dates-3-course-session-typed')

    const stored = await apiGet(page, `/courses/${courseId}?depth=0`)
    expect(stored.modules[0].startDate.slice(0, 10)).toBe(DEC('02'))
    expect(stored.modules[0].sessions[0].date).toBe(`${DEC('11')}T00:00:00.000Z`)

    await page.reload()
    await openTab(page, /Fechas y m/, 'modules.0.sessions.0.date')
    expect(await dateInput(page, 'modules.0.startDate').inputValue()).toBe(typedDay(DEC('02')))
    expect(await dateInput(page, 'modules.0.sessions.0.date').inputValue()).toBe(`${typedDay(DEC('10'))} 19:00`)
    await shot(page, 'dates-4-course-after-reload')
  }, 300_000)

  it("a webinar's start typed in its own zone is kept, and the dashboard and the list read it in Lima time, saying so", async () => {
    const title = `Webinar de fechas ${stamp}`
    const createdOn = limaDay(1).iso
    const day = limaDay(2)
    // 19:00 in Lima is already the next day in UTC, the laptop's zone: nothing may show that day.
    const stamped = limaInstant(day.iso, '19:00')
    const utcDay = typedDay(stamped.slice(0, 10))
    const created = await staffApi(page).post(`/api/webinars`, {
            data: { title, summary: 'Probando horas.', startsAt: limaInstant(createdOn, '19:00'), timezone: 'America/Lima', durationMinutes: 60, platform: 'zoom', meetingLink: 'https://zoom.us/j/1', isFree: true, currency: 'PEN', capacity: 30, status: 'published' },
    })
    expect(created.status()).toBe(201)
    const webinarId = (await created.json()).doc.id as number

    await page.goto(`${base}/admin/collections/webinars/${webinarId}`)
    await openTab(page, /Fecha y acceso/, 'startsAt')
    await typeAndSave(page, 'webinars', webinarId, [['startsAt', `${day.typed} 19:00`]])
    const stored = await apiGet(page, `/webinars/${webinarId}?depth=0`)
    expect(stored.startsAt).toBe(stamped)
    await page.reload()
    await openTab(page, /Fecha y acceso/, 'startsAt')
    expect(await dateInput(page, 'startsAt').inputValue()).toBe(`${day.typed} 19:00`)
    await shot(page, 'dates-5-webinar-after-reload')

    await page.goto(`${base}/admin`)
    const card = page.locator('.aula-dashboard__item', { hasText: title })
    const cardText = await textOf(card)
    expect(cardText).toContain(`${day.typed} 19:00 (hora de Lima)`)
    expect(cardText).not.toContain(utcDay)
    await shot(page, 'dates-6-dashboard-lima-time')

    await page.goto(`${base}/admin/collections/webinars?where[title][equals]=${encodeURIComponent(title)}`)
    expect(await textOf(page.locator('tbody tr', { hasText: title }))).toContain(`${day.typed} 19:00 (hora de Lima)`)
    await shot(page, 'dates-7-webinar-list-lima-time')
  }, 300_000)
})
