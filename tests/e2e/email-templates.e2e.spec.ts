import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { adminApp, closeBrowser, logIn, shot, textOf, waitForMail } from './support/adminApp'
import { normalizeSpaces, typeInEditor, waitUntil, whenReady } from './support/interact'

/**
 * Email templates without HTML: an editor writes in the rich-text editor, picks a variable from
 * the list, sees the email in both languages and sends herself a test, which the worker delivers.
 * Uses `email_change_notice` (sent only when someone changes their own email) and only appends a
 * line, so no other spec's mail changes in a way it could notice.
 */
// Run alone, this spec builds and starts the app (minutes on a busy machine): not out of the test's own time.
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

describe('email templates in the admin', () => {
  it('an editor writes a line with a picked variable, sees it in both languages, saves and gets the test email', async () => {
    const base = await adminApp()
    const page = await logIn('editora@aula.local')
    // Read through the page's own fetch, with the editor's session, as the admin's components do.
    const getJson = (url: string) => page.evaluate(async (address) => (await fetch(address, { credentials: 'include' })).json(), url)
    const found = await getJson(`/api/email-templates?where[key][equals]=email_change_notice&where[locale][equals]=es&depth=0`)
    expect(found.docs).toHaveLength(1)
    const id = found.docs[0].id
    await page.goto(`${base}/admin/collections/email-templates/${id}`)
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await whenReady(editor)
    // No HTML anywhere: the body is the rich-text editor, the older HTML field is gone for seeded templates.
    expect(await page.locator('#field-body').count()).toBe(0)
    await shot(page, 'email-templates-1-editor')

    // Each step waits until the editor shows its effect: keystrokes reach Lexical later than
    // Playwright sends them on a busy machine, and a "/" typed before the menu listens stays text.
    const stamp = String(Date.now())
    const line = `Si tienes dudas, escríbenos ${stamp}, `
    await editor.locator('p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await typeInEditor(page, editor, line)
    // Variables are picked, not typed: "/" opens the editor's menu, "Variable" narrows it to one item.
    await page.keyboard.type('/')
    await page.locator('.slash-menu-popup').waitFor()
    await typeInEditor(page, editor, 'Variable')
    // The admin's form-state calls to the server (Next server actions): a pick made while one is in flight
    // can be overwritten by its answer (payloadcms/payload#17232's family), so each step below waits for quiet.
    let inFlight = 0
    const isServerAction = (request: { method(): string; headers(): Record<string, string> }) => request.method() === 'POST' && 'next-action' in request.headers()
    page.on('request', (request) => {
      if (isServerAction(request)) inFlight += 1
    })
    const settled = (request: { method(): string; headers(): Record<string, string> }) => {
      if (isServerAction(request)) inFlight -= 1
    }
    page.on('requestfinished', settled)
    page.on('requestfailed', settled)
    const quiet = async () => {
      let quietSince = Date.now()
      await waitUntil('the admin’s form-state calls have answered', async () => {
        if (inFlight > 0) quietSince = Date.now()
        return Date.now() - quietSince
      }, (quietFor) => quietFor >= 500)
    }
    await page.locator('.slash-menu-popup__item').filter({ hasText: 'Variable' }).first().click()
    // The new block is ready when its chip shows in the text (Payload renders it with the block's form, fetched from
    // the server): a pick saved before that answer arrives is overwritten by it, and the email loses the variable.
    await editor.locator('[data-variable-chip]').last().waitFor({ state: 'attached', timeout: 60_000 })
    const drawer = page.locator('.drawer__content').last()
    await whenReady(drawer.locator('.rs__control'))
    await quiet()
    await drawer.locator('.rs__control').click()
    const options = await textOf(page.locator('.rs__menu'))
    // Only what this email provides: it has the new address but no webinar.
    expect(options).toContain('Nombre')
    expect(options).toContain('Nuevo correo')
    expect(options).not.toContain('Enlace de la reunión')
    await shot(page, 'email-templates-2-variable-list')
    await page.locator('.rs__option', { hasText: /^Nombre$/ }).click()
    // The drawer saves what its form holds when the button is pressed: wait until the pick is in it.
    // (Seen under load: pressed at once, the chip read «Nombre» while the text kept an empty variable.)
    await waitUntil('the drawer shows Nombre picked', () => drawer.locator('.rs__single-value').allInnerTexts(), (picked) => picked.includes('Nombre'))
    await whenReady(drawer.locator('button[type=submit]'))
    await quiet()
    await drawer.locator('button[type=submit]').click()
    // The new line reads the typed text, then the picked variable, with nothing left of "/Variable".
    const written = await waitUntil(
      'the new line shows the text followed by «Nombre»',
      async () => normalizeSpaces(await editor.locator('p').last().innerText()),
      (text) => text.includes('«Nombre»'),
    )
    expect(written).toContain(`${line.trim()}`)
    expect(written).not.toContain('/Variable')

    // The preview fills the picked variable with the sample person, in Spanish and in English. On
    // timeout the message shows what the preview held (and any error it showed) instead.
    const spanish = page.locator('[data-preview-locale=es] iframe')
    await waitUntil(
      'the Spanish preview shows the line followed by the sample first name (Ana)',
      async () => {
        const html = (await spanish.getAttribute('srcdoc')) ?? ''
        const at = html.indexOf(stamp)
        return {
          around: at < 0 ? null : html.slice(Math.max(0, at - 60), at + 140),
          text: html.replace(/<(style|head)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(-600),
          problem: await page.locator('.email-template-preview [role=alert]').allInnerTexts(),
          editor: normalizeSpaces(await editor.innerText()).slice(-300),
        }
      },
      ({ around }) => Boolean(around?.includes(`${line}Ana`)),
      { timeoutMs: 60_000 },
    )
    expect(await spanish.getAttribute('srcdoc')).toContain('Ana')
    expect(await textOf(page.locator('[data-preview-locale=en]'))).toContain('Inglés')
    await shot(page, 'email-templates-3-preview-both-languages')

    await page.click('#action-save')
    const sendTest = page.getByRole('button', { name: /Enviarme una prueba/ })
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes('Enviarme una prueba'))
      return button && !button.disabled
    })
    await sendTest.click()
    await page.locator('[data-sonner-toast]', { hasText: 'Prueba en camino a editora@aula.local' }).waitFor()
    await shot(page, 'email-templates-4-test-sent')

    // This run's test email: the one carrying this run's line (an earlier test email to her may be in the box).
    const mail = await waitForMail((message) => JSON.stringify(message.to).includes('editora@aula.local') && String(message.subject).startsWith('[Prueba]') && String(message.html).includes(stamp), 90_000)
    expect(String(mail.html)).toContain(`${line}Ana`.trim())
    expect(String(mail.text)).toContain(line.trim().split(' ')[0])
    const log = await getJson(`/api/email-log?where[templateKey][equals]=email_change_notice&sort=-createdAt&limit=1&depth=0`)
    expect(log.docs[0]).toMatchObject({ templateKey: 'email_change_notice', isTest: true, status: 'sent' })
    await page.goto(`${base}/admin/collections/email-log/${log.docs[0].id}`)
    await shot(page, 'email-templates-5-log-entry-test')
    await page.context().close()
  }, 600_000)
})
