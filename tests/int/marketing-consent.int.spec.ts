import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { suppress } from '../../src/automation/consent/suppression'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

type Account = Awaited<ReturnType<TestAula['createUser']>>

const smtp = new SmtpSink()
const clock = new ManualClock('2030-05-10T12:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const
let aula: TestAula
let admin: Account, sales: Account
let webinarId: number

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  ;[admin, sales] = await Promise.all([aula.createUser(['admin']), aula.createUser(['sales'])])
  webinarId = (await createWebinar(aula.payload, { title: 'Marketing digital', startsAt: '2030-05-20T00:00:00.000Z', timezone: 'America/Lima' })).id
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

let counter = 0
const address = (label: string) => `${label}-${(counter += 1)}-${Date.now()}@example.com`
const person = (email: string, extra: Record<string, unknown> = {}) => ({ email, firstName: 'Lucía', lastName: 'Paz', ...extra })
const userByEmail = async (email: string) =>
  (await aula.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, ...over })).docs[0]
const leadsByEmail = async (email: string) =>
  (await aula.payload.find({ collection: 'leads', where: { email: { equals: email } }, sort: 'createdAt', ...over })).docs
const registerOn = async (id: number, body: Record<string, unknown>, token?: string) => aula.api.post(`/webinars/${id}/register`, body, { token })
const freshWebinar = async () => (await createWebinar(aula.payload, { title: `Webinar ${(counter += 1)}`, startsAt: '2030-05-20T00:00:00.000Z' })).id
const leadForm = (email: string, extra: Record<string, unknown> = {}) => ({ firstName: 'Rosa', lastName: 'Huamán', email, ...extra })

async function runAllEmailJobs(payload: Payload) {
  await drainQueue(payload)
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] }, pagination: false, overrideAccess: true })
  for (const job of docs) await payload.jobs.runByID({ id: job.id, silent: true })
}

describe('the public forms record marketing consent', () => {
  it('a registration with the box ticked records consent given through the form, at the moment it was given', async () => {
    const email = address('ticked')
    const response = await registerOn(webinarId, person(email, { marketingConsent: true }))
    expect(response.status).toBe(201)
    expect((await userByEmail(email)).marketingConsent).toMatchObject({ granted: true, method: 'form', at: clock.now().toISOString(), withdrawnAt: null })
  })

  it('a registration that says nothing about consent leaves it off for a new person and unchanged for a known one', async () => {
    const email = address('silent')
    await registerOn(webinarId, person(email))
    expect((await userByEmail(email)).marketingConsent).toMatchObject({ granted: false, at: null, withdrawnAt: null })

    const known = address('known')
    await registerOn(await freshWebinar(), person(known, { marketingConsent: true }))
    await registerOn(await freshWebinar(), person(known))
    expect((await userByEmail(known)).marketingConsent).toMatchObject({ granted: true, method: 'form' })
  })

  it('an unticked box on a later registration withdraws consent and stamps when', async () => {
    const email = address('changed-mind')
    await registerOn(await freshWebinar(), person(email, { marketingConsent: true }))
    const givenAt = clock.now().toISOString()
    clock.advance(60_000)
    await registerOn(await freshWebinar(), person(email, { marketingConsent: false }))
    expect((await userByEmail(email)).marketingConsent).toMatchObject({ granted: false, at: givenAt, method: 'form', withdrawnAt: clock.now().toISOString() })
  })

  it('a consent flag that is not true or false is a 400 naming marketingConsent, and registers nobody', async () => {
    const email = address('bad-flag')
    const response = await registerOn(webinarId, person(email, { marketingConsent: 'yes' }))
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['marketingConsent'])
    expect(await userByEmail(email)).toBeUndefined()
  })

  it('the GraphQL registration takes the same flag', async () => {
    const email = address('graphql')
    const response = await aula.api.graphql(
      `mutation ($id: Int!, $person: RegistrationPerson) { registerForWebinar(id: $id, person: $person, marketingConsent: true) { id status } }`,
      { id: webinarId, person: person(email) },
    )
    expect(response.body.errors).toBeUndefined()
    expect((await userByEmail(email)).marketingConsent).toMatchObject({ granted: true, method: 'form' })
  })

  it('a logged-in person enrolling themselves can give consent with the flag alone', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.post(`/webinars/${await freshWebinar()}/register`, { marketingConsent: true }, { token: student.token })
    expect(response.status).toBe(201)
    expect((await userByEmail(student.email)).marketingConsent).toMatchObject({ granted: true, method: 'form' })
  })

  it('a group booking records the buyer’s consent, and none for the attendees they named', async () => {
    const buyer = address('buyer')
    const attendees = [address('attendee'), address('attendee')]
    const response = await registerOn(await freshWebinar(), {
      buyer: { email: buyer, firstName: 'Carla', lastName: 'Vega', company: 'Andina SAC', taxId: '20123456789' },
      attendees: attendees.map((email) => person(email)),
      marketingConsent: true,
    })
    expect(response.status).toBe(201)
    expect((await userByEmail(buyer)).marketingConsent).toMatchObject({ granted: true, method: 'form' })
    for (const email of attendees) expect((await userByEmail(email)).marketingConsent?.granted).toBe(false)
  })

  it('the lead form records consent on the new lead and answers the usual thank-you', async () => {
    const email = address('lead')
    const response = await aula.api.post('/leads', leadForm(email, { marketingConsent: true }))
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ message: 'Thank you: we received your request and will be in touch soon.' })
    const [lead] = await leadsByEmail(email)
    expect(lead.marketingConsent).toMatchObject({ granted: true, method: 'form', at: clock.now().toISOString() })
  })

  it('the lead form sent again with the box unticked withdraws consent on the open lead', async () => {
    const email = address('lead-again')
    await aula.api.post('/leads', leadForm(email, { marketingConsent: true }))
    await aula.api.post('/leads', leadForm(email, { marketingConsent: false }))
    const leads = await leadsByEmail(email)
    expect(leads).toHaveLength(1)
    expect(leads[0].marketingConsent).toMatchObject({ granted: false, withdrawnAt: clock.now().toISOString() })
  })

  it('the lead form refuses a consent flag that is not a boolean with a 400 naming it', async () => {
    const response = await aula.api.post('/leads', leadForm(address('lead-bad'), { marketingConsent: 1 }))
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['marketingConsent'])
  })
})

describe('who records consent, and how it is stamped', () => {
  it('a person changes their own consent; the server stamps method and dates whatever the client sends', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.patch(
      `/users/${student.id}`,
      { marketingConsent: { granted: true, method: 'import', at: '2020-01-01T00:00:00.000Z', withdrawnAt: '2020-02-01T00:00:00.000Z' } },
      { token: student.token },
    )
    expect(response.status).toBe(200)
    expect((await userByEmail(student.email)).marketingConsent).toMatchObject({ granted: true, method: 'form', at: clock.now().toISOString(), withdrawnAt: null })
  })

  it('an admin ticking the box for someone records it as given to staff', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.patch(`/users/${student.id}`, { marketingConsent: { granted: true } }, { token: admin.token })
    expect(response.status).toBe(200)
    expect((await userByEmail(student.email)).marketingConsent).toMatchObject({ granted: true, method: 'staff' })
  })

  it('staff record a lead’s consent as staff, and saving the lead again does not move the date', async () => {
    const created = await aula.api.post('/leads', { firstName: 'Ana', lastName: 'Ríos', email: address('sales-lead'), marketingConsent: { granted: true } }, { token: sales.token })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const givenAt = clock.now().toISOString()
    clock.advance(60_000)
    const saved = await aula.api.patch(`/leads/${id}`, { notes: 'Llamar el lunes', marketingConsent: { granted: true } }, { token: admin.token })
    expect(saved.status).toBe(200)
    const lead = await aula.payload.findByID({ collection: 'leads', id, ...over })
    expect(lead.marketingConsent).toMatchObject({ granted: true, method: 'staff', at: givenAt })
  })

  it('taking consent back on one record takes it back on every user and lead with that address', async () => {
    const student = await aula.createUser(['student'])
    await aula.api.patch(`/users/${student.id}`, { marketingConsent: { granted: true } }, { token: student.token })
    await aula.api.post('/leads', leadForm(student.email, { marketingConsent: true }))
    clock.advance(60_000)
    await aula.api.patch(`/users/${student.id}`, { marketingConsent: { granted: false } }, { token: student.token })
    const [lead] = await leadsByEmail(student.email)
    expect(lead.marketingConsent).toMatchObject({ granted: false, withdrawnAt: clock.now().toISOString() })
  })
})

describe('transactional mail is never blocked by consent or suppression', () => {
  it('a suppressed person without consent still gets their confirmation and their reminders', async () => {
    const email = address('suppressed')
    await suppress(await createLocalReq({}, aula.payload), email, 'staff')
    const id = await freshWebinar()
    const response = await registerOn(id, person(email, { marketingConsent: false }))
    expect(response.status).toBe(201)
    try {
      // A day before, then an hour before the start (the webinar starts 2030-05-20 00:00 UTC).
      clock.set('2030-05-19T00:05:00.000Z')
      await runAllEmailJobs(aula.payload)
      clock.set('2030-05-19T23:05:00.000Z')
      await runAllEmailJobs(aula.payload)
    } finally {
      clock.set('2030-05-10T12:00:00.000Z')
    }
    const rows = await aula.payload.find({ collection: 'email-log', where: { to: { equals: email } }, pagination: false, ...over })
    const sent = rows.docs.filter((row) => row.status === 'sent').map((row) => row.templateKey)
    expect(sent).toEqual(expect.arrayContaining(['enrollment_confirmed', 'webinar_reminder_24h', 'webinar_reminder_1h']))
    expect(smtp.to(email).length).toBe(sent.length)
  })
})

describe('the suppression list in the admin', () => {
  it('sales add an address by hand: stored lower-case, reason staff, who added it, whatever the client claims', async () => {
    const email = address('Manual').toUpperCase()
    const response = await aula.api.post('/email-suppressions', { email, reason: 'unsubscribed', note: 'Pidió por teléfono no recibir promociones' }, { token: sales.token })
    expect(response.status).toBe(201)
    expect(response.body.doc).toMatchObject({ email: email.toLowerCase(), reason: 'staff', addedBy: sales.id })
  })

  it('the same address twice is a 400 naming email', async () => {
    const email = address('twice')
    await aula.api.post('/email-suppressions', { email }, { token: sales.token })
    const second = await aula.api.post('/email-suppressions', { email: email.toUpperCase() }, { token: sales.token })
    expect(second.status).toBe(400)
    expect(errorPaths(second.body)).toEqual(['email'])
  })

  it('a row cannot be edited, only taken off (deleted) by staff', async () => {
    const created = await aula.api.post('/email-suppressions', { email: address('undo') }, { token: sales.token })
    const id = created.body.doc.id as number
    const edited = await aula.api.patch(`/email-suppressions/${id}`, { email: address('other') }, { token: admin.token })
    expect(edited.status).toBe(403)
    const removed = await aula.api.delete(`/email-suppressions/${id}`, { token: sales.token })
    expect(removed.status).toBe(200)
    expect(await aula.payload.count({ collection: 'email-suppressions', where: { id: { equals: id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })
})
