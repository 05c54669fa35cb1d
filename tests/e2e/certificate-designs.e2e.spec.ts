import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { pdfText } from '../helpers/certificatePdf'
import { adminApp, closeBrowser, logIn, shot } from './support/adminApp'
import { fillField, waitUntil, whenReady } from './support/interact'

/**
 * A coordinator shapes the certificate and sees it before saving: the preview is the PDF the server
 * makes from the form as it stands. Nothing is saved, so no other spec's certificates change.
 */
// Run alone, this spec builds and starts the app (minutes on a busy machine): not out of the test's own time.
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

describe('certificate designs in the admin', () => {
  it('an editor types the wording and sees the sample certificate change; an unknown variable is named', async () => {
    const base = await adminApp()
    const page = await logIn('editora@aula.local')
    await page.goto(`${base}/admin/collections/certificate-designs/create`)
    const title = page.locator('#field-wording__es__title')
    await whenReady(title)
    const stamp = `Diploma ${Date.now() % 100000}`
    await fillField(title, stamp)

    // The iframe shows an object URL of the PDF the server rendered; read it through the page itself.
    const preview = page.locator('iframe[data-certificate-preview]')
    const text = await waitUntil(
      'the preview PDF carries the typed title',
      async () => {
        const src = await preview.getAttribute('src', { timeout: 5_000 })
        if (!src) return ''
        const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), src)
        return pdfText(new Uint8Array(bytes))
      },
      (found) => found.includes(stamp.toUpperCase()),
    )
    expect(text).toContain('María José Núñez Łukasiewicz')
    await shot(page, 'certificate-designs-1-preview')

    await fillField(page.locator('#field-wording__es__body'), 'Felicitaciones {{nombre}} por {{item}}')
    const alert = page.locator('.certificate-design-preview [role=alert]')
    const message = await waitUntil('the preview names the unknown variable', () => alert.innerText({ timeout: 5_000 }).catch(() => ''), (shown) => shown.includes('{{nombre}}'))
    expect(message).toContain('{{name}}')
    await shot(page, 'certificate-designs-2-unknown-variable')
  })
})
