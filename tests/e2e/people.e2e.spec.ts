import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, shot, textOf, waitForMail, staffApi } from './support/adminApp'
import { fillField } from './support/interact'

/**
 * Finding a person and following their story in a real browser (issue 15): a coordinator types a
 * name without its accents in the enrollments list, opens the person's page from their enrollment and
 * reads their timeline, where the confirmation email they received can be opened.
 */
const stamp = Date.now().toString(36)
const person = { firstName: 'Ximena', lastName: `Ñahui ${stamp}`, email: `ximena-${stamp}@example.com`, company: 'Café Andino' }
const webinarTitle = `Historial E2E ${stamp}`
let base: string
let page: Page

const SLOW = 300_000

beforeAll(async () => {
  base = await adminApp()
  page = await logIn('editora@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

describe('finding a person and their timeline', () => {
  it('a coordinator finds a person by name, without accents, in the enrollments list, which shows their name', async () => {
    const created = await staffApi(page).post(`/api/webinars`, {
            data: {
        title: webinarTitle,
        summary: 'Un webinar para probar el historial de una persona.',
        startsAt: new Date(Date.now() + 5 * 24 * 3_600_000).toISOString(),
        timezone: 'America/Lima',
        durationMinutes: 60,
        platform: 'zoom',
        meetingLink: 'https://zoom.us/j/123',
        isFree: true,
        status: 'published',
      },
    })
    expect(created.status()).toBe(201)
    const webinarId = (await created.json()).doc.id
    // The person registers on the website; the worker mails their confirmation.
    const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) })
    expect(registered.status).toBe(201)
    await waitForMail((mail) => JSON.stringify(mail.to).includes(person.email), 120_000)

    await page.goto(`${base}/admin/collections/enrollments`)
    const search = page.locator('#search-filter-input')
    expect(await search.getAttribute('placeholder')).toContain('nombre, correo o empresa')
    await fillField(search, `ximena nahui ${stamp}`)
    // The list reloads with the search in its URL; until then it still shows every enrollment.
    await page.waitForURL(/[?&]search=/, { timeout: 60_000 })
    const row = page.locator('tbody tr', { hasText: `Ximena Ñahui ${stamp}` })
    await row.waitFor({ timeout: 60_000 })
    for (let waited = 0; (await page.locator('tbody tr').count()) !== 1 && waited < 60_000; waited += 500) await page.waitForTimeout(500)
    expect(await page.locator('tbody tr').count()).toBe(1)
    // Attendance reads as a dash, not "falso".
    expect(await textOf(row)).toContain('—')
    expect(await textOf(row)).not.toMatch(/falso|false/i)
    await shot(page, 'people-1-enrollments-search')
  }, SLOW)

  it('opens the person’s timeline from their enrollment and reads the email they received', async () => {
    await page.locator('tbody tr').first().locator('a').first().click()
    await page.waitForURL(/\/admin\/collections\/enrollments\/\d+/)
    await page.locator('[data-person-timeline-link]').click()
    await page.waitForURL(/\/admin\/collections\/users\/\d+/)
    const timeline = page.locator('[data-person-timeline]')
    const emailEntry = timeline.locator('.person-timeline__entry--emails', { hasText: 'confirmado' })
    await emailEntry.waitFor({ timeout: 60_000 })
    const text = await textOf(timeline)
    expect(text).toContain('Horas en hora de Lima')
    expect(text).toContain(`Inscripción: ${webinarTitle}`)
    expect(text).toContain('Enviado')
    expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d \(hora de Lima\)/)
    await emailEntry.getByRole('button', { name: 'Ver mensaje' }).click()
    const message = emailEntry.locator('iframe.person-timeline__message')
    await message.waitFor()
    expect(await message.getAttribute('sandbox')).toBe('')
    expect(await message.getAttribute('srcdoc')).toContain(webinarTitle)
    await timeline.scrollIntoViewIfNeeded()
    await shot(page, 'people-2-person-timeline')
  }, SLOW)
})
