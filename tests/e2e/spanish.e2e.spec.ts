import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import { adminApp, closeBrowser, logIn, PASSWORD, shot, theBrowser, staffApi } from './support/adminApp'

/**
 * Spanish all the way (issue 15): a coordinator whose browser speaks English opens the admin, and
 * the login page, the dashboard, every collection's list, create and edit views and every global
 * read in Spanish, including Payload's own words, validation messages and accessible names.
 * The check is a list of English UI words no Spanish page should show; brands and data are allowed.
 */
let base: string
const stamp = Date.now().toString(36)

beforeAll(async () => {
  base = await adminApp()
}, 600_000)
afterAll(() => closeBrowser(), 60_000)

/** Words of Payload's and Aula's English interface; none belongs on a Spanish page. */
const ENGLISH_UI = [
  'Save', 'Create', 'Create New', 'Delete', 'Filters', 'Filter', 'Columns', 'Search', 'Must be', 'is required', 'Preview', 'Log in', 'Login',
  'Log out', 'Logout', 'Leads', 'Lead', 'Add', 'Add Row', 'Cancel', 'Edit', 'Duplicate', 'Dashboard', 'Collections', 'Password', 'Forgot',
  'Loading', 'No results', 'Select', 'Upload', 'Created', 'Updated', 'Last Modified', 'Sort', 'Per Page', 'Back', 'Next', 'Previous',
  'Yes', 'Required', 'Settings', 'Account', 'Title', 'Name', 'Status', 'Date', 'Price', 'Users', 'Speakers', 'Courses', 'Enrollments',
  'Payments', 'Templates', 'Categories', 'Published', 'Draft', 'Attendance', 'Participants', 'Calendar', 'Export', 'Resend', 'Convert',
  'Enroll', 'Send', 'Refund', 'Clear', 'Close', 'Show', 'Hide', 'Remove', 'Copy', 'COPY', 'Restore', 'Trash', 'Unlock', 'Module',
  'Session', 'Free', 'Paid', 'Seats', 'Revenue', 'Registrations', 'Upcoming', 'Failed', 'Confirmed', 'Cancelled', 'Waitlisted',
  'Time zone', 'Week', 'Month', 'Today', 'sample data', 'Untitled', 'Nothing found', 'of', 'the', 'and', 'Sales', 'Staff', 'Only',
  'Please', 'Invalid', 'Error', 'Something went wrong', '[object Object]',
]
/** Brands, product names and the language picker's own names: the same in any language. */
/**
 * Accessible names Payload 3.88 leaves in English whatever the language: three hard-coded in its rich-text
 * editor (@payloadcms/richtext-lexical) and the toast's close button (sonner's default, which Payload does
 * not translate). Left to upstream, listed in docs/admin.md.
 */
const PAYLOAD_HARD_CODED = ['Add block', 'Edit link', 'Remove link', 'Close toast']
const ALLOWED = [...PAYLOAD_HARD_CODED, 'Zoom', 'Google Meet', 'Microsoft Teams', 'YouTube', 'Stripe', 'LinkedIn', 'Power BI', 'GitHub', 'English', 'Payload', 'Aula', 'Checkout', 'Slug (URL)', 'Webinar']

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const englishPatterns = ENGLISH_UI.map((word) => ({ word, pattern: new RegExp(`(?<![\\p{L}\\d])${escape(word)}(?![\\p{L}\\d])`, 'u') }))

/**
 * What staff typed is data, whatever its language (English email templates, titles, error logs): list
 * cells of free-text fields, document titles, rich text and previews are set aside.
 */
const DATA = [
  '[contenteditable]', 'iframe', '.render-title', '.doc-header__title', '.step-nav__last', '.email-template-preview',
  ...['title', 'name', 'subject', 'body', 'summary', 'email', 'to', 'lastError', 'message', 'notes', 'headline', 'bio', 'filename', 'alt', 'slug', 'description', 'company', 'firstName', 'lastName'].map((field) => `.cell-${field}`),
].join(',')

/** Everything a sighted or screen-reader user meets: visible text, accessible names, titles and placeholders. */
const pageWords = (page: Page) =>
  page.evaluate((data) => {
    const hidden = Array.from(document.querySelectorAll<HTMLElement>(data))
    const before = hidden.map((element) => element.style.visibility)
    for (const element of hidden) element.style.visibility = 'hidden'
    const texts = [document.body.innerText]
    for (const element of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))) {
      if (element.closest(data)) continue
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        // Payload 3.88 hard-codes `Edit ${label}` on the pencil of each value in a many-relationship field
        // (MultiValueLabel); its visible tooltip is translated. Listed in docs/admin.md with the others.
        if (attribute === 'aria-label' && element.matches('.relationship--multi-value-label__drawer-toggler')) continue
        const value = element.getAttribute(attribute)
        if (value) texts.push(value)
      }
    }
    hidden.forEach((element, index) => (element.style.visibility = before[index]))
    return texts.join('\n')
  }, DATA)

/** English UI words on the page, each with the line it was found on, after brands, emails and URLs are set aside. */
async function englishOn(page: Page): Promise<string[]> {
  let text = await pageWords(page)
  text = text.replace(/[\w.+-]+@[\w.-]+\.\w+/g, ' ').replace(/https?:\/\/\S+/g, ' ')
  for (const allowed of ALLOWED) text = text.split(allowed).join(' ')
  const found = new Set<string>()
  for (const line of text.split('\n')) {
    for (const { word, pattern } of englishPatterns) if (pattern.test(line)) found.add(`${word} ← "${line.trim().slice(0, 120)}"`)
  }
  return [...found]
}

/** Opens a page and waits until Payload has drawn it (the step nav or the login form is there). */
async function open(page: Page, path: string) {
  await page.goto(`${base}${path}`)
  await page.waitForLoadState('load')
  await page.locator('.step-nav, .login__form, form').first().waitFor({ timeout: 90_000 })
  await page.waitForTimeout(700)
}

const problems: string[] = []
const check = async (page: Page, where: string) => {
  for (const found of await englishOn(page)) problems.push(`${where}: ${found}`)
}

describe('Spanish all the way', () => {
  let page: Page

  it('the login page greets an English browser in Spanish', async () => {
    const context = await (await theBrowser()).newContext({ locale: 'en-US', timezoneId: 'UTC' })
    const login = await context.newPage()
    login.setDefaultTimeout(120_000)
    login.setDefaultNavigationTimeout(180_000)
    await open(login, '/admin/login')
    await shot(login, 'spanish-login')
    expect(await englishOn(login)).toEqual([])
    expect(await login.locator('html').getAttribute('lang')).toBe('es')
    await context.close()
  }, 300_000)

  it('the first page after login is Spanish for a Spanish-speaking coordinator with an English browser, navigation included, without a reload', async () => {
    page = await logIn('admin@aula.local', { locale: 'en-US', timezoneId: 'UTC' })
    await page.locator('nav').first().waitFor()
    await page.waitForTimeout(1500)
    await shot(page, 'spanish-dashboard')
    const nav = await page.locator('nav').first().innerText()
    expect(nav).toMatch(/Prospectos/)
    expect(nav).not.toMatch(/\bLeads\b|\bUsers\b|\bCollections\b/)
    expect(await englishOn(page)).toEqual([])
  }, 600_000)

  it('a person whose language is English gets an English admin from the first page after login, whatever the browser says', async () => {
    const email = `english-${stamp}@example.com`
    const created = await staffApi(page).post(`/api/users`, {
            data: { email, password: PASSWORD, firstName: 'Emma', lastName: 'Reed', roles: ['editor'], language: 'en', _verified: true },
    })
    expect(created.status()).toBe(201)
    // Through the login form, like everyone else (support/adminApp.ts), with a Spanish browser.
    const english = await logIn(email, { locale: 'es-PE', timezoneId: 'UTC' })
    await english.locator('nav').first().waitFor()
    await english.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000 })
    await shot(english, 'spanish-english-user-dashboard')
    expect(await english.locator('nav').first().innerText()).toMatch(/Courses|Webinars/)
    await english.context().close()
  }, 300_000)

  it('every collection’s list, create and edit view and every global read in Spanish', async () => {
    await open(page, '/admin')
    const links = await page.$$eval('a[href*="/admin/collections/"], a[href*="/admin/globals/"]', (anchors) =>
      anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
    )
    const entities = [...new Set(links.map((path) => path.split('/').slice(0, 4).join('/')))].sort()
    expect(entities.length).toBeGreaterThan(8)
    const access = await (await staffApi(page).get(`/api/access`)).json()
    for (const path of entities) {
      const [, , kind, slug] = path.split('/')
      if (kind === 'globals') {
        await open(page, path)
        await check(page, `global ${slug}`)
        continue
      }
      await open(page, path)
      await check(page, `${slug} list`)
      await shot(page, `spanish-${slug}-list`)
      const first = await staffApi(page).get(`/api/${slug}?limit=1&depth=0`)
      const id = first.ok() ? (await first.json()).docs?.[0]?.id : undefined
      if (id !== undefined) {
        await open(page, `${path}/${id}`)
        await check(page, `${slug} edit`)
      }
      if (access.collections?.[slug]?.create) {
        await open(page, `${path}/create`)
        await check(page, `${slug} create`)
      }
    }
    expect(problems).toEqual([])
  }, 1_200_000)

  it('a refused save reads in Spanish: the toast and the field messages', async () => {
    await open(page, '/admin/collections/webinars/create')
    // Nothing filled in: the required fields answer, Payload's messages and Aula's.
    await page.click('#action-save')
    await page.locator('.field-error, .tooltip--show, .Toastify__toast, .toast').first().waitFor({ timeout: 30_000 })
    await page.waitForTimeout(1000)
    await shot(page, 'spanish-validation')
    const text = await pageWords(page)
    expect(text).toMatch(/Debe ser una URL http\(s\)|obligatorio|inválido/)
    expect(await englishOn(page)).toEqual([])
  }, 300_000)
})
