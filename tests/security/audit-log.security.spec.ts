import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { poolDrizzle, rowsOf } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'

/**
 * The audit log is evidence: nobody may write, edit or delete an entry through any API, admins
 * included, and only admins may read it (docs/audit.md).
 */
let aula: TestAula
let admin: Awaited<ReturnType<TestAula['createUser']>>
const staff: Record<string, Awaited<ReturnType<TestAula['createUser']>>> = {}
let entryId: number

const stored = async (id: number) =>
  rowsOf<{ action: string; changes: unknown; collection_slug: string }>(await poolDrizzle(aula.payload).execute(sql`SELECT action, changes, collection_slug FROM audit_log WHERE id = ${id}`))[0]
const total = async () => Number(rowsOf<{ n: number }>(await poolDrizzle(aula.payload).execute(sql`SELECT count(*)::int AS n FROM audit_log`))[0].n)

beforeAll(async () => {
  aula = await startTestAula()
  admin = await aula.createUser(['admin'])
  for (const role of ['editor', 'sales', 'instructor', 'student'] as const) staff[role] = await aula.createUser([role])
  const coupon = await aula.api.post('/coupons', { code: 'EVIDENCIA', discountType: 'percentage', percentOff: 15, appliesTo: 'all' }, { token: admin.token })
  expect(coupon.status).toBe(201)
  entryId = Number(rowsOf<{ id: number }>(await poolDrizzle(aula.payload).execute(sql`SELECT id FROM audit_log WHERE collection_slug = 'coupons' ORDER BY id DESC LIMIT 1`))[0].id)
}, 120_000)

afterAll(async () => {
  await aula.close()
})

describe('nobody rewrites history, not even an admin', () => {
  it('an admin forging an entry over REST is refused and nothing is written', async () => {
    const before = await total()
    const forged = await aula.api.post('/audit-log', { action: 'login', actorKind: 'system', collectionSlug: 'users' }, { token: admin.token })
    expect(forged.status).toBe(403)
    expect(await total()).toBe(before)
  })

  it('an admin editing or deleting an entry over REST, one by id or many by filter, changes nothing', async () => {
    const original = await stored(entryId)
    expect((await aula.api.patch(`/audit-log/${entryId}`, { action: 'delete', changes: [] }, { token: admin.token })).status).toBe(403)
    expect((await aula.api.delete(`/audit-log/${entryId}`, { token: admin.token })).status).toBe(403)
    const bulkEdit = await aula.api.patch('/audit-log?where[id][exists]=true', { collectionSlug: 'nada' }, { token: admin.token })
    expect(bulkEdit.status).toBe(403)
    const bulkDelete = await aula.api.delete('/audit-log?where[id][exists]=true', { token: admin.token })
    expect(bulkDelete.status).toBe(403)
    expect(await stored(entryId)).toEqual(original)
  })

  it('an admin forging, editing or deleting an entry over GraphQL gets an error and changes nothing', async () => {
    const original = await stored(entryId)
    const before = await total()
    for (const mutation of [
      'mutation { createAuditLog(data: { action: login, actorKind: system, collectionSlug: "users" }) { id } }',
      `mutation { updateAuditLog(id: ${entryId}, data: { collectionSlug: "nada" }) { id } }`,
      `mutation { deleteAuditLog(id: ${entryId}) { id } }`,
    ]) {
      const response = await aula.api.graphql(mutation, {}, admin.token)
      expect(response.body.errors?.length).toBeGreaterThan(0)
    }
    expect(await stored(entryId)).toEqual(original)
    expect(await total()).toBe(before)
  })

  it('the admin offers no create, edit or delete for entries (the access Payload’s admin reads)', async () => {
    const access = await aula.api.get('/access', { token: admin.token })
    expect(access.status).toBe(200)
    const permissions = access.body.collections['audit-log']
    const allowed = (operation: string) => permissions[operation] === true || permissions[operation]?.permission === true
    expect(allowed('read')).toBe(true)
    // Payload leaves refused operations out; the admin then shows no Create button, no Delete, read-only fields.
    for (const operation of ['create', 'update', 'delete']) expect(allowed(operation)).toBe(false)
  })
})

describe('only admins read it', () => {
  it('an admin lists entries and filters them by document, person and time', async () => {
    const coupon = (await stored(entryId)).collection_slug
    expect(coupon).toBe('coupons')
    const byDocument = await aula.api.get(`/audit-log?where[collectionSlug][equals]=coupons&where[id][equals]=${entryId}&depth=0`, { token: admin.token })
    expect(byDocument.status).toBe(200)
    expect(byDocument.body.docs).toHaveLength(1)
    const byActor = await aula.api.get(`/audit-log?where[actor][equals]=${admin.id}&depth=0`, { token: admin.token })
    expect(byActor.body.docs.length).toBeGreaterThan(0)
    const byTime = await aula.api.get(`/audit-log?where[createdAt][greater_than]=2000-01-01T00:00:00.000Z&limit=1`, { token: admin.token })
    expect(byTime.body.totalDocs).toBeGreaterThan(0)
  })

  it.each(['editor', 'sales', 'instructor', 'student'])('a %s reads no entry over REST, by id, by count or over GraphQL', async (role) => {
    const { token } = staff[role]
    expect((await aula.api.get('/audit-log', { token })).status).toBe(403)
    expect((await aula.api.get(`/audit-log/${entryId}`, { token })).status).toBe(403)
    expect((await aula.api.get('/audit-log/count', { token })).status).toBe(403)
    const graphql = await aula.api.graphql('{ AuditLogs { docs { id action changes } } }', {}, token)
    expect(graphql.body.data?.AuditLogs?.docs ?? []).toEqual([])
    expect(graphql.body.errors?.length).toBeGreaterThan(0)
  })

  it('an anonymous caller reads nothing, whatever the filter', async () => {
    for (const path of ['/audit-log', `/audit-log/${entryId}`, '/audit-log?where[or][0][id][exists]=true&where[or][1][action][equals]=login', '/audit-log?where[changes][exists]=true']) {
      expect((await aula.api.get(path)).status).toBe(403)
    }
  })

  it('a staff member cannot reach entries through a filter on another collection', async () => {
    // Nothing joins or relates to audit-log, so filters elsewhere cannot read it; an unknown path is refused, not run.
    const response = await aula.api.get('/users?where[auditHistory][exists]=true', { token: staff.editor.token })
    expect(response.status).toBe(400)
  })

  it('hostile filters on the entries themselves answer 4xx or an honest list, never a 500', async () => {
    for (const query of ['where[changes][like]=%25', 'where[changes.field][equals]=roles', 'where[actor.hash][exists]=true', 'where[ip][in]=1,2,3', 'sort=-changes', 'depth=9']) {
      const response = await aula.api.get(`/audit-log?${query}`, { token: admin.token })
      expect(response.status).toBeLessThan(500)
      expect(JSON.stringify(response.body)).not.toMatch(/"(hash|salt)":/)
    }
  })

  it('privacy settings are the admins’: nobody else reads or changes the retention', async () => {
    for (const role of ['editor', 'sales', 'student'] as const) {
      expect((await aula.api.get('/globals/privacy-settings', { token: staff[role].token })).status).toBe(403)
      expect((await aula.api.post('/globals/privacy-settings', { auditRetentionYears: 1 }, { token: staff[role].token })).status).toBe(403)
    }
    expect((await aula.api.post('/globals/privacy-settings', { auditRetentionYears: 0 }, { token: admin.token })).status).toBe(400)
    const saved = await aula.api.post('/globals/privacy-settings', { auditRetentionYears: 5 }, { token: admin.token })
    expect(saved.status).toBe(200)
    expect(saved.body.result.auditRetentionYears).toBe(5)
  })
})
