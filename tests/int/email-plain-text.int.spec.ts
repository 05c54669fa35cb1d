import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { convert } from 'html-to-text'
import type { ParsedMail } from 'mailparser'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

const smtp = new SmtpSink()
let aula: TestAula

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock: new ManualClock('2030-05-10T12:00:00.000Z'), smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
const linksIn = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'))

/** The text part a reader without HTML sees: every visible word of the HTML, in order, and every link's address. */
function expectTextMatchesHtml(mail: ParsedMail) {
  expect(typeof mail.html).toBe('string')
  expect(mail.text).toBeTruthy()
  const text = String(mail.text)
  // The alternative is plain text, not HTML with its tags showing.
  expect(text).not.toMatch(/<\/?(p|a|div|strong|br)\b/i)
  const visible = words(convert(String(mail.html), { selectors: [{ selector: 'a', options: { ignoreHref: true } }, { selector: 'img', format: 'skip' }] }))
  expect(visible.length).toBeGreaterThan(5)
  const textWords = words(text).join(' ')
  expect(textWords).toContain(visible.join(' ').slice(0, 80))
  for (const word of visible) expect(textWords).toContain(word)
  const links = linksIn(String(mail.html))
  expect(links.length).toBeGreaterThan(0)
  // A link reads `label [url]` (the tests below check the brackets); one whose label is its own address shows it once.
  for (const link of links) expect(text.replace(/\s+/g, '')).toContain(link)
}

describe('every email has a plain-text part next to the HTML', () => {
  it('a queued enrollment confirmation arrives with a text/plain part holding the same words and links', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Texto plano', startsAt: '2030-05-20T00:00:00.000Z' })
    const email = `texto-${Date.now()}@example.com`
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Lucía', lastName: 'Paz' })).status).toBe(201)
    await drainQueue(aula.payload)
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(email))
    expect(mail.text).toContain('Texto plano')
    expect(mail.text).toMatch(/\[http:\/\/localhost:3000\/api\/enrollments\/\d+\/cancel-link\?token=[\w-]+\]/)
    expectTextMatchesHtml(mail)
  })

  it('Payload’s own forgot-password email, which passes only HTML, arrives with a text/plain part and its reset link', async () => {
    const student = await aula.createUser(['student'], { language: 'en', firstName: 'Ana' })
    expect((await aula.api.post('/users/forgot-password', { email: student.email })).status).toBe(200)
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(student.email))
    expect(mail.text).toContain('Hello Ana,')
    expect(mail.text).toMatch(/Choose a new password\s*\[http:\/\/localhost:3000\/admin\/reset\/[a-f0-9]+\]/)
    expectTextMatchesHtml(mail)
  })
})
