import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, openMenu, shot, textOf, staffApi } from './support/adminApp'
import { DAY_MS, limaDay, NEXT_YEAR } from './support/days'
import { fillField, typeDate, whenReady } from './support/interact'

/**
 * The calendar and course editing in a real browser (issue 15): a coordinator (the seeded editor)
 * on a UTC laptop with an English browser opens the calendar from the navigation, finds a webinar
 * at 23:30 Lima on its Lima day, clicks through to it, duplicates a course a week later, and adds
 * a module and a session that open expanded with a dated label.
 */
let base: string
let page: Page
const stamp = Date.now().toString(36)

/** Next compiles each admin route on its first visit: minutes on a shared 2-core machine. */
const SLOW = 600_000

beforeAll(async () => {
  base = await adminApp()
  page = await logIn('editora@aula.local', { locale: 'en-US', timezoneId: 'UTC' })
}, SLOW)

afterAll(() => closeBrowser(), 60_000)

/** Intl puts a no-break space between amount and code ("350,00\u00a0PEN"); compare what a person reads. */
const readable = (text: string) => text.replace(/\u00a0/g, ' ')
const api = async (method: 'get' | 'post', path: string, data?: unknown) => {
  const response = await staffApi(page)[method](`/api${path}`, { data })
  return { status: response.status(), body: await response.json() }
}

describe('calendar and course editing', () => {
  let courseId: number

  it('a coordinator opens the calendar from the navigation, sees a webinar at 23:30 Lima on its day, and clicks through to it', async () => {
    const day = limaDay(0).iso
    const title = `Webinar del calendario ${stamp}`
    // 23:30 in Lima is already tomorrow in UTC (the laptop's zone): the calendar must still put it today.
    const created = await api('post', '/webinars', {
      title, summary: 'Para el calendario.', startsAt: `${day}T23:30:00-05:00`, timezone: 'America/Lima', durationMinutes: 60,
      platform: 'zoom', meetingLink: 'https://zoom.us/j/1', isFree: true, currency: 'PEN', capacity: 40, status: 'published',
    })
    expect(created.status).toBe(201)
    const webinarId = created.body.doc.id as number

    await page.goto(`${base}/admin`)
    const navLink = page.locator('#nav-aula-calendar')
    await openMenu(page)
    await navLink.click()
    await page.waitForURL(/\/admin\/calendar/)
    expect(await textOf(page.locator('h1'))).toBe('Calendario')
    const cell = page.locator(`[data-day="${day}"]`)
    const entry = cell.locator('[data-calendar-entry="webinars"]', { hasText: title })
    expect(await textOf(entry)).toContain('23:30')
    expect(await textOf(entry)).toContain('Cupos: 0 / 40')
    expect(await entry.getAttribute('data-status')).toBe('published')
    expect(await textOf(page.locator('.aula-calendar'))).toContain('hora de Lima')
    await shot(page, 'calendar-1-month')

    await page.locator('[data-calendar-view="week"]').click()
    await page.waitForURL(/view=week/)
    expect(await textOf(page.locator(`[data-day="${day}"]`))).toContain(title)
    await shot(page, 'calendar-2-week')
    await page.locator('[data-calendar-nav="next"]').click()
    await page.waitForURL(/view=week&date=/)
    expect(await page.locator(`[data-day="${day}"]`).count()).toBe(0)
    await page.locator('[data-calendar-nav="previous"]').click()
    await page.locator(`[data-day="${day}"] [data-calendar-entry]`, { hasText: title }).click()
    await page.waitForURL(new RegExp(`/admin/collections/webinars/${webinarId}`))
    expect(await page.locator('#field-title').inputValue()).toBe(title)
    await shot(page, 'calendar-3-clicked-through')
  }, SLOW)

  it('duplicates a course as a new run a week later', async () => {
    const created = await api('post', '/courses', {
      title: `Curso a duplicar ${stamp}`, courseCode: `DUP-${stamp}`, summary: 'Una edición.', modality: 'online',
      startDate: `${NEXT_YEAR}-01-11T12:00:00.000Z`, endDate: `${NEXT_YEAR}-01-29T12:00:00.000Z`, regularPrice: 350, currency: 'PEN', capacity: 20, status: 'published',
      modules: [{ title: 'Primero', startDate: `${NEXT_YEAR}-01-11T12:00:00.000Z`, endDate: `${NEXT_YEAR}-01-22T12:00:00.000Z`, sessions: [{ name: 'Introducción', date: `${NEXT_YEAR}-01-13T00:00:00.000Z`, durationHours: 2 }] }],
    })
    expect(created.status).toBe(201)
    courseId = created.body.doc.id

    await page.goto(`${base}/admin/collections/courses/${courseId}`)
    await whenReady(page.locator('#aula-duplicate-course'))
    await page.locator('#aula-duplicate-course').click()
    await fillField(page.locator('#aula-duplicate-shift-days'), '7')
    expect(await textOf(page.locator('[data-new-start]'))).toContain(`18/01/${NEXT_YEAR}`)
    await shot(page, 'courses-1-duplicate-dialog')
    await page.locator('#aula-duplicate-course-confirm').click()
    await page.waitForURL((url) => /\/collections\/courses\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${courseId}`))
    const copyId = Number(page.url().match(/courses\/(\d+)/)![1])
    const copy = (await api('get', `/courses/${copyId}?depth=0`)).body
    expect(copy).toMatchObject({ title: `Curso a duplicar ${stamp} (copia)`, status: 'draft', seatsTaken: 0, startDate: new Date(Date.parse(`${NEXT_YEAR}-01-11T12:00:00.000Z`) + 7 * DAY_MS).toISOString() })
    expect(copy.modules[0].sessions[0].date).toBe(`${NEXT_YEAR}-01-20T00:00:00.000Z`)
    expect((await api('get', `/courses/${courseId}?depth=0`)).body.startDate).toBe(`${NEXT_YEAR}-01-11T12:00:00.000Z`)
    expect(await page.locator('#field-title').inputValue()).toBe(copy.title)
    await shot(page, 'courses-2-duplicated')
  }, SLOW)

  it('adds a module and a session: both open expanded, the session labelled by its date and name', async () => {
    const created = await api('post', '/courses', {
      title: `Curso sin módulos ${stamp}`, courseCode: `MOD-${stamp}`, summary: 'Vacío.', modality: 'online',
      startDate: `${NEXT_YEAR}-01-04T12:00:00.000Z`, endDate: `${NEXT_YEAR}-02-26T12:00:00.000Z`, regularPrice: 350, currency: 'PEN', status: 'draft',
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    await page.goto(`${base}/admin/collections/courses/${id}`)
    // The price reads back with its currency, and the currency is a list with the business's first.
    await page.getByRole('button', { name: 'Precio y cupos' }).click()
    expect(readable(await textOf(page.locator('[data-price-readback]').first()))).toContain('350,00 PEN')
    await page.getByRole('button', { name: 'Fechas y módulos' }).click()

    // Payload adds an array row as a grey placeholder and fills it from the server's form state. Under
    // load that answer is sometimes never asked for (the form's debounced change sees no difference)
    // and the placeholder stays until the form's next change, as a person sees it load the moment they
    // type anywhere. addRow makes that next change (typing in a field outside the row) instead of
    // clicking "add" again, which would add a second row. Upstream defect, noted in docs/courses.md.
    const addRow = async (addButton: string, row: string, firstField: string, nudge: string, nudgeText: string) => {
      for (let attempt = 0; attempt < 4 && (await page.locator(row).count()) === 0; attempt += 1) {
        // A click that lands before a nested list is wired adds nothing: click again until the row exists.
        await page.locator(addButton).first().click()
        await page.locator(row).waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined)
      }
      const field = page.locator(firstField)
      for (let tries = 0; tries < 4 && !(await field.isVisible()); tries += 1) {
        await field.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined)
        if (!(await field.isVisible())) await page.locator(nudge).fill(`${nudgeText}${' '.repeat(tries)}.`)
      }
      await field.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (error) => {
        await shot(page, 'courses-row-without-fields')
        throw error
      })
    }
    await addRow('#field-modules > .array-field__add-row, #field-modules .array-field__add-row', '#modules-row-0', '#field-modules__0__title', '#field-schedule', 'Martes 19:00')
    await fillField(page.locator('#field-modules__0__title'), 'Fundamentos')
    await addRow('#field-modules__0__sessions .array-field__add-row', '#modules-0-sessions-row-0', '#field-modules__0__sessions__0__name', '#field-modules__0__objective', 'Bases del curso')
    const sessionName = page.locator('#field-modules__0__sessions__0__name')
    expect(await page.locator('#field-modules__0__sessions__1__name').count()).toBe(0)
    await fillField(sessionName, 'Introducción')
    const dateInput = page.locator('#field-modules__0__sessions__0__date .react-datepicker__input-container input')
    await typeDate(dateInput, `12/01/${NEXT_YEAR} 19:00`)
    const label = page.locator('#field-modules__0__sessions [data-session-label]').first()
    await page.waitForFunction((typed) => document.querySelector('[data-session-label]')?.textContent?.includes(typed), `12/01/${NEXT_YEAR}`)
    expect(await textOf(label)).toBe(`12/01/${NEXT_YEAR} — Introducción`)
    await shot(page, 'courses-3-module-and-session-expanded')

    const saved = page.waitForResponse((response) => response.url().includes(`/api/courses/${id}`) && response.request().method() !== 'GET')
    await page.click('#action-save')
    expect((await saved).status()).toBe(200)
    const stored = (await api('get', `/courses/${id}?depth=0`)).body
    expect(stored.modules[0]).toMatchObject({ title: 'Fundamentos', sessions: [expect.objectContaining({ name: 'Introducción', date: `${NEXT_YEAR}-01-13T00:00:00.000Z` })] })
    await page.reload()
    await page.getByRole('button', { name: 'Fechas y módulos' }).click()
    expect(await textOf(page.locator('#field-modules__0__sessions [data-session-label]').first())).toBe(`12/01/${NEXT_YEAR} — Introducción`)
    await shot(page, 'courses-4-after-save')
    await page.context().close()
  }, SLOW)
})
