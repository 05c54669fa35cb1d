import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { renderTemplate } from '../../src/email/renderTemplate'
import { convertStoredTemplatesToRichText } from '../../src/email/templateBody/convertStoredTemplates'
import { htmlToContent, variableNode } from '../../src/email/templateBody/fromHtml'
import type { LexicalNode } from '../../src/email/templateBody/nodes'
import { TEST_EMAILS_PER_HOUR } from '../../src/email/sendTemplateTest'
import { EMAIL_LOCALES, EMAIL_TEMPLATE_KEYS, SAMPLE_VARIABLES } from '../../src/email/templateVariables'
import { plainTextOf } from '../../src/email/withPlainTextPart'
import { DEFAULT_EMAIL_TEMPLATES, seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { drainQueue } from '../helpers/email'
import { SmtpSink } from '../helpers/smtpSink'

const smtp = new SmtpSink()
let aula: TestAula
let editor: Awaited<ReturnType<TestAula['createUser']>>

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ smtpTransport: smtp.transport })
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

const text = (value: string, format = 0): LexicalNode => ({ type: 'text', version: 1, text: value, format, mode: 'normal', style: '', detail: 0 })
const paragraph = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', version: 1, children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '' })
const link = (url: string, ...children: LexicalNode[]): LexicalNode => ({
  type: 'link',
  version: 3,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  fields: { linkType: 'custom', url, newTab: false },
})
const button = (label: string, url: string): LexicalNode => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: '65f0c0ffee0000000000b001', blockName: '', blockType: 'button', label, url },
})
const doc = (...children: LexicalNode[]) => ({ root: { type: 'root', version: 1, children, direction: 'ltr', format: '', indent: 0 } })

/** The same markup however it was written: `<br>` or `<br />`, `'` or `&#39;`, `"` or `&quot;` in text, line breaks between blocks. */
const sameMarkup = (html: string) =>
  html.replace(/<br\s*\/?>/g, '<br>').replace(/&#39;/g, "'").replace(/>([^<]*)</g, (_, inner: string) => `>${inner.replace(/&quot;/g, '"')}<`).replace(/\n/g, '')

describe('a template written in the rich-text editor', () => {
  it('renders every stock email to the same HTML its HTML original gave, with values substituted and escaped', () => {
    const variables = { ...SAMPLE_VARIABLES, firstName: '<script>alert(1)</script>', title: 'Ventas & "Marketing"' }
    for (const key of EMAIL_TEMPLATE_KEYS) {
      for (const locale of EMAIL_LOCALES) {
        const original = DEFAULT_EMAIL_TEMPLATES[key][locale]
        const content = htmlToContent(original.body)
        if (!content) continue // stays on its HTML body (markup the editor has no equivalent for)
        const fromHtml = renderTemplate({ subject: original.subject, body: original.body }, variables, locale)
        const fromRichText = renderTemplate({ subject: original.subject, content }, variables, locale)
        expect(fromRichText.subject).toBe(fromHtml.subject)
        expect(sameMarkup(fromRichText.html)).toBe(sameMarkup(fromHtml.html))
        expect(fromRichText.html).not.toContain('<script>')
        expect(fromRichText.html).not.toMatch(/\{\{/)
      }
    }
    const confirmed = renderTemplate({ subject: 'x', content: htmlToContent(DEFAULT_EMAIL_TEMPLATES.enrollment_confirmed.es.body) }, variables, 'es')
    expect(confirmed.html).toContain('Hola &lt;script&gt;alert(1)&lt;/script&gt;:')
    expect(confirmed.html).toContain('<strong>Ventas &amp; &quot;Marketing&quot;</strong>')
    expect(confirmed.html).toContain(`<a href="${SAMPLE_VARIABLES.cancelUrl}">cancelar inscripción</a>`)
  })

  it('renders a picked variable, a typed one, a link to a variable and a button, and the text part reads them', () => {
    const content = doc(
      paragraph(text('Hola '), variableNode('firstName'), text(', te esperamos en {{ title }}.')),
      paragraph(text('Detalles: '), link('{{itemUrl}}', text('la página'))),
      button('Cancelar mi lugar', '{{cancelUrl}}'),
    )
    const variables = { ...SAMPLE_VARIABLES, cancelUrl: 'https://aula.example.com/api/enrollments/7/cancel-link?token=a&b="c"' }
    const { html } = renderTemplate({ subject: 'Hola', content }, variables, 'es')
    expect(html).toContain('<p>Hola Ana, te esperamos en Introducción a la analítica de datos.</p>')
    expect(html).toContain(`<a href="${SAMPLE_VARIABLES.itemUrl}">la página</a>`)
    expect(html).toMatch(/<a href="https:\/\/aula\.example\.com\/api\/enrollments\/7\/cancel-link\?token=a&amp;b=&quot;c&quot;" style="[^"]+">Cancelar mi lugar<\/a>/)
    const plain = plainTextOf(html).replace(/\s+/g, ' ')
    expect(plain).toContain('Cancelar mi lugar [https://aula.example.com/api/enrollments/7/cancel-link?token=a&b="c"]')
    expect(plain).toContain(`la página [${SAMPLE_VARIABLES.itemUrl}]`)
  })

  it('keeps sending a template that has only its older HTML body', () => {
    const { html } = renderTemplate({ subject: 'x', content: doc(paragraph()), body: '<p>Hola {{firstName}}</p>' }, SAMPLE_VARIABLES, 'es')
    expect(html).toBe('<p>Hola Ana</p>')
  })
})

const richTemplate = (content: unknown, overrides: Record<string, unknown> = {}) => ({
  key: 'lead_assigned',
  locale: 'en',
  subject: 'New lead: {{leadName}}',
  content,
  ...overrides,
})

describe('saving a rich-text template', () => {
  it('refuses a variable picked from the list that this email does not provide, with a 400 naming the body', async () => {
    const response = await aula.api.post('/email-templates', richTemplate(doc(paragraph(text('Join: '), variableNode('meetingLink')))), { token: editor.token })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0]).toMatchObject({ path: 'content', message: expect.stringContaining('{{meetingLink}}') })
    expect((await aula.payload.count({ collection: 'email-templates', where: { key: { equals: 'lead_assigned' } } })).totalDocs).toBe(0)
  })

  it('refuses a variable typed as {{…}} in the text, in a link or in a button just the same', async () => {
    for (const content of [
      doc(paragraph(text('Hi {{ nombre }}'))),
      doc(paragraph(link('{{payUrl}}', text('pay')))),
      doc(button('Join', '{{meetingLink}}')),
    ]) {
      const response = await aula.api.post('/email-templates', richTemplate(content), { token: editor.token })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].data.errors[0].path).toBe('content')
    }
  })

  it('refuses a variable chip with nothing picked in it, in the save and in the preview, instead of an email with a gap', async () => {
    const unpicked = { ...variableNode('firstName'), fields: { ...variableNode('firstName').fields, variable: undefined } }
    const content = doc(paragraph(text('Hola '), unpicked, text(', bienvenida.')))
    const saved = await aula.api.post('/email-templates', richTemplate(content), { token: editor.token })
    expect(saved.status).toBe(400)
    expect(saved.body.errors[0].data.errors[0]).toMatchObject({ path: 'content', message: expect.stringContaining('no tiene elegido qué dato muestra') })
    expect((await aula.payload.count({ collection: 'email-templates', where: { key: { equals: 'lead_assigned' } } })).totalDocs).toBe(0)
    const preview = await aula.api.post('/email-templates/preview', { key: 'lead_assigned', locale: 'es', subject: 'Hola', content }, { token: editor.token })
    expect(preview.status).toBe(400)
    expect(preview.body.errors[0].data.errors[0]).toMatchObject({ path: 'content', message: expect.stringContaining('no tiene elegido qué dato muestra') })
  })

  it('refuses a template with neither a rich-text nor an HTML body', async () => {
    const response = await aula.api.post('/email-templates', richTemplate(doc(paragraph())), { token: editor.token })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0].path).toBe('content')
  })

  it('saves picked and typed variables, a link and a button whose address is a variable, keeping the address as written', async () => {
    const content = doc(
      paragraph(text('Hi '), variableNode('firstName'), text(', {{leadName}} is yours: '), link('{{leadUrl}}', text('open the lead'))),
      button('Open', '{{leadUrl}}'),
    )
    const response = await aula.api.post('/email-templates', richTemplate(content), { token: editor.token })
    expect(response.status).toBe(201)
    const saved = await aula.payload.findByID({ collection: 'email-templates', id: response.body.doc.id, overrideAccess: true })
    const { html } = renderTemplate(saved, SAMPLE_VARIABLES, 'en')
    expect(html).toContain(`Hi Ana, Jorge Salas is yours: <a href="${SAMPLE_VARIABLES.leadUrl}">open the lead</a>`)
    expect(html).toContain(`href="${SAMPLE_VARIABLES.leadUrl}" style=`)
  })
})

describe('the preview in both languages', () => {
  it('renders the unsaved draft in its language and the saved template in the other, with sample data', async () => {
    const draft = { key: 'lead_assigned', locale: 'es', subject: 'Nuevo: {{leadName}}', content: doc(paragraph(text('Hola '), variableNode('firstName'))) }
    const response = await aula.api.post('/email-templates/preview', draft, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.previews.es).toMatchObject({ source: 'draft', subject: 'Nuevo: Jorge Salas', html: '<p>Hola Ana</p>', text: 'Hola Ana' })
    expect(response.body.previews.en).toMatchObject({ source: 'saved', subject: 'New lead: Jorge Salas' })
    expect(response.body.previews.en.html).toContain('Jorge Salas is yours')
  })

  it('shows the Spanish template for English readers when there is no English one, as the worker sends it', async () => {
    const response = await aula.api.post('/email-templates/preview', { key: 'lead_received', locale: 'es', subject: 'Hola', body: '<p>Hola {{firstName}}</p>' }, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.previews.en).toMatchObject({ source: 'fallback', html: '<p>Hola Ana</p>' })
  })

  it('answers 400 naming the field for a variable the email does not have, and only staff may ask', async () => {
    const bad = await aula.api.post('/email-templates/preview', { key: 'lead_assigned', locale: 'es', subject: 'Hola {{meetingLink}}', content: null }, { token: editor.token })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0].path).toBe('subject')
    const student = await aula.createUser(['student'])
    expect((await aula.api.post('/email-templates/preview', { key: 'lead_assigned', subject: 'x' }, { token: student.token })).status).toBe(403)
    expect((await aula.api.post('/email-templates/preview', { key: 'lead_assigned', subject: 'x' })).status).toBe(401)
  })
})

describe('send me a test', () => {
  it('queues the saved template with sample data to the staff member’s own address, logged as a test, and it arrives with a text part', async () => {
    await seedEmailTemplates(aula.payload)
    const { docs } = await aula.payload.find({ collection: 'email-templates', where: { key: { equals: 'webinar_reminder_1h' }, locale: { equals: 'es' } }, overrideAccess: true })
    const response = await aula.api.post(`/email-templates/${docs[0].id}/send-test`, undefined, { token: editor.token })
    expect(response.status).toBe(202)
    expect(response.body.to).toBe(editor.email)
    await drainQueue(aula.payload)
    const mail = await smtp.waitFor((message) => JSON.stringify(message.to).includes(editor.email))
    expect(mail.subject).toBe('[Prueba] En una hora: Introducción a la analítica de datos')
    expect(String(mail.html)).toContain('Hola Ana:')
    expect(mail.text).toContain('empieza en una hora')
    const log = await aula.payload.findByID({ collection: 'email-log', id: response.body.emailLogId, overrideAccess: true })
    expect(log).toMatchObject({ status: 'sent', isTest: true, templateKey: 'webinar_reminder_1h' })
  })

  it(`refuses a staff member’s test beyond ${TEST_EMAILS_PER_HOUR} an hour with a 429, and strangers get none`, async () => {
    const sales = await aula.createUser(['sales'])
    const { docs } = await aula.payload.find({ collection: 'email-templates', where: { key: { equals: 'lead_received' }, locale: { equals: 'es' } }, overrideAccess: true })
    const id = docs[0].id
    for (let sent = 0; sent < TEST_EMAILS_PER_HOUR; sent += 1) {
      expect((await aula.api.post(`/email-templates/${id}/send-test`, undefined, { token: sales.token })).status).toBe(202)
    }
    const over = await aula.api.post(`/email-templates/${id}/send-test`, undefined, { token: sales.token })
    expect(over.status).toBe(429)
    expect((await aula.payload.count({ collection: 'email-log', where: { to: { equals: sales.email } }, overrideAccess: true })).totalDocs).toBe(TEST_EMAILS_PER_HOUR)
    const student = await aula.createUser(['student'])
    expect((await aula.api.post(`/email-templates/${id}/send-test`, undefined, { token: student.token })).status).toBe(403)
    expect((await aula.api.post(`/email-templates/${id}/send-test`)).status).toBe(401)
  })
})

describe('templates stored as HTML', () => {
  it('are converted to rich text by convertStoredTemplatesToRichText, sending the same email; HTML the editor cannot show stays HTML', async () => {
    await aula.payload.delete({ collection: 'email-templates', where: { key: { equals: 'payment_failed' } }, overrideAccess: true })
    const simple = await aula.payload.create({
      collection: 'email-templates',
      data: { key: 'payment_failed', locale: 'es', subject: 'Pago', body: DEFAULT_EMAIL_TEMPLATES.payment_failed.es.body },
      overrideAccess: true,
    })
    const table = await aula.payload.create({
      collection: 'email-templates',
      data: { key: 'payment_failed', locale: 'en', subject: 'Payment', body: '<table><tr><td>{{firstName}}</td></tr></table>' },
      overrideAccess: true,
    })
    const before = renderTemplate(simple, SAMPLE_VARIABLES, 'es')
    const result = await convertStoredTemplatesToRichText(aula.payload)
    expect(result.converted).toContain(simple.id)
    expect(result.keptAsHtml).toContain(table.id)
    expect(result.keptAsHtml).not.toContain(simple.id)
    const converted = await aula.payload.findByID({ collection: 'email-templates', id: simple.id, overrideAccess: true })
    expect(converted.body).toBeFalsy()
    expect(sameMarkup(renderTemplate(converted, SAMPLE_VARIABLES, 'es').html)).toBe(sameMarkup(before.html))
    const kept = await aula.payload.findByID({ collection: 'email-templates', id: table.id, overrideAccess: true })
    expect(renderTemplate(kept, SAMPLE_VARIABLES, 'en').html).toBe('<table><tr><td>Ana</td></tr></table>')
    expect((await convertStoredTemplatesToRichText(aula.payload)).converted).toEqual([])
  })

  it('the seed stores the stock templates as rich text with picked variables', async () => {
    const { docs } = await aula.payload.find({ collection: 'email-templates', where: { key: { equals: 'enrollment_confirmed' } }, overrideAccess: true })
    expect(docs).toHaveLength(2)
    for (const template of docs) {
      expect(template.body).toBeFalsy()
      expect(JSON.stringify(template.content)).toContain('"blockType":"variable"')
    }
  })
})
