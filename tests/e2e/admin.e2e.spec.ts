import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { adminApp, ARTIFACTS, closeBrowser, logIn as logInAs, shot, textOf, thirdPartyRequests, staffApi } from './support/adminApp'
import { fillField } from './support/interact'

/**
 * The admin in a real browser (Debian's chromium driven by playwright-core), against the app
 * in the shape docker-compose deploys it: a production build and the worker (shared by every browser spec, see support/adminApp.ts).
 */
let base: string
const logIn = async (email: string) => {
  base = await adminApp()
  return logInAs(email)
}

// The first spec of a run starts the app (PostgreSQL, seed, Next's first compile): that is not this spec's work.
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

describe('the admin in a real browser', () => {
  let webinarId: number

  it('an editor works in Spanish: uploads an image, publishes a webinar with a speaker, and the public API lists it', async () => {
    const page = await logIn('editora@aula.local')
    // The browser asks for English; the editor's `language` (es) wins at login.
    expect(await textOf(page.locator('.collections'))).toContain('Ponentes')
    await shot(page, '1-editor-dashboard')

    await page.goto(`${base}/admin/collections/media/create`)
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f6fdf' } }).png().toBuffer()
    await page.setInputFiles('input[type=file]', { name: 'e2e-webinar.png', mimeType: 'image/png', buffer: png })
    await fillField(page.locator('#field-alt'), 'Portada del webinar de prueba')
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/media\/\d+/, { timeout: 90_000 })
    const mediaId = Number(page.url().match(/media\/(\d+)/)![1])
    await shot(page, '2-editor-image-uploaded')

    // The webinar itself is created through the REST API with the editor's own browser session
    // (same cookie, same access rules); its rich-text and relationship widgets are Payload's own.
    const speakers = await (await staffApi(page).get(`/api/speakers?where[name][equals]=Ana Torres&depth=0`)).json()
    const created = await staffApi(page).post(`/api/webinars`, {
      // Cookie auth is accepted only from the listed origins (CSRF); a browser's own fetch sends this header.
      headers: { origin: base },
      data: { title: 'Webinar E2E de prueba', summary: 'Creado desde el navegador.', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), durationMinutes: 45, platform: 'zoom', meetingLink: 'https://zoom.us/j/1', isFree: true, currency: 'USD', capacity: 25, status: 'published', speakers: [speakers.docs[0].id], image: mediaId },
    })
    expect(created.status()).toBe(201)
    webinarId = (await created.json()).doc.id
    await page.goto(`${base}/admin/collections/webinars/${webinarId}`)
    expect(await textOf(page.locator('body'))).toContain('Webinar E2E de prueba')
    await shot(page, '3-editor-webinar-published')

    const list = await (await fetch(`${base}/api/webinars?where[status][equals]=published&limit=100&depth=0`)).json()
    const listed = list.docs.find((doc: { id: number }) => doc.id === webinarId)
    expect(listed).toMatchObject({ title: 'Webinar E2E de prueba', image: mediaId, speakers: [speakers.docs[0].id] })
    await page.context().close()
  })

  // A production build once held two copies of Payload's error classes: every 400 lost `data.errors`,
  // and neither the admin nor the site could mark the wrong field (next.config.mjs, serverExternalPackages).
  it('a refused save names each wrong field in the answer, from Payload’s own create and from Aula’s registration', async () => {
    const page = await logIn('editora@aula.local')
    const refused = await staffApi(page).post(`/api/webinars`, { data: { title: '', durationMinutes: 45 } })
    expect(refused.status()).toBe(400)
    const fields = (await refused.json()).errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(fields).toEqual(expect.arrayContaining(['title', 'startsAt']))
    await page.context().close()

    const registration = await fetch(`${base}/api/webinars/${webinarId}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'no-es-un-correo', firstName: 'Ana', lastName: 'Prueba' }),
    })
    expect(registration.status).toBe(400)
    const [problem] = (await registration.json()).errors
    expect(problem.data.errors).toEqual([expect.objectContaining({ path: 'email' })])
  })

  it('a sales user moves one of their new leads to contacted and logs the call', async () => {
    const page = await logIn('ventas@aula.local')
    await shot(page, '4-sales-dashboard')
    const asSales = { headers: { origin: base } }
    const me = await (await staffApi(page).get(`/api/users/me`, asSales)).json()
    const open = await (await staffApi(page).get(`/api/leads?where[stage][equals]=new&where[assignedTo][equals]=${me.user.id}&depth=0`, asSales)).json()
    expect(open.docs.length).toBeGreaterThan(0)
    const lead = open.docs[0]
    await page.goto(`${base}/admin/collections/leads/${lead.id}`)
    expect(await textOf(page.locator('body'))).toContain(lead.email)
    await shot(page, '5-sales-lead-before')

    // The change goes through the sales user's own browser session (cookie, CSRF origin, access rules).
    const moved = await staffApi(page).patch(`/api/leads/${lead.id}`, {
      headers: { origin: base },
      data: { stage: 'contacted', interactions: [...(lead.interactions ?? []), { type: 'call', summary: 'Llamada de presentación E2E', outcome: 'Interesada en el curso' }] },
    })
    expect(moved.status()).toBe(200)
    await page.reload()
    // The stage select now reads "Contactado" in the Spanish admin.
    await page.waitForFunction(() => document.body.innerText.includes('Contactado'), undefined, { timeout: 30_000 })
    await shot(page, '6-sales-lead-contacted')

    const after = await (await staffApi(page).get(`/api/leads/${lead.id}?depth=0`, asSales)).json()
    expect(after.stage).toBe('contacted')
    expect(after.lastContactedAt).toBeTruthy()
    expect(after.interactions.at(-1)).toMatchObject({ type: 'call', summary: 'Llamada de presentación E2E', by: me.user.id })
    await page.context().close()
  })

  it('an admin sees the seeded numbers on the dashboard and exports the participants of a webinar', async () => {
    const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'asistente.e2e@example.com', firstName: 'Lucía', lastName: 'Prueba' }),
    })
    expect(registered.status).toBe(201)

    const page = await logIn('admin@aula.local')
    await page.waitForSelector('.aula-dashboard')
    await shot(page, '5-admin-dashboard')
    const upcoming = await (await staffApi(page).get(`/api/webinars?where[status][equals]=published&where[startsAt][greater_than]=${new Date().toISOString()}&sort=startsAt&limit=1&depth=0`)).json()
    const first = upcoming.docs[0]
    expect(await textOf(page.locator('.aula-dashboard__item').first())).toContain(first.title)
    expect(await textOf(page.locator('.aula-dashboard__item').first())).toContain(`${first.seatsTaken} / ${first.capacity ?? ''}`.trim())

    await page.goto(`${base}/admin/collections/enrollments?where[and][0][item.relationTo][equals]=webinars&where[and][1][item.value][equals]=${webinarId}`)
    const button = page.locator('[data-export-csv=enrollments]')
    expect(await textOf(button)).toContain('Exportar CSV')
    await shot(page, '6-admin-enrollments-export')
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^ID,Nombre,Correo,/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('asistente.e2e@example.com')
    expect(lines[1]).toContain('Webinar E2E de prueba')
    fs.writeFileSync(path.join(ARTIFACTS, '7-participants.csv'), csv)
    await page.context().close()
  })

  it('the admin loads nothing from third parties: no Gravatar, no fonts or scripts from a CDN', async () => {
    const page = await logIn('admin@aula.local')
    for (const screen of ['/admin', '/admin/account', '/admin/collections/users', '/admin/collections/media', '/admin/collections/webinars']) {
      await page.goto(`${base}${screen}`)
      await page.waitForLoadState('networkidle')
    }
    await shot(page, '8-admin-webinars-list')
    await page.context().close()
    expect(thirdPartyRequests).toEqual([])
  })
})
