import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, documentTab, logIn, mailbox, shot, textOf, waitForMail, staffApi } from './support/adminApp'
import { fillField } from './support/interact'

/**
 * A webinar's participants page in a real browser (issue 15): a coordinator opens it from the
 * dashboard card, ticks attendance, writes to the confirmed people (the worker delivers the mail to
 * the test SMTP server) and downloads the CSV of what the page shows.
 */
const stamp = Date.now().toString(36)
const person = (name: string) => ({ firstName: name, lastName: `Prueba ${stamp}`, email: `${name.toLowerCase()}-${stamp}@example.com`, company: 'Café Andino' })
const ana = person('Ana')
const beto = person('Beto')
const carla = person('Carla')
let base: string
let page: Page
let webinarId: number

const SLOW = 300_000

// The first browser spec of a run builds and starts the app (minutes on a busy machine).
beforeAll(async () => {
  base = await adminApp()
  page = await logIn('admin@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

const api = async (method: 'get' | 'post', path: string, data?: unknown) => {
  const response = await staffApi(page)[method](`/api${path}`, { data })
  return { status: response.status(), body: await response.json() }
}
const row = (email: string) => page.locator('tr', { hasText: email })

describe('a webinar’s participants page', () => {
  it('opens from the dashboard card and lists who is confirmed and who waits, in Lima time', async () => {
    // Soon, so the dashboard lists it among the next webinars.
    const startsAt = new Date(Date.now() + 3 * 3_600_000)
    startsAt.setUTCMinutes(0, 0, 0)
    const created = await api('post', '/webinars', {
      title: `Participantes E2E ${stamp}`,
      summary: 'Un webinar para probar la lista de participantes.',
      startsAt: startsAt.toISOString(),
      timezone: 'America/Lima',
      durationMinutes: 60,
      platform: 'zoom',
      meetingLink: 'https://zoom.us/j/123',
      isFree: true,
      capacity: 2,
      status: 'published',
    })
    expect(created.status).toBe(201)
    webinarId = created.body.doc.id
    // People register on the website: no staff session (a logged-in caller registers themselves).
    for (const body of [ana, beto, carla]) {
      const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(registered.status).toBe(201)
    }

    await page.goto(`${base}/admin`)
    await page.locator(`[data-participants-link="webinars-${webinarId}"]`).click()
    await page.waitForURL(`**/admin/collections/webinars/${webinarId}/participants`)
    await row(carla.email).waitFor()
    expect(await textOf(row(ana.email))).toContain('Confirmada')
    expect(await textOf(row(carla.email))).toContain('En lista de espera')
    expect(await textOf(page.locator('[data-participants-page]'))).toContain('hora de Lima')
    await shot(page, 'participants-1-from-dashboard')
  }, SLOW)

  it('is also a tab on the webinar’s own page', async () => {
    await page.goto(`${base}/admin/collections/webinars/${webinarId}`)
    await documentTab(page, 'Participantes').click()
    await page.waitForURL(`**/admin/collections/webinars/${webinarId}/participants`)
    await row(ana.email).waitFor()
  }, SLOW)

  it('ticks one person present, then everyone confirmed with "all present"', async () => {
    const saved = page.waitForResponse((response) => response.url().includes('/participants/attendance') && response.request().method() === 'POST')
    await page.getByRole('checkbox', { name: `Asistió: Ana Prueba ${stamp}` }).check()
    expect((await saved).status()).toBe(200)
    const savedAll = page.waitForResponse((response) => response.url().includes('/participants/attendance') && response.request().method() === 'POST')
    await page.getByRole('button', { name: 'Marcar todos presentes' }).click()
    expect((await savedAll).status()).toBe(200)
    await page.waitForFunction((email) => {
      const box = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(email))?.querySelector('input[type=checkbox]') as HTMLInputElement | null
      return box?.checked === true
    }, beto.email)
    const list = await api('get', `/webinars/${webinarId}/participants?attended=true`)
    expect(list.body.docs.map((doc: { email: string }) => doc.email).sort()).toEqual([ana.email, beto.email])
    // A waitlisted person holds no seat, so there is nothing to tick.
    expect(await row(carla.email).locator('input[type=checkbox]').isDisabled()).toBe(true)
    await shot(page, 'participants-2-attendance')
  }, SLOW)

  it('emails the confirmed participants: preview, a test to oneself, then the send, and the mail arrives', async () => {
    await page.getByRole('button', { name: /^Confirmados/ }).click()
    await page.waitForFunction(() => document.querySelectorAll('[data-enrollment]').length === 2)
    await page.getByRole('button', { name: 'Escribir a estas personas' }).click()
    const subject = `Material del webinar ${stamp}`
    await fillField(page.locator('input[name=subject-es]'), subject)
    await fillField(page.locator('textarea[name=body-es]'), 'Hola {{firstName}}:\n\nGracias por participar. Aquí tienes las diapositivas: https://aula.example.com/slides')
    await page.getByRole('button', { name: 'Vista previa' }).click()
    const preview = page.frameLocator('iframe.aula-participants__preview')
    await preview.locator('body').getByText('Gracias por participar').waitFor()
    await shot(page, 'participants-3-email-preview')

    await page.getByRole('button', { name: 'Enviarme una prueba' }).click()
    await waitForMail((mail) => mail.subject === subject && mail.to !== undefined && JSON.stringify(mail.to).includes('admin@aula.local'))

    page.once('dialog', (dialog) => dialog.accept())
    const sent = page.waitForResponse((response) => response.url().includes('/participants/message') && response.request().postDataJSON()?.mode === 'send')
    await page.getByRole('button', { name: 'Enviar a 2 personas' }).click()
    expect((await sent).status()).toBe(202)
    const toAna = await waitForMail((mail) => mail.subject === subject && JSON.stringify(mail.to).includes(ana.email))
    expect(toAna.html).toContain('Hola Ana:')
    await waitForMail((mail) => mail.subject === subject && JSON.stringify(mail.to).includes(beto.email))
    expect((await mailbox()).filter((mail) => mail.subject === subject && JSON.stringify(mail.to).includes(carla.email))).toHaveLength(0)
    await shot(page, 'participants-4-email-sent')
  }, SLOW)

  it('exports the rows shown as CSV', async () => {
    const download = page.waitForEvent('download')
    await page.locator('[data-participants-csv]').click()
    const file = await (await download).path()
    const csv = fs.readFileSync(file!, 'utf8')
    expect(csv).toContain(ana.email)
    expect(csv).toContain(beto.email)
    expect(csv).not.toContain(carla.email)
    expect(csv.split('\r\n')[0]).toContain('Nombre')
    await shot(page, 'participants-5-csv')
  }, SLOW)
})
