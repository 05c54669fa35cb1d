import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import type { Pool } from 'pg'

import { issueCertificate } from '../../src/certificates/issue'
import { notify } from '../../src/notifications/notify'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createWebinar } from '../helpers/catalog'
import { pdfText } from '../helpers/certificatePdf'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'

let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock()
type Person = Awaited<ReturnType<TestAula['createUser']>>
let admin: Person
let sales: Person

const pool = () => (aula.payload.db as unknown as { pool: Pool }).pool
const query = async (text: string, values: unknown[] = []) => (await pool().query(text, values)).rows
const YEAR = 365.25 * 24 * 60 * 60 * 1000
let seeded = 0
/** The public form answers without the lead's id (it tells a visitor nothing): find it by address. */
const leadIdOf = async (email: string) => Number((await query(`SELECT id FROM leads WHERE email = $1`, [email.toLowerCase()]))[0].id)

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
  await seedEmailTemplates(aula.payload)
  admin = await aula.createUser(['admin'])
  sales = await aula.createUser(['sales'])
  await aula.payload.updateGlobal({
    slug: 'billing-settings',
    data: { legalName: 'Capacitaciones Andinas S.A.C.', taxId: '20601234567', address: 'Av. Arequipa 1234, Lima', taxName: 'IGV', taxRatePercent: 18, pricesIncludeTax: true },
    overrideAccess: true,
  })
})

afterAll(async () => {
  await stopAulaWithStripe(aula, stripe)
})

/**
 * Every text, varchar and json column of every table (Payload's own, array, relationship and version
 * tables, job inputs and logs included) that still holds one of `needles`, as `table.column`.
 */
async function tracesOf(needles: string[]): Promise<string[]> {
  const columns = await query(`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')`)
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const [{ n }] = await query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, [`%${needle}%`])
      if (n > 0) found.push(`${table}.${column} (${needle})`)
    }
  }
  return found
}

/** A person with a bit of everything: account, paid enrollment with receipt and Stripe events, certificate, attendance, feedback, lead with interactions, emails, notifications, consent, suppression, audit entries. */
async function seedPerson(first: string, last: string) {
  const email = `${first}.${last}-${Date.now()}@example.com`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  const phone = `+51 9${String(Date.now()).slice(-2)} 654 ${String(++seeded).padStart(3, '0')}`
  const webinar = await createWebinar(aula.payload, { isFree: false, price: 120, currency: 'PEN', capacity: 50, title: 'Finanzas para no financieros', startsAt: new Date(clock.now().getTime() + 30 * 24 * 3600 * 1000).toISOString() })
  const registered = await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: first, lastName: last, company: 'Minera Sur', phone })
  expect(registered.status).toBe(201)
  const enrollmentId = registered.body.doc.id as number
  const session = stripe.sessions.get(registered.body.doc.checkoutUrl.split('/').pop())!
  const paid = stripe.complete(session.id)
  // Stripe sends back what the buyer typed on its page.
  expect((await deliver(aula.api, sessionCompleted(paid, { customer_details: { email, name: `${first} ${last}`, phone } }))).status).toBe(200)
  await drainQueue(aula.payload)
  const [user] = (await aula.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs
  expect(user).toBeDefined()

  // Staff edit the account (an audit entry with the old and new values) and the person accepts marketing email.
  expect((await aula.api.patch(`/users/${user.id}`, { phone, position: `Jefa de ${last}`, marketingConsent: { granted: true } }, { token: admin.token })).status).toBe(200)
  const certificate = await issueCertificate(aula.payload, { enrollmentId, note: `Entregado a ${first} ${last}` })
  await aula.payload.create({ collection: 'attendance', data: { enrollment: enrollmentId, user: user.id, present: true, minutesAttended: 60, source: 'admin' } as never, overrideAccess: true })
  await query(`UPDATE enrollments SET feedback_rating = 5, feedback_comment = $1, staff_note = $2 WHERE id = $3`, [`Muy bueno. ${first}`, `Llamar a ${first} al ${phone}`, enrollmentId])

  const lead = await aula.api.post('/leads', { firstName: first, lastName: last, email, phone, company: 'Minera Sur', type: 'corporate', headcount: 12, message: `Soy ${first} ${last}, escríbanme a ${email}` })
  expect(lead.status).toBe(201)
  const leadId = await leadIdOf(email)
  expect((await aula.api.patch(`/leads/${leadId}`, { interactions: [{ type: 'call', summary: `Hablé con ${first}; pide factura a nombre de ${last}`, outcome: `${first} interesada` }], notes: `${first} ${last} prefiere WhatsApp ${phone}` }, { token: sales.token })).status).toBe(200)

  const req = await createLocalReq({}, aula.payload)
  await notify(req, { kind: 'certificate_issued', to: [user.id as number], title: { es: `${first}, tu certificado`, en: `${first}, your certificate` }, body: { es: last, en: last }, document: { collection: 'certificates', id: certificate.id } })
  await notify(req, { kind: 'lead_assigned', to: [sales.id], title: { es: `Nuevo prospecto: ${first} ${last}`, en: `New lead: ${first} ${last}` }, body: { es: email, en: email }, document: { collection: 'leads', id: leadId } })
  await aula.payload.create({ collection: 'email-suppressions', data: { email, reason: 'staff', note: `Pedido por ${first} por teléfono` } as never, overrideAccess: true })
  await drainQueue(aula.payload)
  return { email, phone, first, last, userId: user.id as number, enrollmentId, leadId, certificateId: certificate.id as number, webinarId: webinar.id as number }
}

const financialFactsOf = async (userId: number) => ({
  payments: await query(`SELECT id, amount::float, currency, status, created_at FROM payments WHERE user_id = $1 ORDER BY id`, [userId]),
  receipts: await query(`SELECT id, number, total::float, tax::float, tax_base::float, issued_at, issued_on, buyer_company, buyer_tax_id FROM receipts WHERE user_id = $1 ORDER BY id`, [userId]),
})

describe('erasing a person', () => {
  let person: Awaited<ReturnType<typeof seedPerson>>
  let bystander: Awaited<ReturnType<typeof seedPerson>>
  let before: Awaited<ReturnType<typeof financialFactsOf>>
  let answer: { status: number; body: any }

  beforeAll(async () => {
    // Accented and composite names: the scrubbing must find whole words made of any Latin letters.
    person = await seedPerson('Zoé', 'Quispelupe-Ñahui')
    bystander = await seedPerson('Eulalia', 'Ccorimanya')
    // The seed really holds the person everywhere the scan looks: the test cannot pass on an empty database.
    expect((await tracesOf([person.email])).length).toBeGreaterThan(8)
    before = await financialFactsOf(person.userId)
    expect(before.receipts.length).toBeGreaterThan(0)
    answer = await aula.api.post('/privacy/erase', { user: person.userId, confirm: true }, { token: admin.token })
  })

  it('answers with the pseudonym and what was erased, in counts', async () => {
    expect(answer.status).toBe(200)
    expect(answer.body.summary).toMatchObject({ userId: person.userId, pseudonym: expect.stringMatching(/^Titular [0-9A-F]{6}$/), leads: 1, enrollments: 1, certificatesRevoked: 1, suppressionsDeleted: 1 })
    // Theirs, including the one the certificate trigger sent; staff notifications about them are kept, scrubbed.
    expect(answer.body.summary.notificationsDeleted).toBeGreaterThanOrEqual(1)
    expect(await query(`SELECT id FROM notifications WHERE recipient_id = $1`, [person.userId])).toEqual([])
    expect(answer.body.summary.emails).toBeGreaterThan(0)
  })

  it("leaves the person's email, names and phone in no column of any table", async () => {
    expect(await tracesOf([person.email, person.first, person.last, ...person.last.split('-'), person.phone])).toEqual([])
  })

  it('leaves another person with the same kinds of records untouched', async () => {
    const traces = await tracesOf([bystander.email, bystander.last])
    for (const table of ['users.email', 'leads.email', 'receipts.buyer_email', 'certificates.holder_name', 'email_log.to']) {
      expect(traces.some((trace) => trace.startsWith(table))).toBe(true)
    }
    const [certificate] = await query(`SELECT status FROM certificates WHERE id = $1`, [bystander.certificateId])
    expect(certificate.status).toBe('valid')
  })

  it('keeps receipts and payments with the same amounts, numbers and dates, under the pseudonym and with the erasure noted', async () => {
    const after = await financialFactsOf(person.userId)
    expect(after).toEqual(before)
    const pseudonym = answer.body.summary.pseudonym
    const receipts = await query(`SELECT buyer_name, buyer_email, erasure_note FROM receipts WHERE user_id = $1`, [person.userId])
    for (const receipt of receipts) {
      expect(receipt.buyer_name).toBe(pseudonym)
      expect(receipt.buyer_email).toMatch(/^borrado-[0-9a-f]+@erased\.invalid$/)
      expect(receipt.erasure_note).toMatch(/^Datos personales borrados a petición del titular el \d{2}\/\d{2}\/\d{4}\.$/)
    }
    const payments = await query(`SELECT erasure_note FROM payments WHERE user_id = $1`, [person.userId])
    expect(payments.every((payment) => /borrados a petición del titular/.test(payment.erasure_note))).toBe(true)
    // Staff read the same through the API.
    const listed = await aula.api.get(`/receipts?where[user][equals]=${person.userId}&depth=0`, { token: admin.token })
    expect(listed.body.docs[0]).toMatchObject({ buyer: expect.objectContaining({ name: pseudonym }), erasureNote: expect.stringContaining('borrados') })
    // …and the receipt's PDF, drawn from the row, names the pseudonym and says why.
    const pdf = await aula.api.getBytes(`/receipts/${listed.body.docs[0].id}/pdf`, { token: admin.token })
    expect(pdf.status).toBe(200)
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ')
    expect(text).toContain(pseudonym)
    expect(text).toContain('borrados a petición del titular')
    expect(text).not.toContain(person.last)
  })

  it("revokes the certificate with the reason \"erased at the holder's request\" and deletes its PDF", async () => {
    const certificate = await aula.payload.findByID({ collection: 'certificates', id: person.certificateId, overrideAccess: true, depth: 0 })
    expect(certificate).toMatchObject({ status: 'revoked', holderName: answer.body.summary.pseudonym, revokedBy: admin.id })
    expect(certificate.revokedReason).toContain("erased at the holder's request")
    expect((await aula.payload.count({ collection: 'certificate-files', where: { certificate: { equals: person.certificateId } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('records the erasure in the audit log with the pseudonym and counts, and redacts the entries about the person', async () => {
    const entries = await query(`SELECT action, actor_id, changes, ip, user_agent FROM audit_log WHERE person_id = $1 ORDER BY id`, [person.userId])
    const erasure = entries.find((entry) => entry.action === 'erasure')
    expect(erasure).toMatchObject({ actor_id: admin.id })
    expect(erasure.changes).toEqual(expect.arrayContaining([{ field: 'pseudonym', from: null, to: answer.body.summary.pseudonym }, { field: 'erased.enrollments', from: null, to: 1 }]))
    const updates = entries.filter((entry) => entry.action === 'update' && Array.isArray(entry.changes) && entry.changes.length)
    expect(updates.length).toBeGreaterThan(0)
    for (const entry of updates) {
      expect(entry).toMatchObject({ ip: null, user_agent: null })
      for (const change of entry.changes) expect(change).toMatchObject({ from: '[borrado]', to: '[borrado]' })
    }
  })

  it('ends the account: no login, student only, erasedAt set, consent gone', async () => {
    const user = await aula.payload.findByID({ collection: 'users', id: person.userId, overrideAccess: true, depth: 0 })
    expect(user).toMatchObject({ roles: ['student'], firstName: 'Titular', phone: null, company: null, marketingConsent: expect.objectContaining({ granted: false }) })
    expect(user.erasedAt).toBeTruthy()
    const login = await aula.api.post('/users/login', { email: user.email, password: 'anything at all' })
    expect(login.status).toBe(401)
  })

  it('lets the same email register again, as a new person', async () => {
    const again = await aula.api.post(`/webinars/${person.webinarId}/register`, { email: person.email, firstName: person.first, lastName: person.last })
    expect(again.status).toBe(201)
    const [user] = (await aula.payload.find({ collection: 'users', where: { email: { equals: person.email } }, overrideAccess: true, depth: 0 })).docs
    expect(user.id).not.toBe(person.userId)
    expect(user.firstName).toBe(person.first)
  })

  it('answers 409 for a person already erased', async () => {
    const twice = await aula.api.post('/privacy/erase', { user: person.userId, confirm: true }, { token: admin.token })
    expect(twice.status).toBe(409)
  })
})

describe('erasing a lead without an account', () => {
  it('pseudonymises the lead, its interactions and the emails to it by address', async () => {
    const email = `rosaura.huamanchumo-${Date.now()}@example.com`
    const lead = await aula.api.post('/leads', { firstName: 'Rosaura', lastName: 'Huamanchumo', email, type: 'individual', message: 'Quiero información, soy Rosaura' })
    expect(lead.status).toBe(201)
    const leadId = await leadIdOf(email)
    await drainQueue(aula.payload)
    const erased = await aula.api.post('/privacy/erase', { email: email.toUpperCase(), confirm: true }, { token: admin.token })
    expect(erased.status).toBe(200)
    expect(erased.body.summary).toMatchObject({ userId: null, leads: 1 })
    expect(await tracesOf([email, 'Rosaura', 'Huamanchumo'])).toEqual([])
    const erasures = await query(`SELECT person_id, actor_id FROM audit_log WHERE action = 'erasure' AND collection_slug = 'leads' AND document_id = $1`, [String(leadId)])
    expect(erasures).toEqual([{ person_id: null, actor_id: admin.id }])
  })
})

describe('who may erase, and bad requests', () => {
  it('an admin cannot erase themself', async () => {
    const response = await aula.api.post('/privacy/erase', { user: admin.id, confirm: true }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0].path).toBe('user')
    const byEmail = await aula.api.post('/privacy/erase', { email: admin.email, confirm: true }, { token: admin.token })
    expect(byEmail.status).toBe(400)
  })

  it('a sales user, a student and an anonymous caller cannot erase anyone, and nothing changes', async () => {
    const target = await aula.createUser(['student'], { firstName: 'Intocable' })
    const student = await aula.createUser(['student'])
    expect((await aula.api.post('/privacy/erase', { user: target.id, confirm: true }, { token: sales.token })).status).toBe(403)
    expect((await aula.api.post('/privacy/erase', { user: target.id, confirm: true }, { token: student.token })).status).toBe(403)
    expect((await aula.api.post('/privacy/erase', { user: target.id, confirm: true })).status).toBe(401)
    const user = await aula.payload.findByID({ collection: 'users', id: target.id, overrideAccess: true, depth: 0 })
    expect(user).toMatchObject({ email: target.email, firstName: 'Intocable' })
  })

  it.each([
    ['no confirm', { user: 999999 }, 'confirm'],
    ['confirm as a string', { user: 999999, confirm: 'true' }, 'confirm'],
    ['nobody named', { confirm: true }, 'user'],
    ['both user and email', { user: 999999, email: 'a@b.pe', confirm: true }, 'email'],
    ['a user id that is not a whole number', { user: '1 OR 1=1', confirm: true }, 'user'],
    ['an email that is not one', { email: 'nadie', confirm: true }, 'email'],
    ['a reason too long', { user: 999999, reason: 'x'.repeat(501), confirm: true }, 'reason'],
  ])('%s is a 400 naming the field', async (_label, body, path) => {
    const response = await aula.api.post('/privacy/erase', body, { token: admin.token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain(`"path":"${path}"`)
  })

  it('a person Aula holds nothing about is a 404', async () => {
    expect((await aula.api.post('/privacy/erase', { user: 999999, confirm: true }, { token: admin.token })).status).toBe(404)
    expect((await aula.api.post('/privacy/erase', { email: 'nadie-conocido@example.com', confirm: true }, { token: admin.token })).status).toBe(404)
  })
})

describe('retention overview', () => {
  const ago = (years: number) => new Date(clock.now().getTime() - years * YEAR).toISOString()
  /** Everything that counts as a sign of life (account, logins, sessions, enrollments, emails) moved back to `at`. */
  const backdate = async (person: Person, at: string) => {
    await query(`UPDATE users SET created_at = $1 WHERE id = $2`, [at, person.id])
    await query(`UPDATE audit_log SET created_at = $1 WHERE actor_id = $2`, [at, person.id])
    await query(`UPDATE users_sessions SET created_at = $1 WHERE _parent_id = $2`, [at, person.id])
    await query(`UPDATE enrollments SET created_at = $1 WHERE user_id = $2`, [at, person.id])
    await query(`UPDATE email_log SET sent_at = $1, created_at = $1 WHERE "to" = $2`, [at, person.email])
  }
  let oldStudent: Person
  let activeStudent: Person
  let oldLeadEmail: string

  beforeAll(async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 100 })
    oldStudent = await aula.createUser(['student'], { firstName: 'Anciano' })
    activeStudent = await aula.createUser(['student'], { firstName: 'Activo' })
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: activeStudent.token })
    expect(registered.status).toBe(201)
    const oldStaff = await aula.createUser(['editor'])
    oldLeadEmail = `antiguo-${Date.now()}@example.com`
    expect((await aula.api.post('/leads', { firstName: 'Prospecto', lastName: 'Antiguo', email: oldLeadEmail, type: 'individual' })).status).toBe(201)
    await query(`UPDATE leads SET created_at = $1 WHERE id = $2`, [ago(4), await leadIdOf(oldLeadEmail)])
    await drainQueue(aula.payload)
    await query(`UPDATE email_log SET sent_at = $1, created_at = $1 WHERE "to" = $2`, [ago(4), oldLeadEmail])
    await backdate(oldStudent, ago(5))
    await backdate(activeStudent, ago(5))
    await query(`UPDATE enrollments SET created_at = $1 WHERE id = $2`, [ago(1.5), registered.body.doc.id])
    await backdate(oldStaff, ago(6))
    // Everyone else in this file was created today, logged in today or was erased already.
  })

  it('counts the people with no activity for N years (staff and erased people left out) and lists them, longest inactive first', async () => {
    const response = await aula.api.get('/privacy/inactive?years=3', { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.total).toBe(2)
    expect(response.body.people.map((person: any) => [person.kind, person.email])).toEqual([
      ['user', oldStudent.email],
      ['lead', oldLeadEmail],
    ])
    expect(response.body.people[1]).toMatchObject({ name: 'Prospecto Antiguo', lastActivityAt: expect.any(String) })
  })

  it('reads the years from the privacy settings by default, and inactivity by the app clock', async () => {
    await aula.payload.updateGlobal({ slug: 'privacy-settings' as never, data: { inactivityYears: 1 } as never, overrideAccess: true })
    const byDefault = await aula.api.get('/privacy/inactive', { token: admin.token })
    expect(byDefault.body).toMatchObject({ years: 1, total: 3 })
    await aula.payload.updateGlobal({ slug: 'privacy-settings' as never, data: { inactivityYears: 3 } as never, overrideAccess: true })
    // Two years on, the enrollment of a year and a half ago is older than three years.
    clock.advance(2 * YEAR)
    const later = await aula.api.get('/privacy/inactive?years=3', { token: admin.token })
    expect(later.body.people.map((person: any) => person.email)).toEqual(expect.arrayContaining([oldStudent.email, oldLeadEmail, activeStudent.email]))
    expect(later.body.total).toBe(3)
  })

  it('erases everyone inactive in the background and answers how many', async () => {
    const response = await aula.api.post('/privacy/erase-inactive', { years: 3, confirm: true }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.body.queued).toBe(3)
    await drainQueue(aula.payload)
    expect((await aula.api.get('/privacy/inactive?years=3', { token: admin.token })).body.total).toBe(0)
    expect(await tracesOf([oldStudent.email, activeStudent.email, oldLeadEmail])).toEqual([])
    const erasures = await query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'erasure' AND actor_id = $1 AND person_id IN ($2, $3)`, [admin.id, oldStudent.id, activeStudent.id])
    expect(erasures[0].n).toBe(2)
  })

  it('refuses bad years, a missing confirm, and anyone but an admin', async () => {
    for (const years of ['0', '101', 'abc', '2.5']) {
      const response = await aula.api.get(`/privacy/inactive?years=${years}`, { token: admin.token })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toContain('"path":"years"')
    }
    expect((await aula.api.post('/privacy/erase-inactive', { years: 3 }, { token: admin.token })).status).toBe(400)
    expect((await aula.api.get('/privacy/inactive', { token: sales.token })).status).toBe(403)
    expect((await aula.api.post('/privacy/erase-inactive', { years: 3, confirm: true }, { token: sales.token })).status).toBe(403)
    expect((await aula.api.get('/privacy/inactive')).status).toBe(401)
  })
})
