import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, shot, textOf, waitForMail, staffApi } from './support/adminApp'

/**
 * Cancelling a webinar from the admin (issue 16): an editor sees how many people are affected before
 * anything happens, gives a reason, confirms, and watches the background job finish; each person is mailed.
 */
const stamp = Date.now().toString(36)
const title = `Cancelación E2E ${stamp}`
const people = [1, 2].map((n) => ({ firstName: 'Inés', lastName: `Cancelada ${n} ${stamp}`, email: `cancelada-${n}-${stamp}@example.com` }))
let base: string
let page: Page

beforeAll(async () => {
  base = await adminApp()
  page = await logIn('editora@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

describe('cancelling a webinar from the admin', () => {
  it('shows who is affected, asks for a reason, and after confirming follows the cancellation until everyone is mailed', async () => {
    const created = await staffApi(page).post(`/api/webinars`, {
            data: {
        title,
        summary: 'Un webinar que se cancelará.',
        startsAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
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
    for (const person of people) {
      const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) })
      expect(registered.status).toBe(201)
    }

    await page.goto(`${base}/admin/collections/webinars/${webinarId}`)
    const button = page.locator('#aula-cancel-item')
    await button.waitFor({ timeout: 120_000 })
    expect(await textOf(button)).toBe('Cancelar webinar')
    await button.click()
    const dialog = page.locator('[role="dialog"]')
    await dialog.locator('[data-people-total]').waitFor({ timeout: 60_000 })
    expect(await textOf(dialog.locator('[data-people-total]'))).toBe('2')
    expect(await textOf(dialog.locator('[data-refunds]'))).toBe('Ninguno')
    const confirm = page.locator('#aula-cancel-item-confirm')
    expect(await confirm.isDisabled()).toBe(true)
    await page.locator('#aula-cancel-item-reason').fill('La ponente no puede asistir.')
    expect(await textOf(confirm)).toBe('Cancelar y avisar a 2 personas')
    await shot(page, 'item-cancellation-dialog')
    await confirm.click()

    await dialog.locator('[data-item-status]').waitFor({ timeout: 60_000 })
    expect(await textOf(dialog.locator('[data-item-status]'))).toBe('Cancelado')
    // The worker runs the job; the dialog polls until nobody is left.
    await dialog.getByText('Todas las inscripciones están canceladas', { exact: false }).waitFor({ timeout: 120_000 })
    await shot(page, 'item-cancellation-done')
    // Closing reloads the document, so the form shows the new status and a later Save cannot reopen it.
    await dialog.getByRole('button', { name: 'Cerrar' }).click()
    await page.locator('#aula-cancel-item', { hasText: 'Ver cancelación' }).waitFor({ timeout: 120_000 })
    for (const person of people) {
      const mail = await waitForMail((message) => JSON.stringify(message.to).includes(person.email) && /fue cancelada/.test(message.subject ?? ''), 120_000)
      expect(String(mail.html)).toContain('La ponente no puede asistir.')
    }
  }, 600_000)
})
