import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, openMenu, shot, staffApi, textOf } from './support/adminApp'
import { clickWhenReady, waitUntil } from './support/interact'

/**
 * Erasure and retention in a real browser (issue 20): an admin erases a lead from its page after the
 * confirmation and sees the pseudonym; the "Privacidad" page shows the inactive people with the bulk
 * erase; a salesperson sees neither the button nor the menu entry.
 */
const stamp = Date.now().toString(36)
const lead = { firstName: 'Borrable', lastName: `Persona ${stamp}`, email: `borrable-${stamp}@example.com`, phone: '+51 999 111 222' }
let base: string
let admin: Page
let sales: Page

const SLOW = 300_000

beforeAll(async () => {
  base = await adminApp()
  admin = await logIn('admin@aula.local')
  sales = await logIn('ventas@aula.local')
}, 600_000)

afterAll(() => closeBrowser(), 60_000)

describe('erasing a person from the admin', () => {
  let leadId: number

  it('an admin erases a lead after confirming, and the page shows the pseudonym', async () => {
    const created = await staffApi(admin).post('/api/leads', { data: lead })
    expect(created.status()).toBe(201)
    leadId = (await created.json()).doc.id
    await admin.goto(`${base}/admin/collections/leads/${leadId}`)
    await clickWhenReady(admin.locator('[data-erase-person]'))
    const dialog = admin.locator('[role="alertdialog"]')
    expect(await textOf(dialog)).toContain('¿Borrar los datos personales de esta persona?')
    await shot(admin, 'privacy-1-erase-confirmation')
    await clickWhenReady(admin.locator('[data-erase-person-confirm]'))
    await waitUntil(
      'the lead is erased',
      async () => (await (await staffApi(admin).get(`/api/leads/${leadId}?depth=0`)).json()).email as string,
      (email) => email.endsWith('@erased.invalid'),
    )
    await admin.reload()
    await waitUntil('the page shows the pseudonym', () => admin.locator('#field-firstName').inputValue(), (value) => value === 'Titular')
    expect(await admin.locator('#field-lastName').inputValue()).toMatch(/^[0-9A-F]{6}$/)
    expect(await admin.locator('[data-erase-person]').count()).toBe(0)
    await shot(admin, 'privacy-2-erased-lead')
  }, SLOW)

  it('a salesperson sees no erase button on a lead, and no "Privacidad" menu entry', async () => {
    const other = await staffApi(admin).post('/api/leads', { data: { ...lead, email: `otro-${lead.email}` } })
    await sales.goto(`${base}/admin/collections/leads/${(await other.json()).doc.id}`)
    await sales.locator('#field-firstName').waitFor()
    expect(await sales.locator('[data-erase-person]').count()).toBe(0)
    expect(await sales.locator('#nav-aula-privacy').count()).toBe(0)
  }, SLOW)
})

describe('the retention overview', () => {
  it('an admin opens "Privacidad" from the menu and reads how many people are inactive, in Spanish', async () => {
    await admin.goto(`${base}/admin`)
    await openMenu(admin)
    await admin.locator('#nav-aula-privacy').click()
    await admin.waitForURL(/\/admin\/privacy/)
    expect(await textOf(admin.locator('h1'))).toBe('Privacidad: personas sin actividad')
    const summary = admin.locator('[data-retention-total]')
    const total = Number(await summary.getAttribute('data-retention-total'))
    const api = await (await staffApi(admin).get('/api/privacy/inactive')).json()
    expect(total).toBe(api.total)
    expect(await textOf(summary)).toContain(`${api.total} personas sin actividad desde el`)
    await shot(admin, 'privacy-3-retention')
  }, SLOW)
})
