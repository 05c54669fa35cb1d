import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { formatWithZone } from '../../src/utilities/localTime'
import { waitUntil } from './support/interact'
import { adminApp, closeBrowser, logIn, shot, staffApi, textOf } from './support/adminApp'

/**
 * The email timelines as a coordinator reads them (issue 19): a webinar's "Correos programados" in its
 * sidebar and a person's "Correos de esta persona", in Spanish and in Lima time, though her browser
 * is English and in UTC. The rule is made over the API; the worker re-plans it in the background.
 */
const stamp = Date.now().toString(36)
const TITLE = `Correos programados E2E ${stamp}`
const RULE = `Aviso 3 días E2E ${stamp}`
const people = ['Rosa', 'Tomas'].map((name) => ({ firstName: name, lastName: `Plan ${stamp}`, email: `${name.toLowerCase()}-plan-${stamp}@example.com` }))
const SLOW = 420_000
/** With `E2E_APP=dev`, `next dev` compiles an edit page on its first visit: slow on a busy machine. */
const PAGE_LOAD = { waitUntil: 'domcontentloaded', timeout: 240_000 } as const

let base: string
let editor: Page
let webinarId: number
let reminderAt: Date

beforeAll(async () => {
  base = await adminApp()
  editor = await logIn('editora@aula.local', { locale: 'en-US', timezoneId: 'UTC' })
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

const api = async (method: 'get' | 'post' | 'patch', path: string, data?: unknown) => {
  const response = await staffApi(editor)[method](`/api${path}`, { data })
  return { status: response.status(), body: await response.json() }
}

describe('the email timelines in the admin', () => {
  it('a new rule for a webinar is planned by the worker for its two people', async () => {
    const startsAt = new Date(Date.now() + 10 * 24 * 3_600_000)
    startsAt.setUTCSeconds(0, 0)
    reminderAt = new Date(startsAt.getTime() - 3 * 24 * 3_600_000)
    const created = await api('post', '/webinars', {
      title: TITLE,
      summary: 'Un webinar para ver sus correos programados.',
      startsAt: startsAt.toISOString(),
      timezone: 'America/Lima',
      durationMinutes: 60,
      platform: 'zoom',
      meetingLink: 'https://zoom.us/j/123',
      isFree: true,
      capacity: 10,
      status: 'published',
    })
    expect(created.status).toBe(201)
    webinarId = created.body.doc.id
    for (const body of people) {
      const registered = await fetch(`${base}/api/webinars/${webinarId}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(registered.status).toBe(201)
    }
    const rule = await api('post', '/email-rules', {
      name: RULE,
      templateKey: 'webinar_reminder_24h',
      trigger: 'before_start',
      offsetAmount: 3,
      offsetUnit: 'days',
      audience: 'confirmed',
      scope: 'items',
      items: [{ relationTo: 'webinars', value: webinarId }],
    })
    expect(rule.status).toBe(201)
    await waitUntil(
      'the worker plans the new rule for both people',
      async () => (await api('get', `/webinars/${webinarId}/email-plan`)).body,
      (plan) => plan.rows?.some((row: any) => row.rule?.name === RULE && row.queued === 2),
      { timeoutMs: 120_000, intervalMs: 2_000 },
    )
  }, SLOW)

  it('the webinar’s sidebar lists the rule’s email in Lima time, in Spanish, with its two people', async () => {
    await editor.goto(`${base}/admin/collections/webinars/${webinarId}`, PAGE_LOAD)
    const panel = editor.locator('[data-email-plan]')
    await panel.getByText(RULE).waitFor({ timeout: 120_000 })
    const text = await textOf(panel)
    expect(text).toContain('Correos programados')
    expect(text).toContain('Horas de Lima.')
    const row = panel.locator('[data-email-plan-row]', { hasText: RULE })
    const rowText = await textOf(row)
    expect(rowText).toContain(formatWithZone(reminderAt, 'America/Lima', 'es'))
    expect(rowText).toContain('Recordatorio 24 h')
    expect(rowText).toContain('Personas: 2')
    expect(rowText).toContain('0 enviados · 2 en cola · 0 cancelados')
    await shot(editor, 'email-plan-webinar')
  }, SLOW)

  it('a person’s page lists what they will get, with the webinar and the time in Lima', async () => {
    const users = await api('get', `/users?where[email][equals]=${encodeURIComponent(people[0].email)}&limit=1&depth=0`)
    const userId = users.body.docs[0].id
    await editor.goto(`${base}/admin/collections/users/${userId}`, PAGE_LOAD)
    const panel = editor.locator('[data-person-email-plan]')
    await panel.getByText(RULE).waitFor({ timeout: 120_000 })
    const text = await textOf(panel)
    expect(text).toContain('Correos de esta persona')
    expect(text).toContain('Recibirá')
    const row = panel.locator('[data-person-email-row]', { hasText: RULE })
    expect(await textOf(row)).toContain(`${formatWithZone(reminderAt, 'America/Lima', 'es')} — Recordatorio 24 h · ${TITLE}`)
    await shot(editor, 'email-plan-person')
  }, SLOW)
})
