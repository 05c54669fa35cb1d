import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ParsedMail } from 'mailparser'

import { adminApp, closeBrowser, logIn, mailbox, shot, staffApi, textOf, waitForMail } from './support/adminApp'
import { clickWhenReady, fillField, submitAndExpectOk, typeInEditor, waitUntil, whenReady } from './support/interact'

/**
 * A campaign without code: a sales person builds a segment of leads by tag, sees how many people it
 * reaches, sends herself a test, schedules it; the worker sends it, each email with a visible
 * unsubscribe link and the one-click headers. Its own leads (a unique tag), so no other spec's rows count.
 */
beforeAll(() => adminApp(), 600_000)
afterAll(() => closeBrowser(), 60_000)

/** A header as the message carries it (mailparser turns List-* headers into objects). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s*/g, '') ?? ''

const mailTo = (address: string) => (mail: { to?: unknown }) => JSON.stringify(mail.to ?? '').toLowerCase().includes(address.toLowerCase())

describe('campaigns in the admin', () => {
  it('sales builds a segment, sees the count, gets a test, schedules, and the worker sends with an unsubscribe link', async () => {
    const base = await adminApp()
    const page = await logIn('ventas@aula.local')
    const api = staffApi(page)
    const tag = `e2e${Date.now().toString(36)}`
    const address = (label: string) => `${tag}-${label}@campaigns.test`
    for (const [label, granted] of [['ana', true], ['beto', true], ['carla', false]] as const) {
      const created = await api.post('/api/leads', {
        data: { firstName: label, lastName: 'Campaña', email: address(label), type: 'individual', tags: [tag], marketingConsent: { granted } },
      })
      expect(created.status()).toBe(201)
    }

    await page.goto(`${base}/admin/collections/campaigns/create`)
    await fillField(page.locator('#field-name'), `Novedades ${tag}`)
    await fillField(page.locator('#field-subjectEs'), `Novedades ${tag}`)
    const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await whenReady(body)
    await body.click()
    await typeInEditor(page, body, 'Hola, tenemos cursos nuevos este mes.')

    await clickWhenReady(page.locator('.tabs-field__tab-button', { hasText: 'Destinatarios' }))
    // A pick made while the select is still hydrating can be lost (the tags box then never appears): pick until it shows.
    const kind = page.locator('#field-segment__kind')
    await waitUntil(
      'the segment kind shows "Prospectos"',
      async () => {
        if (!(await kind.locator('.rs__single-value').allInnerTexts()).includes('Prospectos')) {
          await clickWhenReady(kind.locator('.rs__control'))
          await clickWhenReady(page.locator('.rs__option', { hasText: /^Prospectos$/ }))
        }
        return kind.locator('.rs__single-value').allInnerTexts()
      },
      (picked) => picked.includes('Prospectos'),
    )
    // The tags box only: the segment group's own wrapper also holds a label "Etiquetas" (and the kind chooser first).
    const tags = page.locator('.field-type.text', { has: page.locator('label', { hasText: /^Etiquetas/ }) }).locator('input').first()
    // The tags box comes from the server's form state once the kind changed; under load that answer is sometimes
    // never asked for until the form's next change (the upstream defect in docs/courses.md): make that change
    // in the internal name, which nothing below reads, as a person typing elsewhere would.
    for (let tries = 0; tries < 4 && !(await tags.isVisible()); tries += 1) {
      await tags.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined)
      if (!(await tags.isVisible())) await fillField(page.locator('#field-name'), `Novedades ${tag}${'.'.repeat(tries + 1)}`)
    }
    await whenReady(tags)
    await tags.click()
    await page.keyboard.type(tag)
    await page.keyboard.press('Enter')
    const reach = page.locator('[data-testid=campaign-reachable]')
    // Only the three tagged leads: before the tag is in, "every lead" can reach 2 people too (the seeded leads have no consent).
    const counted = page.locator('[data-testid=campaign-segment-count]')
    const shown = await waitUntil('the count is of the 3 tagged people', () => textOf(counted), (text) => text.includes('En el segmento: 3.'))
    expect(shown).toContain('Sin consentimiento de marketing: 1')
    expect(await textOf(reach)).toContain('Llegará a 2 personas')
    await shot(page, 'campaigns-1-segment-count')

    await submitAndExpectOk(page, page.locator('#action-save'), /^\/api\/campaigns\/?$/)
    await page.waitForURL(/\/admin\/collections\/campaigns\/\d+/)

    const testButton = page.locator('button', { hasText: 'Enviar prueba' })
    await submitAndExpectOk(page, testButton, /\/api\/campaigns\/\d+\/test-send$/)
    const test = await waitForMail((mail) => mailTo('ventas@aula.local')(mail) && String(mail.subject).includes(tag))
    expect(test.subject).toBe(`[Prueba] Novedades ${tag}`)
    // The test went to the staff member only (the leads may have had their own "we got your request" email).
    const campaignMailTo = (to: string) => (mail: ParsedMail) => mailTo(to)(mail) && String(mail.subject).includes(`Novedades ${tag}`)
    expect((await mailbox()).filter(campaignMailTo(`${tag}-`))).toHaveLength(0)

    page.once('dialog', (dialog) => void dialog.accept())
    await submitAndExpectOk(page, page.locator('button', { hasText: 'Programar envío' }), /\/api\/campaigns\/\d+\/schedule$/)
    await shot(page, 'campaigns-2-scheduled')

    for (const label of ['ana', 'beto']) {
      const mail = await waitForMail(campaignMailTo(address(label)), 240_000)
      expect(mail.subject).toBe(`Novedades ${tag}`)
      expect(String(mail.html)).toContain('Hola, tenemos cursos nuevos este mes.')
      expect(String(mail.html)).toMatch(/<a href="[^"]*\/api\/unsubscribe\?token=[^"]+">Darte de baja<\/a>/)
      expect(header(mail, 'List-Unsubscribe')).toContain('/api/unsubscribe?token=')
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    }
    expect((await mailbox()).filter(campaignMailTo(address('carla')))).toHaveLength(0)

    const id = new URL(page.url()).pathname.split('/').pop()
    await waitUntil(
      'the sender marks the campaign sent',
      async () => (await (await api.get(`/api/campaigns/${id}?depth=0`)).json()) as { status?: string; sent?: number },
      (campaign) => campaign.status === 'sent',
      { timeoutMs: 120_000 },
    )
    await page.reload()
    // The status select fills in once the reloaded page is hydrated.
    const sidebar = await waitUntil('the sidebar says the campaign was sent', () => textOf(page.locator('.document-fields__sidebar')), (text) => text.includes('Enviada'))
    expect(sidebar).not.toContain('Programar envío')
    await shot(page, 'campaigns-3-sent')
  }, 900_000)
})
