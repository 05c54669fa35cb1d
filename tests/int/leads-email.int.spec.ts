import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Where } from 'payload'

import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse } from '../helpers/catalog'
import { drainQueue, drainQueueWithRetries, uniqueAddress } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { SmtpSink } from '../helpers/smtpSink'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const smtp = new SmtpSink()
const clock = new ManualClock('2030-03-04T14:00:00.000Z')
let admin: Account, salesA: Account, salesB: Account, salesIdle: Account

beforeAll(async () => {
  await smtp.start()
  aula = await startTestAula({ clock, smtpTransport: smtp.transport })
  await seedEmailTemplates(aula.payload)
  ;[admin, salesA, salesB, salesIdle] = await Promise.all(
    (['admin', 'sales', 'sales', 'sales'] as const).map((role) => aula.createUser([role], { firstName: `Nombre-${role}-${Math.random().toString(36).slice(2, 6)}` })),
  )
  await aula.payload.updateGlobal({ slug: 'crm-settings', data: { autoAssign: true, salesTeam: [salesA.id, salesB.id] }, overrideAccess: true })
})

afterAll(async () => {
  await aula.close()
  await smtp.stop()
})

/** Posts the public form; its answer names no lead (docs/security.md, "Existence leaks"), so the lead is found by email. */
const submit = async (email: string, extra: Record<string, unknown> = {}) => {
  await aula.api.post('/leads', { firstName: 'Marta', lastName: 'Flores', email, company: 'Agro Norte', ...extra })
  const { docs } = await aula.payload.find({ collection: 'leads', where: { email: { equals: email } }, depth: 0, overrideAccess: true })
  return { leadId: docs[0]?.id as number }
}
const logsFor = (where: Where) => aula.payload.find({ collection: 'email-log', where, depth: 0, pagination: false, overrideAccess: true })

describe('emails about leads', () => {
  it('thanks the person who submitted the form, once, naming what they asked about', async () => {
    const course = await createCourse(aula.payload, { title: 'Power BI para gerentes' })
    const email = uniqueAddress('interesada')
    const { leadId } = await submit(email, { interest: { relationTo: 'courses', value: course.id } })
    await submit(email, { message: 'Otra vez' })
    await drainQueue(aula.payload)
    const mails = smtp.to(email)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toContain('Marta')
    expect(String(mails[0].html)).toContain('Power BI para gerentes')
    const logs = await logsFor({ dedupeKey: { equals: `lead_received:${leadId}` } })
    expect(logs.docs[0]).toMatchObject({ status: 'sent', relatedDocument: { relationTo: 'leads', value: leadId } })
  })

  it('stores and sends nothing for a honeypot submission', async () => {
    const email = uniqueAddress('bot')
    await submit(email, { website: 'spam' })
    await drainQueue(aula.payload)
    expect(smtp.to(email)).toHaveLength(0)
  })

  it('tells the sales user a lead was assigned to them, and mails again when it is reassigned', async () => {
    const { leadId } = await submit(uniqueAddress('asignada'))
    const lead = await aula.payload.findByID({ collection: 'leads', id: leadId, depth: 0, overrideAccess: true })
    const first = lead.assignedTo as number
    const second = first === salesA.id ? salesB.id : salesA.id
    await aula.api.patch(`/leads/${leadId}`, { assignedTo: second }, { token: admin.token })
    await aula.api.patch(`/leads/${leadId}`, { assignedTo: first }, { token: admin.token })
    await aula.api.patch(`/leads/${leadId}`, { notes: 'sin cambio de asignación' }, { token: admin.token })
    await drainQueue(aula.payload)
    const logs = await logsFor({ and: [{ templateKey: { equals: 'lead_assigned' } }, { dedupeKey: { like: `lead_assigned:${leadId}:` } }] })
    const emailOf = (id: number) => (id === salesA.id ? salesA.email : salesB.email)
    expect(logs.docs.map((log) => log.to).sort()).toEqual([emailOf(first), emailOf(second), emailOf(first)].sort())
    const mail = smtp.messages.find((message) => String(message.html).includes(`/admin/collections/leads/${leadId}`))
    expect(mail?.subject).toContain('Marta Flores')
  })

  it('sends nothing when a sales user takes an unassigned lead themselves', async () => {
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Sin', lastName: 'Dueño', email: uniqueAddress('libre'), assignedTo: salesIdle.id } as never, overrideAccess: true })
    await aula.payload.update({ collection: 'leads', id: lead.id, data: { assignedTo: null }, overrideAccess: true })
    await aula.api.patch(`/leads/${lead.id}`, { assignedTo: salesB.id }, { token: salesB.token })
    const logs = await logsFor({ dedupeKey: { like: `lead_assigned:${lead.id}:${salesB.id}:` } })
    expect(logs.totalDocs).toBe(0)
  })
})

describe('the daily follow-up digest', () => {
  const isDigest = (mail: { subject?: string }) => Boolean(mail.subject?.includes('Tus seguimientos de hoy'))
  const withNextAction = async (assignedTo: number, nextActionAt: string, lastName: string, stage = 'contacted') => {
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Seguimiento', lastName, email: uniqueAddress('seg'), assignedTo, stage } as never, overrideAccess: true })
    await aula.payload.update({ collection: 'leads', id: lead.id, data: { interactions: [{ type: 'call', summary: 'Llamar', nextActionAt }] }, overrideAccess: true })
  }
  const runDigest = async () => {
    await aula.payload.jobs.queue({ task: 'sendSalesFollowupDigest', input: {} })
    await drainQueueWithRetries(aula.payload)
  }

  it('mails each sales user their leads due today or overdue, and nobody with nothing due', async () => {
    clock.set('2030-03-10T13:00:00.000Z')
    await withNextAction(salesA.id, '2030-03-10T20:00:00.000Z', 'Hoy')
    await withNextAction(salesA.id, '2030-03-08T15:00:00.000Z', 'Atrasado')
    await withNextAction(salesA.id, '2030-03-12T15:00:00.000Z', 'Futuro')
    await withNextAction(salesA.id, '2030-03-01T15:00:00.000Z', 'Cerrado', 'won')
    await withNextAction(salesB.id, '2030-03-09T15:00:00.000Z', 'DeB')
    const before = smtp.messages.length
    await runDigest()
    const digests = smtp.messages.slice(before).filter(isDigest)
    const forA = digests.filter((mail) => JSON.stringify(mail.to).includes(salesA.email))
    expect(forA).toHaveLength(1)
    expect(String(forA[0].html)).toContain('Seguimiento Hoy')
    expect(String(forA[0].html)).toContain('Seguimiento Atrasado')
    expect(String(forA[0].html)).not.toContain('Futuro')
    expect(String(forA[0].html)).not.toContain('Cerrado')
    expect(digests.filter((mail) => JSON.stringify(mail.to).includes(salesB.email))).toHaveLength(1)
    expect(smtp.to(salesIdle.email).filter(isDigest)).toHaveLength(0)
  })

  it('sends each digest once a day however often the job runs', async () => {
    const digestCount = () => smtp.messages.filter(isDigest).length
    const before = digestCount()
    await runDigest()
    expect(digestCount()).toBe(before)
    clock.set('2030-03-11T13:00:00.000Z')
    await runDigest()
    expect(smtp.to(salesA.email).filter(isDigest)).toHaveLength(2)
  })

  it('is scheduled as a daily Payload task', () => {
    const task = aula.payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'sendSalesFollowupDigest')
    expect(task?.schedule).toEqual([{ cron: '0 13 * * *', queue: 'default' }])
  })
})
