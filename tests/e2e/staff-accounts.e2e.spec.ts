import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { adminApp, closeBrowser, devDatabaseUri, logIn, newPage, shot, textOf, thirdPartyRequests, waitForMail } from './support/adminApp'
import { fillField, submitAndExpectOk, waitUntil, whenReady } from './support/interact'

/**
 * Hosts, offline and staff accounts in a real browser: the admin opened under another host name than
 * SERVER_URL, the playground and the JSON editor served by Aula, and a staff member invited by email.
 */
// The first spec of a run builds and starts the app (minutes on a busy machine).
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

const stamp = Date.now()

/** A failed email, as the worker leaves one after its last attempt (no API writes the email log). */
async function failedEmail(to: string): Promise<number> {
  const client = new pg.Client({ connectionString: await devDatabaseUri() })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO email_log ("to", template_key, locale, variables, status, attempts, dedupe_key, last_error, updated_at, created_at)
       VALUES ($1, 'enrollment_confirmed', 'es', $2::jsonb, 'failed', 5, $3, 'SMTP 550 (prueba)', now(), now()) RETURNING id`,
      [to, JSON.stringify({ firstName: 'Rita', title: 'Taller de reenvío' }), `e2e-resend:${to}`],
    )
    return rows[0].id
  } finally {
    await client.end()
  }
}

describe('staff accounts and hosts in a real browser', () => {
  it('the playground and an edit view with a JSON field load nothing from another host', async () => {
    const base = await adminApp()
    const before = thirdPartyRequests.length
    const emailId = await failedEmail(`json-${stamp}@example.test`)
    const page = await logIn('admin@aula.local')

    await page.goto(`${base}/api/graphql-playground`)
    await page.locator('#schema li').first().waitFor()
    await page.click('#run')
    await page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('HTTP '))
    expect(await textOf(page.locator('#result'))).toMatch(/^HTTP 200[\s\S]*"Webinars"/)
    await shot(page, 'staff-1-graphql-playground')

    // The email log's `variables` is a JSON field: Payload's Monaco editor, here from /vendor/monaco.
    await page.goto(`${base}/admin/collections/email-log/${emailId}`)
    await page.locator('.monaco-editor').first().waitFor()
    // Monaco draws spaces as non-breaking ones.
    expect((await textOf(page.locator('.monaco-editor').first())).replace(/\u00a0/g, ' ')).toContain('Taller de reenvío')
    await page.waitForLoadState('networkidle')
    await shot(page, 'staff-2-json-field-editor')
    await page.context().close()
    expect(thirdPartyRequests.slice(before)).toEqual([])
  }, 300_000)

  it('the admin opened at 127.0.0.1 while SERVER_URL says localhost renders, and its resend button queues the email (no 401)', async () => {
    const base = await adminApp()
    const otherHost = base.replace('//localhost:', '//127.0.0.1:')
    expect(otherHost).not.toBe(base)
    const to = `reenvio-${stamp}@example.test`
    const emailId = await failedEmail(to)

    const page = await logIn('admin@aula.local', { origin: otherHost })
    expect(new URL(page.url()).host).toBe(new URL(otherHost).host)
    await page.locator('.aula-dashboard').waitFor()
    await shot(page, 'staff-3-admin-at-127')

    await page.goto(`${otherHost}/admin/collections/email-log/${emailId}`)
    const resend = page.locator('button', { hasText: 'Reenviar' })
    const [answer] = await Promise.all([page.waitForResponse((response) => response.url().includes(`/email-log/${emailId}/resend`)), resend.click()])
    expect(new URL(answer.url()).origin).toBe(otherHost)
    expect(answer.status()).toBe(200)
    const mail = await waitForMail((message) => JSON.stringify(message.to).includes(to))
    expect(String(mail.html)).toContain('Taller de reenvío')
    await shot(page, 'staff-4-resent-from-127')
    await page.context().close()
  }, 300_000)

  it('an admin invites a coordinator with name, email and role only; she chooses her password from the email and logs in', async () => {
    const base = await adminApp()
    const email = `coordinadora-${stamp}@example.test`
    const page = await logIn('admin@aula.local')
    await page.goto(`${base}/admin/collections/users/create`)
    await page.locator('#field-email').waitFor()
    // Invitation ticked, no password to invent, no role pre-selected.
    expect(await page.locator('#field-sendInvitation').isChecked()).toBe(true)
    expect(await page.locator('#field-password').isVisible()).toBe(false)
    expect(await page.locator('#field-roles .rs__multi-value').count()).toBe(0)
    await shot(page, 'staff-5-invite-form')

    await fillField(page.locator('#field-email'), email)
    await fillField(page.locator('#field-firstName'), 'Carmen')
    await fillField(page.locator('#field-lastName'), 'Invitada')
    await whenReady(page.locator('#field-roles .rs__control'))
    await page.click('#field-roles .rs__control')
    await page.locator('.rs__option', { hasText: 'Editor' }).first().click()
    await submitAndExpectOk(page, page.locator('#action-save'), /^\/api\/users\/?$/)
    await page.waitForURL(/\/admin\/collections\/users\/\d+/, { timeout: 90_000 })
    expect(await textOf(page.locator('#field-roles'))).not.toContain('Estudiante')
    await shot(page, 'staff-6-invited')
    await page.context().close()

    const mail = await waitForMail((message) => JSON.stringify(message.to).includes(email))
    expect(mail.subject).toBe('Te invitaron a Aula: elige tu contraseña')
    const link = String(mail.html).match(/href="([^"]*\/admin\/reset\/[a-f0-9]+)"/)![1]

    const invited = await newPage({ locale: 'es-PE' })
    await invited.goto(link)
    await fillField(invited.locator('#field-password'), 'carmen elige 2026')
    await fillField(invited.locator('#field-confirm-password'), 'carmen elige 2026')
    await shot(invited, 'staff-7-choose-password')
    // Payload's reset form sends the password, logs her in with the answer, asks who she is, and
    // only then opens the admin: a refused reset fails here with the server's answer.
    await submitAndExpectOk(invited, invited.locator('button[type=submit]'), '/api/users/reset-password')
    await waitUntil(
      'the reset page hands her over to the admin',
      async () => ({ path: new URL(invited.url()).pathname, page: (await invited.locator('body').innerText().catch(() => '')).slice(0, 300) }),
      ({ path }) => !path.includes('/reset'),
      { timeoutMs: 120_000 },
    ).catch(async (error) => {
      await shot(invited, 'staff-8-still-on-reset')
      throw error
    })
    await invited.context().close()

    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'carmen elige 2026' }),
    })
    expect(login.status).toBe(200)
    expect((await login.json()).user.roles).toEqual(['editor'])
  }, 300_000)
})
