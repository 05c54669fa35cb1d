import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { DEFAULT_ROLES_FOR_KIND } from '../../src/notifications/kinds'
import { notify, type NotifyInput } from '../../src/notifications/notify'
import { startTestAula, type TestAula } from '../helpers/aula'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account, sales: Account, salesEnglish: Account, editor: Account, student: Account, otherStudent: Account

beforeAll(async () => {
  aula = await startTestAula()
  admin = await aula.createUser(['admin'])
  sales = await aula.createUser(['sales'])
  salesEnglish = await aula.createUser(['sales'], { language: 'en' })
  editor = await aula.createUser(['editor'])
  student = await aula.createUser(['student'])
  otherStudent = await aula.createUser(['student'])
})

afterAll(async () => {
  await aula.close()
})

let counter = 0
const texts = (tag: string) => ({ title: { es: `Título ${tag}`, en: `Title ${tag}` }, body: { es: `Texto ${tag}`, en: `Body ${tag}` } })
/** notify() as a hook would call it: inside a transaction that commits. */
async function notifyNow(input: Omit<NotifyInput, 'title' | 'body'> & Partial<Pick<NotifyInput, 'title' | 'body'>>) {
  counter += 1
  const req = await createLocalReq({}, aula.payload)
  await initTransaction(req)
  const created = await notify(req, { ...texts(`n${counter}`), ...input })
  await commitTransaction(req)
  return created
}
const notificationsOf = async (userId: number) =>
  (await aula.payload.find({ collection: 'notifications', where: { recipient: { equals: userId } }, sort: '-id', depth: 0, limit: 100, overrideAccess: true })).docs
const latestOf = async (userId: number) => (await notificationsOf(userId))[0]

describe('notify()', () => {
  it('reaches only the users named, when their role receives the kind', async () => {
    const created = await notifyNow({ kind: 'lead_assigned', to: [sales.id], title: { es: 'Le asignaron un lead', en: 'A lead was assigned to you' } })
    expect(created).toBe(1)
    expect((await latestOf(sales.id)).title).toBe('Le asignaron un lead')
    expect((await notificationsOf(salesEnglish.id)).some((doc) => doc.title === 'Le asignaron un lead')).toBe(false)
  })

  it('writes each person’s title and body in their own language', async () => {
    await notifyNow({ kind: 'corporate_lead', to: 'byRole', title: { es: 'Nuevo lead corporativo', en: 'New corporate lead' }, body: { es: 'Empresa ACME', en: 'ACME company' } })
    expect(await latestOf(sales.id)).toMatchObject({ title: 'Nuevo lead corporativo', body: 'Empresa ACME', kind: 'corporate_lead' })
    expect(await latestOf(salesEnglish.id)).toMatchObject({ title: 'New corporate lead', body: 'ACME company' })
  })

  it('sends a "byRole" kind to everyone with a receiving role and to no one else', async () => {
    const before = await Promise.all([admin, sales, editor, student].map(async (user) => (await notificationsOf(user.id)).length))
    await notifyNow({ kind: 'item_nearly_full', to: 'byRole', document: { collection: 'webinars', id: 12 }, link: '/admin/collections/webinars/12' })
    const after = await Promise.all([admin, sales, editor, student].map(async (user) => (await notificationsOf(user.id)).length))
    expect(after.map((count, n) => count - before[n])).toEqual([0, 0, 1, 0])
    expect(await latestOf(editor.id)).toMatchObject({ documentCollection: 'webinars', documentId: '12', link: '/admin/collections/webinars/12' })
  })

  it('skips a named user whose role does not receive the kind (a student is not told about a failed payment)', async () => {
    expect(await notifyNow({ kind: 'payment_failed', to: [student.id, admin.id] })).toBe(1)
    expect((await latestOf(admin.id)).kind).toBe('payment_failed')
    expect((await notificationsOf(student.id)).some((doc) => doc.kind === 'payment_failed')).toBe(false)
  })

  it('follows the roles an admin sets per kind in the notification settings', async () => {
    await aula.payload.updateGlobal({ slug: 'notification-settings', data: { emails_failing: ['admin', 'editor'] }, overrideAccess: true })
    try {
      expect(await notifyNow({ kind: 'emails_failing', to: [editor.id, sales.id] })).toBe(1)
      expect((await latestOf(editor.id)).kind).toBe('emails_failing')
      // Kinds the admin left alone keep their defaults.
      expect(await notifyNow({ kind: 'refund_requested', to: [sales.id] })).toBe(1)
    } finally {
      await aula.payload.updateGlobal({ slug: 'notification-settings', data: { emails_failing: DEFAULT_ROLES_FOR_KIND.emails_failing }, overrideAccess: true })
    }
  })

  it('sends nothing for a kind no role receives', async () => {
    await aula.payload.updateGlobal({ slug: 'notification-settings', data: { waitlist_forming: [] }, overrideAccess: true })
    try {
      expect(await notifyNow({ kind: 'waitlist_forming', to: 'byRole' })).toBe(0)
    } finally {
      await aula.payload.updateGlobal({ slug: 'notification-settings', data: { waitlist_forming: DEFAULT_ROLES_FOR_KIND.waitlist_forming }, overrideAccess: true })
    }
  })

  it('leaves out a user who muted the kind, and only that kind', async () => {
    const response = await aula.api.patch(`/users/${sales.id}`, { mutedNotifications: ['corporate_lead'] }, { token: sales.token })
    expect(response.status).toBe(200)
    const before = (await notificationsOf(sales.id)).length
    await notifyNow({ kind: 'corporate_lead', to: 'byRole' })
    expect((await notificationsOf(sales.id)).length).toBe(before)
    expect(await notifyNow({ kind: 'lead_assigned', to: [sales.id] })).toBe(1)
    await aula.api.patch(`/users/${sales.id}`, { mutedNotifications: [] }, { token: sales.token })
  })

  it('does not let another staff member change someone else’s mutes', async () => {
    const response = await aula.api.patch(`/users/${student.id}`, { mutedNotifications: ['certificate_issued'] }, { token: sales.token })
    const stored = await aula.payload.findByID({ collection: 'users', id: student.id, depth: 0, overrideAccess: true })
    expect(stored.mutedNotifications ?? []).toEqual([])
    expect(response.status).not.toBe(500)
  })

  it('notifies each person once per dedupe key, however often the event repeats', async () => {
    const key = `item_nearly_full:webinars:${Date.now()}`
    expect(await notifyNow({ kind: 'waitlist_forming', to: 'byRole', dedupeKey: key })).toBe(1)
    expect(await notifyNow({ kind: 'waitlist_forming', to: 'byRole', dedupeKey: key })).toBe(0)
    const second = await aula.createUser(['editor'])
    // A newcomer has not had it yet: the key is per recipient.
    expect(await notifyNow({ kind: 'waitlist_forming', to: 'byRole', dedupeKey: key })).toBe(1)
    expect((await notificationsOf(second.id)).length).toBe(1)
  })

  it('keeps the caller’s transaction usable after a repeated key', async () => {
    const key = `repeat-${Date.now()}`
    await notifyNow({ kind: 'certificate_issued', to: [student.id], dedupeKey: key })
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    expect(await notify(req, { kind: 'certificate_issued', to: [student.id], dedupeKey: key, ...texts('again') })).toBe(0)
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Tras', lastName: 'Duplicado', email: `dup-${Date.now()}@x.pe` } as never, req, overrideAccess: true })
    await commitTransaction(req)
    expect(lead.id).toBeTruthy()
  })

  it('leaves no notification behind when the change’s transaction rolls back', async () => {
    const before = (await notificationsOf(student.id)).length
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    expect(await notify(req, { kind: 'schedule_changed', to: [student.id], ...texts('rollback') })).toBe(1)
    await killTransaction(req)
    expect((await notificationsOf(student.id)).length).toBe(before)
  })

  it('keeps a link only when it is an admin path or an http(s) URL (the bell renders it as an href)', async () => {
    for (const link of ['javascript:alert(1)', '//evil.example/x', 'data:text/html,x']) {
      await notifyNow({ kind: 'certificate_issued', to: [student.id], link })
      expect((await latestOf(student.id)).link ?? null).toBeNull()
    }
    await notifyNow({ kind: 'certificate_issued', to: [student.id], link: 'https://aula.example/certificados/7' })
    expect((await latestOf(student.id)).link).toBe('https://aula.example/certificados/7')
  })

  it('quietly skips users who no longer exist', async () => {
    expect(await notifyNow({ kind: 'waitlist_promoted', to: [999_999, 9_999_999_999, student.id] })).toBe(1)
    // Relationship values as they come: a numeric string or a populated document mean the same person.
    expect(await notifyNow({ kind: 'waitlist_promoted', to: [String(otherStudent.id), { id: student.id }] as never })).toBe(2)
    expect(await notifyNow({ kind: 'waitlist_promoted', to: [] })).toBe(0)
  })
})

describe('reading and marking over REST', () => {
  let own: number, someoneElses: number

  beforeAll(async () => {
    await notifyNow({ kind: 'certificate_issued', to: [student.id], ...texts('mío') })
    await notifyNow({ kind: 'certificate_issued', to: [otherStudent.id], ...texts('ajeno') })
    own = Number((await latestOf(student.id)).id)
    someoneElses = Number((await latestOf(otherStudent.id)).id)
  })

  it('lists only the caller’s own notifications, even for an admin', async () => {
    const mine = await aula.api.get('/notifications?limit=100&depth=0', { token: student.token })
    expect(mine.status).toBe(200)
    expect(mine.body.docs.every((doc: { recipient: number }) => doc.recipient === student.id)).toBe(true)
    expect(mine.body.docs.map((doc: { id: number }) => doc.id)).toContain(own)
    const adminList = await aula.api.get('/notifications?limit=100&depth=0', { token: admin.token })
    expect(adminList.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(someoneElses)
    expect((await aula.api.get(`/notifications/${someoneElses}`, { token: admin.token })).status).toBe(404)
    expect((await aula.api.get('/notifications')).status).toBe(403)
  })

  it('a student asking for someone else’s notifications by filter gets none', async () => {
    const response = await aula.api.get(`/notifications?where[recipient][equals]=${otherStudent.id}&depth=0`, { token: student.token })
    expect(response.body.docs).toEqual([])
  })

  it('counts unread ones and marks one read', async () => {
    const before = await aula.api.get('/notifications/unread-count', { token: student.token })
    expect(before.status).toBe(200)
    const readAt = new Date().toISOString()
    const response = await aula.api.patch(`/notifications/${own}`, { readAt }, { token: student.token })
    expect(response.status).toBe(200)
    expect(response.body.doc.readAt).toBe(readAt)
    const after = await aula.api.get('/notifications/unread-count', { token: student.token })
    expect(after.body.unread).toBe(before.body.unread - 1)
  })

  it('a recipient trying to rewrite a notification’s text gets a 400 naming the field, and nothing changes', async () => {
    const response = await aula.api.patch(`/notifications/${own}`, { title: 'Reembolso aprobado', readAt: null }, { token: student.token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('title')
    const stored = await aula.payload.findByID({ collection: 'notifications', id: own, depth: 0, overrideAccess: true })
    expect(stored.title).toBe('Título mío')
    expect(stored.readAt).not.toBeNull()
  })

  it('a recipient trying to hand a notification to someone else gets a 400 naming recipient', async () => {
    const response = await aula.api.patch(`/notifications/${own}`, { recipient: otherStudent.id }, { token: student.token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('recipient')
  })

  it('nobody marks or deletes someone else’s notification', async () => {
    expect([403, 404]).toContain((await aula.api.patch(`/notifications/${someoneElses}`, { readAt: new Date().toISOString() }, { token: admin.token })).status)
    expect([403, 404]).toContain((await aula.api.delete(`/notifications/${someoneElses}`, { token: student.token })).status)
    const stored = await aula.payload.findByID({ collection: 'notifications', id: someoneElses, depth: 0, overrideAccess: true })
    expect(stored.readAt ?? null).toBeNull()
  })

  it('nobody creates a notification over the API, not even an admin', async () => {
    const response = await aula.api.post('/notifications', { recipient: admin.id, kind: 'payment_failed', title: 'Falso' }, { token: admin.token })
    expect(response.status).toBe(403)
  })

  it('marks all the caller’s own as read and no one else’s', async () => {
    await notifyNow({ kind: 'certificate_issued', to: [student.id, otherStudent.id] })
    const response = await aula.api.post('/notifications/mark-all-read', {}, { token: student.token })
    expect(response.status).toBe(200)
    expect(response.body.updated).toBeGreaterThan(0)
    expect((await aula.api.get('/notifications/unread-count', { token: student.token })).body).toEqual({ unread: 0 })
    expect((await aula.api.get('/notifications/unread-count', { token: otherStudent.token })).body.unread).toBeGreaterThan(0)
  })

  it('an anonymous caller gets 401 from the count, mark-all and stream endpoints', async () => {
    expect((await aula.api.get('/notifications/unread-count')).status).toBe(401)
    expect((await aula.api.post('/notifications/mark-all-read', {})).status).toBe(401)
    expect((await aula.api.get('/notifications/stream')).status).toBe(401)
  })

  it('a malformed Last-Event-ID is a 400 naming it', async () => {
    const response = await aula.api.get('/notifications/stream?lastEventId=abc', { token: student.token })
    expect(response.status).toBe(400)
    expect(response.text).toContain('lastEventId')
  })
})

describe('over GraphQL', () => {
  it('lists only the caller’s own notifications', async () => {
    await notifyNow({ kind: 'schedule_changed', to: [student.id, otherStudent.id], ...texts('gql') })
    const response = await aula.api.graphql<{ Notifications: { docs: { recipient: { id: number }; title: string }[] } }>(
      '{ Notifications(limit: 100) { docs { title recipient { id } } } }',
      {},
      otherStudent.token,
    )
    expect(response.body.errors).toBeUndefined()
    const docs = response.body.data!.Notifications.docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.recipient.id === otherStudent.id)).toBe(true)
  })

  it('marks all read with markAllNotificationsRead, for the caller only', async () => {
    await notifyNow({ kind: 'schedule_changed', to: [student.id, otherStudent.id] })
    const response = await aula.api.graphql<{ markAllNotificationsRead: { updated: number } }>('mutation { markAllNotificationsRead { updated } }', {}, otherStudent.token)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data!.markAllNotificationsRead.updated).toBeGreaterThan(0)
    expect((await aula.api.get('/notifications/unread-count', { token: otherStudent.token })).body.unread).toBe(0)
    expect((await aula.api.get('/notifications/unread-count', { token: student.token })).body.unread).toBeGreaterThan(0)
  })

  it('refuses markAllNotificationsRead to an anonymous caller', async () => {
    const response = await aula.api.graphql('mutation { markAllNotificationsRead { updated } }')
    expect(response.body.errors?.length).toBeGreaterThan(0)
  })

  it('a recipient changing a notification’s text through updateNotification gets an error and nothing changes', async () => {
    const id = Number((await latestOf(student.id)).id)
    const response = await aula.api.graphql(`mutation { updateNotification(id: ${id}, data: { title: "Otro" }) { title } }`, {}, student.token)
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect((await aula.payload.findByID({ collection: 'notifications', id, depth: 0, overrideAccess: true })).title).not.toBe('Otro')
  })
})

describe('retention', () => {
  it('the daily job deletes notifications read more than 90 days ago (by the app clock) and keeps unread and recent ones', async () => {
    const person = await aula.createUser(['student'])
    for (const tag of ['viejo', 'reciente', 'sin leer']) await notifyNow({ kind: 'certificate_issued', to: [person.id], ...texts(tag) })
    const byTitle = Object.fromEntries((await notificationsOf(person.id)).map((doc) => [doc.title, doc.id]))
    const now = aula.clock.now().getTime()
    const day = 24 * 60 * 60 * 1000
    await aula.payload.update({ collection: 'notifications', id: byTitle['Título viejo'], data: { readAt: new Date(now - 91 * day).toISOString() }, overrideAccess: true })
    await aula.payload.update({ collection: 'notifications', id: byTitle['Título reciente'], data: { readAt: new Date(now - 89 * day).toISOString() }, overrideAccess: true })
    const job = await aula.payload.jobs.queue({ task: 'deleteOldNotifications' as never, input: {} as never })
    await aula.payload.jobs.runByID({ id: (job as { id: number }).id, silent: true })
    expect((await notificationsOf(person.id)).map((doc) => doc.title).sort()).toEqual(['Título reciente', 'Título sin leer'])
  })
})

describe('the notification settings', () => {
  it('only admins read or change which roles receive each kind', async () => {
    for (const account of [sales, editor, student]) {
      expect([401, 403]).toContain((await aula.api.get('/globals/notification-settings', { token: account.token })).status)
      expect([401, 403]).toContain((await aula.api.post('/globals/notification-settings', { emails_failing: ['student'] }, { token: account.token })).status)
    }
    const read = await aula.api.get('/globals/notification-settings', { token: admin.token })
    expect(read.status).toBe(200)
    expect(read.body.lead_assigned).toEqual(DEFAULT_ROLES_FOR_KIND.lead_assigned)
    expect(await notifyNow({ kind: 'emails_failing', to: [student.id] })).toBe(0)
  })

  it('an unknown role in a kind’s list is a 400 naming the kind', async () => {
    const response = await aula.api.post('/globals/notification-settings', { lead_assigned: ['owner'] }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(response.text).toContain('lead_assigned')
  })
})

describe('when a person goes', () => {
  it('an admin deleting a user who has notifications succeeds, and their notifications go with them', async () => {
    const leaving = await aula.createUser(['student'])
    await notifyNow({ kind: 'certificate_issued', to: [leaving.id] })
    const response = await aula.api.delete(`/users/${leaving.id}`, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await aula.payload.count({ collection: 'notifications', where: { recipient: { equals: leaving.id } }, overrideAccess: true })).toEqual({ totalDocs: 0 })
  })
})
