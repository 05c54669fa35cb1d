import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { loadActiveRules } from '../../src/automation/rules/activeRules'
import { poolDrizzle } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { statementsDuring } from '../helpers/countStatements'
import { ManualClock } from '../helpers/manualClock'

// Each process keeps the active email rules it last read while their version row says nothing changed
// (src/automation/rules/activeRules.ts); what a person is mailed must follow every change at once.
const clock = new ManualClock('2030-05-10T12:00:00.000Z')
let aula: TestAula
let webinarId: number
let counter = 0

beforeAll(async () => {
  aula = await startTestAula({ clock })
  // Starts in 3 days: the three stock reminders (24 h, 1 h, 15 min) are all still ahead.
  webinarId = (await createWebinar(aula.payload, { capacity: 1000, startsAt: '2030-05-13T15:00:00.000Z' })).id
})

afterAll(async () => {
  await aula.close()
})

/** Registers someone new and returns the templates of the emails queued for them, sorted. */
async function templatesMailedOnRegistration(): Promise<string[]> {
  const email = `reglas-${(counter += 1)}@example.com`
  const response = await aula.api.post(`/webinars/${webinarId}/register`, { email, firstName: 'Rosa', lastName: 'Quispe' })
  expect(response.status).toBe(201)
  const { docs } = await aula.payload.find({ collection: 'email-log', where: { to: { equals: email } }, pagination: false, overrideAccess: true, depth: 0 })
  return docs.map((doc) => String(doc.templateKey)).sort()
}

const db = () => poolDrizzle(aula.payload)
const reminderRule = async (templateKey: string) =>
  (await aula.payload.find({ collection: 'email-rules', where: { templateKey: { equals: templateKey } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]!

const ALL = ['enrollment_confirmed', 'webinar_access_15m', 'webinar_reminder_1h', 'webinar_reminder_24h']

describe('the active email rules a registration plans from', () => {
  it('are read once per process, not on every registration, while no rule changes', async () => {
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
    const statements = await statementsDuring(aula.payload, async () => expect(await templatesMailedOnRegistration()).toEqual(ALL))
    expect(statements.filter((text) => /from "email_rules"/i.test(text))).toEqual([])
    expect(statements.filter((text) => /email_rules_version/.test(text))).toHaveLength(1)
  })

  it("follow a staff member's change through Payload at once", async () => {
    const rule = await reminderRule('webinar_reminder_1h')
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: false }, overrideAccess: true })
    expect(await templatesMailedOnRegistration()).toEqual(ALL.filter((key) => key !== 'webinar_reminder_1h'))
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: true }, overrideAccess: true })
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
  })

  it('follow a change committed by another process (straight in PostgreSQL), even to a relation table', async () => {
    const rule = await reminderRule('webinar_reminder_24h')
    await db().execute(sql`UPDATE email_rules SET active = false WHERE id = ${rule.id}`)
    expect(await templatesMailedOnRegistration()).toEqual(ALL.filter((key) => key !== 'webinar_reminder_24h'))
    await db().execute(sql`UPDATE email_rules SET active = true WHERE id = ${rule.id}`)
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
    // A rule switched off for this one webinar lives in webinars_rels; scoped to other items it lives in email_rules_rels.
    await db().execute(sql`UPDATE email_rules SET scope = 'items' WHERE id = ${rule.id}`)
    expect(await templatesMailedOnRegistration()).toEqual(ALL.filter((key) => key !== 'webinar_reminder_24h'))
    await db().execute(sql`INSERT INTO email_rules_rels (parent_id, path, webinars_id, "order") VALUES (${rule.id}, 'items', ${webinarId}, 1)`)
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
    await db().execute(sql`DELETE FROM email_rules_rels WHERE parent_id = ${rule.id}`)
    await db().execute(sql`UPDATE email_rules SET scope = 'all_webinars' WHERE id = ${rule.id}`)
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
  })

  it("a transaction that changed a rule plans from its own change, and nobody keeps it after a rollback", async () => {
    const rule = await reminderRule('webinar_access_15m')
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    try {
      await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: false }, overrideAccess: true, req })
      const inside = await loadActiveRules(req)
      expect(inside.map((each) => each.templateKey)).not.toContain('webinar_access_15m')
      // Read twice inside: still its own change (never a list kept from before it).
      expect((await loadActiveRules(req)).map((each) => each.templateKey)).not.toContain('webinar_access_15m')
    } finally {
      await killTransaction(req)
    }
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
    // And a committed change made in a transaction that read the rules before and after it.
    const writer = await createLocalReq({}, aula.payload)
    await initTransaction(writer)
    await loadActiveRules(writer)
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { offsetAmount: 20 }, overrideAccess: true, req: writer })
    await loadActiveRules(writer)
    // The version row names the same transaction after both changes: the list read between them must not outlive it.
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: false }, overrideAccess: true, req: writer })
    await commitTransaction(writer)
    expect(await templatesMailedOnRegistration()).toEqual(ALL.filter((key) => key !== 'webinar_access_15m'))
    await aula.payload.update({ collection: 'email-rules', id: rule.id, data: { active: true, offsetAmount: rule.offsetAmount }, overrideAccess: true })
    expect(await templatesMailedOnRegistration()).toEqual(ALL)
  })
})
