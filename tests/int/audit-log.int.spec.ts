import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { recordAudit } from '../../src/audit/record'
import { submitFeedback } from '../../src/feedback/submit'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  aula = await startTestAula({ clock })
})

afterAll(async () => {
  await aula.close()
})

interface Entry {
  id: number
  action: string
  actor_kind: string
  actor_id: number | null
  actor_label: string | null
  collection_slug: string
  document_id: string | null
  person_id: number | null
  changes: { field: string; from: unknown; to: unknown }[] | null
  ip: string | null
  user_agent: string | null
  created_at: Date
}

/** Entries straight from the table: what is stored, whatever the API shows. */
const entries = async (where: { collection?: string; documentId?: number | string; action?: string } = {}) =>
  rowsOf<Entry>(
    await poolDrizzle(aula.payload).execute(sql`
      SELECT * FROM audit_log
       WHERE (${where.collection ?? null}::text IS NULL OR collection_slug = ${where.collection ?? null})
         AND (${where.documentId === undefined ? null : String(where.documentId)}::text IS NULL OR document_id = ${where.documentId === undefined ? null : String(where.documentId)})
         AND (${where.action ?? null}::text IS NULL OR action = ${where.action ?? null})
       ORDER BY id`),
  )
const change = (entry: Entry | undefined, field: string) => entry?.changes?.find((candidate) => candidate.field === field)

const fromBrowser = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Mozilla/5.0 (Prueba de auditoría)' }

describe('every kind of change leaves an entry with who, what and the fields that changed', () => {
  it('an admin creating, repricing and deleting a coupon is logged three times with the old and new values, their address and browser', async () => {
    const admin = await aula.createUser(['admin'])
    const created = await aula.api.post('/coupons', { code: 'AUDITA10', discountType: 'percentage', percentOff: 10, appliesTo: 'all' }, { token: admin.token, headers: fromBrowser })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await aula.api.patch(`/coupons/${id}`, { percentOff: 25 }, { token: admin.token, headers: fromBrowser })).status).toBe(200)
    expect((await aula.api.delete(`/coupons/${id}`, { token: admin.token, headers: fromBrowser })).status).toBe(200)

    const [create, update, remove] = await entries({ collection: 'coupons', documentId: id })
    expect(create).toMatchObject({ action: 'create', actor_kind: 'user', actor_id: admin.id, ip: '203.0.113.7', user_agent: 'Mozilla/5.0 (Prueba de auditoría)' })
    expect(change(create, 'code')).toEqual({ field: 'code', from: null, to: 'AUDITA10' })
    expect(update).toMatchObject({ action: 'update', actor_id: admin.id })
    expect(update.changes).toEqual([{ field: 'percentOff', from: 10, to: 25 }])
    expect(remove).toMatchObject({ action: 'delete', actor_id: admin.id })
    expect(change(remove, 'percentOff')).toEqual({ field: 'percentOff', from: 25, to: null })
    // "When" is the app clock's.
    expect(new Date(update.created_at).toISOString()).toBe(clock.now().toISOString())
  })

  it('renaming a lead’s company logs that one field, not the search column computed from it', async () => {
    const admin = await aula.createUser(['admin'])
    const created = await aula.api.post('/leads', { firstName: 'Rosa', lastName: 'Auditada', email: 'rosa.auditada@example.com', company: 'Antes SAC' }, { token: admin.token })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await aula.api.patch(`/leads/${id}`, { company: 'Después SAC' }, { token: admin.token })).status).toBe(200)
    const update = (await entries({ collection: 'leads', documentId: id, action: 'update' })).at(-1)
    expect(update?.changes).toEqual([{ field: 'company', from: 'Antes SAC', to: 'Después SAC' }])
  })

  it('an anonymous registration logs the new account and the enrollment as anonymous, about that person', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 5 })
    const email = `auditada-${Date.now()}@example.com`
    const response = await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Rosa', lastName: 'Quispe' }, { headers: fromBrowser })
    expect(response.status).toBe(201)
    const { docs: [user] } = await aula.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
    const [enrollment] = await entries({ collection: 'enrollments', documentId: response.body.doc.id })
    expect(enrollment).toMatchObject({ action: 'create', actor_kind: 'anonymous', actor_id: null, person_id: user.id, ip: '203.0.113.7' })
    expect(change(enrollment, 'status')?.to).toBe('confirmed')
    const [account] = await entries({ collection: 'users', documentId: user.id, action: 'create' })
    expect(account).toMatchObject({ actor_kind: 'anonymous', person_id: user.id })
  })

  it('a change made through the Local API with nobody logged in is the system’s', async () => {
    const webinar = await createWebinar(aula.payload, { capacity: 10 })
    await aula.payload.update({ collection: 'webinars', id: webinar.id, data: { capacity: 77 }, overrideAccess: true })
    const [update] = await entries({ collection: 'webinars', documentId: webinar.id, action: 'update' })
    expect(update).toMatchObject({ actor_kind: 'system', actor_id: null, ip: null })
    expect(change(update, 'capacity')).toEqual({ field: 'capacity', from: 10, to: 77 })
  })

  it('a change made by a background job is the worker’s, named by its task', async () => {
    // A course whose first session has passed and whose second has not (by the app clock): the moveCourseStatuses job starts it.
    const course = await createCourse(aula.payload, {
      startDate: '2030-01-08T12:00:00.000Z',
      endDate: '2030-02-28T12:00:00.000Z',
      modules: [{ title: 'Inicio', hours: 2, startDate: '2030-01-08T12:00:00.000Z', endDate: '2030-01-20T12:00:00.000Z', sessions: [{ date: '2030-01-09T15:00:00.000Z', name: 'Sesión 1', durationHours: 2 }, { date: '2030-01-16T15:00:00.000Z', name: 'Sesión 2', durationHours: 2 }] }],
    })
    const job = await aula.payload.jobs.queue({ task: 'moveCourseStatuses' as never, input: {} as never })
    await aula.payload.jobs.runByID({ id: (job as { id: number }).id, silent: true })
    const update = (await entries({ collection: 'courses', documentId: course.id, action: 'update' })).at(-1)
    expect(update).toMatchObject({ actor_kind: 'worker', actor_label: 'worker:moveCourseStatuses', actor_id: null })
    expect(change(update, 'status')).toEqual({ field: 'status', from: 'published', to: 'in_progress' })
  })

  it('changing a settings global logs the fields that changed, with no document id', async () => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.post('/globals/business-settings', { timezone: 'Europe/Madrid' }, { token: admin.token })
    expect(response.status).toBe(200)
    const update = (await entries({ collection: 'business-settings' })).at(-1)
    expect(update).toMatchObject({ action: 'update', actor_id: admin.id, document_id: null })
    expect(change(update, 'timezone')).toMatchObject({ to: 'Europe/Madrid' })
  })

  it('deleting a person keeps an entry naming the deleted account by id, even when an admin deletes themself', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'], { company: 'Borrada SAC' })
    expect((await aula.api.delete(`/users/${student.id}`, { token: admin.token })).status).toBe(200)
    const [removed] = await entries({ collection: 'users', documentId: student.id, action: 'delete' })
    expect(removed).toMatchObject({ actor_id: admin.id, person_id: null })
    expect(change(removed, 'company')).toEqual({ field: 'company', from: 'Borrada SAC', to: null })
    expect((await aula.api.delete(`/users/${admin.id}`, { token: admin.token })).status).toBe(200)
    const [own] = await entries({ collection: 'users', documentId: admin.id, action: 'delete' })
    expect(own).toMatchObject({ actor_kind: 'user', actor_id: null, actor_label: `user:${admin.id}` })
  })

  it('a role granted to a user gets a role_change entry besides the update’s diff', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'])
    expect((await aula.api.patch(`/users/${student.id}`, { roles: ['student', 'sales'] }, { token: admin.token })).status).toBe(200)
    const [roleChange] = await entries({ collection: 'users', documentId: student.id, action: 'role_change' })
    expect(roleChange).toMatchObject({ actor_id: admin.id, person_id: student.id, changes: [{ field: 'roles', from: ['student'], to: ['sales', 'student'] }] })
    const update = (await entries({ collection: 'users', documentId: student.id, action: 'update' })).at(-1)
    expect(change(update, 'roles')).toMatchObject({ from: ['student'], to: ['student', 'sales'] })
  })
})

describe('the entry lives and dies with the change', () => {
  it('a change whose transaction rolls back leaves no entry', async () => {
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    const coupon = await aula.payload.create({ collection: 'coupons', data: { code: 'VUELTAATRAS', discountType: 'percentage', percentOff: 5, appliesTo: 'all' } as never, overrideAccess: true, req })
    // Inside the transaction the entry is there…
    const inside = rowsOf<{ n: number }>(await (aula.payload.db as any).sessions[await req.transactionID!].db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE collection_slug = 'coupons' AND document_id = ${String(coupon.id)}`))
    expect(inside[0].n).toBe(1)
    await killTransaction(req)
    // …and goes with the rollback.
    expect(await entries({ collection: 'coupons', documentId: coupon.id })).toEqual([])
  })

  it('an update that fails validation writes neither the change nor an entry', async () => {
    const admin = await aula.createUser(['admin'])
    const webinar = await createWebinar(aula.payload)
    const before = (await entries({ collection: 'webinars', documentId: webinar.id })).length
    const refused = await aula.api.patch(`/webinars/${webinar.id}`, { capacity: -3 }, { token: admin.token })
    expect(refused.status).toBe(400)
    expect((await entries({ collection: 'webinars', documentId: webinar.id })).length).toBe(before)
  })
})

describe('writes made below Payload’s hooks are logged by their writers', () => {
  it('feedback sent through the signed page is logged on the enrollment, about its participant', async () => {
    const webinar = await createWebinar(aula.payload)
    const student = await aula.createUser(['student'])
    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: student.token })
    expect(registered.status).toBe(201)
    const enrollmentId = registered.body.doc.id as number
    const now = clock.now()
    // After the webinar (it starts on 2030-05-20 at 00:00 UTC and lasts an hour): feedback is open.
    clock.set('2030-05-20T03:00:00.000Z')
    try {
      await expect(submitFeedback(aula.payload, { enrollmentId, rating: 5, comment: 'Muy claro' })).resolves.toMatchObject({ outcome: 'saved' })
    } finally {
      clock.set(now)
    }
    const update = (await entries({ collection: 'enrollments', documentId: enrollmentId, action: 'update' })).at(-1)
    expect(update).toMatchObject({ actor_kind: 'system', person_id: student.id })
    expect(change(update, 'feedbackRating')).toEqual({ field: 'feedbackRating', from: null, to: 5 })
    expect(change(update, 'feedbackComment')).toEqual({ field: 'feedbackComment', from: null, to: 'Muy claro' })
  })

  it('cancelling a scheduled campaign logs its status change, from what it was, as the admin who did it', async () => {
    const admin = await aula.createUser(['admin'])
    const campaign = await aula.payload.create({ collection: 'campaigns', data: { name: 'Campaña auditada', subjectEs: 'Novedades', segment: { kind: 'leads' } } as never, overrideAccess: true })
    // Scheduled as src/automation/campaigns/schedule.ts leaves it (its checks need people who consented).
    await poolDrizzle(aula.payload).execute(sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${campaign.id}`)
    const cancelled = await aula.api.post(`/campaigns/${campaign.id}/cancel`, {}, { token: admin.token })
    expect(cancelled.status).toBe(200)
    const update = (await entries({ collection: 'campaigns', documentId: campaign.id, action: 'update' })).at(-1)
    expect(update).toMatchObject({ actor_id: admin.id, changes: [{ field: 'status', from: 'scheduled', to: 'cancelled' }] })
  })
})

describe('secrets never reach the log', () => {
  it('a password change by an admin stores no password, hash, salt or token, and an update that only touched those stores nothing', async () => {
    const admin = await aula.createUser(['admin'])
    const student = await aula.createUser(['student'])
    const before = (await entries({ collection: 'users', documentId: student.id })).length
    expect((await aula.api.patch(`/users/${student.id}`, { password: 'una contraseña nueva muy secreta' }, { token: admin.token })).status).toBe(200)
    expect((await entries({ collection: 'users', documentId: student.id })).length).toBe(before)
    expect((await aula.api.patch(`/users/${student.id}`, { password: 'otra contraseña secreta', phone: '+51 999 111 222' }, { token: admin.token })).status).toBe(200)
    const update = (await entries({ collection: 'users', documentId: student.id, action: 'update' })).at(-1)!
    expect(update.changes?.map((item) => item.field)).toEqual(['phone'])
    const { rows } = await poolDrizzle(aula.payload).execute(sql`SELECT hash, salt FROM users WHERE id = ${student.id}`)
    const everything = JSON.stringify(await entries())
    expect(everything).not.toContain('otra contraseña secreta')
    expect(everything).not.toContain(String(rows[0].hash))
    expect(everything).not.toContain(String(rows[0].salt))
    expect(everything).not.toMatch(/"field":"[^"]*(password|hash|salt|token|loginAttempts|lockUntil|updatedAt)/i)
  })

  it('recordAudit drops secret fields whoever calls it', async () => {
    const req = await createLocalReq({}, aula.payload)
    await recordAudit(req, { action: 'update', collectionSlug: 'billing-settings', changes: [{ field: 'stripe.apiKey', from: 'sk_old', to: 'sk_new' }, { field: 'legalName', from: 'A', to: 'B' }] })
    const last = (await entries({ collection: 'billing-settings' })).at(-1)
    expect(last?.changes).toEqual([{ field: 'legalName', from: 'A', to: 'B' }])
  })
})

describe('logins, failures, lockouts and password resets', () => {
  it('a login is logged as that user, with their address', async () => {
    const student = await aula.createUser(['student'])
    const response = await aula.api.post('/users/login', { email: student.email, password: student.password }, { headers: fromBrowser })
    expect(response.status).toBe(200)
    const login = (await entries({ collection: 'users', documentId: student.id, action: 'login' })).at(-1)
    expect(login).toMatchObject({ actor_kind: 'user', actor_id: student.id, person_id: student.id, ip: '203.0.113.7' })
  })

  it('five wrong passwords are five failed logins about the account, and the fifth locks it', async () => {
    const student = await aula.createUser(['student'])
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await aula.api.post('/users/login', { email: student.email, password: 'wrong wrong' }, { headers: fromBrowser })).status).toBe(401)
    }
    const failed = await entries({ collection: 'users', documentId: student.id, action: 'login_failed' })
    expect(failed).toHaveLength(5)
    expect(failed[0]).toMatchObject({ actor_kind: 'anonymous', actor_label: student.email, person_id: student.id, ip: '203.0.113.7' })
    expect(await entries({ collection: 'users', documentId: student.id, action: 'lockout' })).toHaveLength(1)
    // A sixth try on the locked account is one more failure, not a second lockout.
    expect((await aula.api.post('/users/login', { email: student.email, password: student.password })).status).toBe(401)
    expect(await entries({ collection: 'users', documentId: student.id, action: 'login_failed' })).toHaveLength(6)
    expect(await entries({ collection: 'users', documentId: student.id, action: 'lockout' })).toHaveLength(1)
  })

  it('a failed login for an email nobody owns is logged without what was typed, over REST and GraphQL', async () => {
    const before = (await entries({ action: 'login_failed' })).length
    const typed = `nadie-${Date.now()}@example.com`
    expect((await aula.api.post('/users/login', { email: typed, password: 'whatever' })).status).toBe(401)
    const graphql = await aula.api.graphql(`mutation { loginUser(email: "${typed}", password: "whatever") { token } }`)
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
    const failures = (await entries({ action: 'login_failed' })).slice(before)
    expect(failures).toHaveLength(2)
    for (const failure of failures) expect(failure).toMatchObject({ actor_kind: 'anonymous', actor_label: null, person_id: null, document_id: null })
    expect(JSON.stringify(await entries())).not.toContain(typed)
  })

  it('a reset request and the reset itself are logged about the account, never with the token', async () => {
    const student = await aula.createUser(['student'])
    expect((await aula.api.post('/users/forgot-password', { email: student.email }, { headers: fromBrowser })).status).toBe(200)
    // The request runs in the background (src/accounts/passwordReset.ts): wait for its entry.
    let requested: Entry | undefined
    for (let tries = 0; tries < 50 && !requested; tries += 1) {
      requested = (await entries({ collection: 'users', documentId: student.id, action: 'password_reset_requested' }))[0]
      if (!requested) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(requested).toMatchObject({ actor_kind: 'anonymous', person_id: student.id, ip: '203.0.113.7' })
    const { rows } = await poolDrizzle(aula.payload).execute(sql`SELECT reset_password_token FROM users WHERE id = ${student.id}`)
    const token = String(rows[0].reset_password_token)
    expect((await aula.api.post('/users/reset-password', { token, password: 'una clave recién puesta' })).status).toBe(200)
    expect(await entries({ collection: 'users', documentId: student.id, action: 'password_reset' })).toHaveLength(1)
    expect(JSON.stringify(await entries())).not.toContain(token)
  })
})

describe('retention', () => {
  it('the daily job deletes entries older than the years set in privacy settings, by the app clock, and keeps the rest', async () => {
    await aula.payload.updateGlobal({ slug: 'privacy-settings', data: { auditRetentionYears: 1 }, overrideAccess: true })
    const db = poolDrizzle(aula.payload)
    const old = new Date('2028-12-01T00:00:00.000Z')
    const recent = new Date('2029-02-01T00:00:00.000Z')
    await db.execute(sql`
      INSERT INTO audit_log (action, actor_kind, collection_slug, document_id, created_at, updated_at)
      VALUES ('update', 'system', 'retention-test', 'old', ${old}, ${old}), ('update', 'system', 'retention-test', 'recent', ${recent}, ${recent})`)
    const job = await aula.payload.jobs.queue({ task: 'deleteExpiredAuditEntries' as never, input: {} as never })
    await aula.payload.jobs.runByID({ id: (job as { id: number }).id, silent: true })
    const left = (await entries({ collection: 'retention-test' })).map((entry) => entry.document_id)
    expect(left).toEqual(['recent'])
    await aula.payload.updateGlobal({ slug: 'privacy-settings', data: { auditRetentionYears: 2 }, overrideAccess: true })
  })
})
