import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, type Payload } from 'payload'

import { recordMany } from '../../src/attendance/record'
import { loadDashboard } from '../../src/dashboard/loadDashboard'
import { registrationsPerWeek } from '../../src/dashboard/queries/registrationsPerWeek'
import { showRate } from '../../src/dashboard/queries/showRate'
import { upcomingItems } from '../../src/dashboard/queries/upcomingItems'
import { dashboardScope } from '../../src/dashboard/scope'
import { runSql, sql } from '../../src/dashboard/sql'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

// A Wednesday: the current week starts on Monday 2030-06-10 (UTC).
const clock = new ManualClock('2030-06-12T12:00:00.000Z')
let aula: TestAula
let instructorId: number
const ids = { nearlyFull: 0, withWaitlist: 0, unlimited: 0, course: 0, past: 0, draft: 0, taught: 0 }

let person = 0
const register = async (collection: 'webinars' | 'courses', id: number) => {
  person += 1
  const path = collection === 'webinars' ? `/webinars/${id}/register` : `/courses/${id}/enroll`
  const response = await aula.api.post(path, { email: `p${person}@example.com`, firstName: 'P', lastName: String(person) })
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`)
  return response.body.doc.id as number
}
const registerMany = async (collection: 'webinars' | 'courses', id: number, count: number) => {
  const created: number[] = []
  for (let n = 0; n < count; n += 1) created.push(await register(collection, id))
  return created
}
const setCreatedAt = (payload: Payload, enrollmentIds: number[], at: string) =>
  runSql(payload, sql`UPDATE enrollments SET created_at = ${at}::timestamptz WHERE id = ANY(${`{${enrollmentIds.join(',')}}`}::int[])`)

beforeAll(async () => {
  aula = await startTestAula({ clock })
  const { payload } = aula
  const instructor = await aula.createUser(['instructor'])
  instructorId = instructor.id
  const speaker = await payload.create({ collection: 'speakers', data: { name: 'Profe', user: instructor.id } as never, overrideAccess: true })

  ids.nearlyFull = (await createWebinar(payload, { capacity: 10, startsAt: '2030-06-20T15:00:00.000Z', speakers: [speaker.id] })).id
  ids.withWaitlist = (await createWebinar(payload, { capacity: 2, startsAt: '2030-07-01T15:00:00.000Z' })).id
  ids.unlimited = (await createWebinar(payload, { startsAt: '2030-06-15T15:00:00.000Z' })).id
  ids.course = (await createCourse(payload, { capacity: 20, regularPrice: 0, startDate: '2030-08-01T12:00:00.000Z', endDate: '2030-09-01T12:00:00.000Z', modules: [] })).id
  ids.draft = (await createWebinar(payload, { status: 'draft', startsAt: '2030-06-18T15:00:00.000Z' })).id
  ids.past = (await createWebinar(payload, { capacity: 50, startsAt: '2030-06-13T15:00:00.000Z', speakers: [speaker.id] })).id

  const nearlyFull = await registerMany('webinars', ids.nearlyFull, 9) // 9 of 10: 90%
  const waitlist = await registerMany('webinars', ids.withWaitlist, 3) // 2 of 2 and one waiting
  const unlimited = await registerMany('webinars', ids.unlimited, 1)
  const course = await registerMany('courses', ids.course, 2)
  const past = await registerMany('webinars', ids.past, 4)
  // One cancelled registration still counts as a registration that week, and frees its seat.
  const admin = await aula.createUser(['admin'])
  await aula.api.post(`/enrollments/${course[1]}/cancel`, {}, { token: admin.token })

  // The past webinar took place on 2030-06-01: 3 of its 4 confirmed people came and rated it 5, 4 and 3.
  await runSql(payload, sql`UPDATE webinars SET starts_at = '2030-06-01T15:00:00Z' WHERE id = ${ids.past}`)
  // Attendance is recorded through the service (a row per person); the fourth was recorded absent.
  const marks = past.map((enrollmentId, index) => ({ enrollmentId, present: index < 3 }))
  await recordMany(await createLocalReq({}, payload), { collection: 'webinars', itemId: ids.past, marks, source: 'api' }, { overrideAccess: true })
  for (const [index, rating] of [5, 4, 3].entries()) {
    await runSql(payload, sql`UPDATE enrollments SET feedback_rating = ${rating} WHERE id = ${past[index]}`)
  }

  // Registrations per week: 9 this week, 5 last week, 4 eleven weeks ago, 2 twelve weeks ago (outside the window).
  await setCreatedAt(payload, nearlyFull, '2030-06-11T09:00:00Z')
  await setCreatedAt(payload, [...waitlist, ...course], '2030-06-05T09:00:00Z')
  await setCreatedAt(payload, past, '2030-03-25T09:00:00Z')
  await setCreatedAt(payload, unlimited, '2030-03-17T23:00:00Z')
})

afterAll(async () => {
  await aula.close()
})

const allItems = { now: clock.now(), timeZone: 'UTC', items: null }

describe('dashboard widgets', () => {
  it('upcoming items list published webinars and courses soonest first, with seats, fill and what stands out', async () => {
    const items = await upcomingItems(aula.payload, allItems)
    expect(items.map((item) => [item.collection, item.id])).toEqual([
      ['webinars', ids.unlimited],
      ['webinars', ids.nearlyFull],
      ['webinars', ids.withWaitlist],
      ['courses', ids.course],
    ])
    const byId = Object.fromEntries(items.map((item) => [`${item.collection}:${item.id}`, item]))
    expect(byId[`webinars:${ids.unlimited}`]).toMatchObject({ capacity: null, seatsTaken: 1, fill: null, waitlisted: 0, standsOut: false })
    expect(byId[`webinars:${ids.nearlyFull}`]).toMatchObject({ capacity: 10, seatsTaken: 9, fill: 0.9, waitlisted: 0, standsOut: true })
    expect(byId[`webinars:${ids.withWaitlist}`]).toMatchObject({ capacity: 2, seatsTaken: 2, fill: 1, waitlisted: 1, standsOut: true })
    expect(byId[`courses:${ids.course}`]).toMatchObject({ capacity: 20, seatsTaken: 1, fill: 0.05, waitlisted: 0, standsOut: false })
  })

  it('a course stays upcoming until its first class: at 10:00 in Lima on the day of a 19:00 class it is listed at 19:00 in its zone', async () => {
    const evening = await createCourse(aula.payload, {
      title: 'Curso de noche',
      timezone: 'America/Lima',
      startDate: '2030-07-10T12:00:00.000Z',
      endDate: '2030-07-30T12:00:00.000Z',
      modules: [{ title: 'Único', sessions: [{ date: '2030-07-11T00:00:00.000Z', durationHours: 2 }] }],
    })
    const dayStart = await createCourse(aula.payload, { title: 'Curso sin clases', timezone: 'America/Bogota', startDate: '2030-07-10T12:00:00.000Z', endDate: '2030-07-20T12:00:00.000Z', modules: [] })
    try {
      const upcomingAt = async (now: string) => (await upcomingItems(aula.payload, { now: new Date(now), items: null }, 20)).filter((item) => [evening.id, dayStart.id].includes(item.id))
      const morning = await upcomingAt('2030-07-10T15:00:00.000Z')
      expect(morning.map((item) => [item.title, item.startsAt, item.timezone])).toEqual([['Curso de noche', '2030-07-11T00:00:00.000Z', 'America/Lima']])
      // The course without classes began at 00:00 in Bogotá that day; the evening course leaves the list once its class starts.
      expect((await upcomingAt('2030-07-10T04:59:00.000Z')).map((item) => [item.title, item.startsAt])).toEqual([
        ['Curso sin clases', '2030-07-10T05:00:00.000Z'],
        ['Curso de noche', '2030-07-11T00:00:00.000Z'],
      ])
      expect(await upcomingAt('2030-07-11T00:01:00.000Z')).toEqual([])
    } finally {
      for (const id of [evening.id, dayStart.id]) await aula.payload.delete({ collection: 'courses', id, overrideAccess: true })
    }
  })

  it('weeks follow the business calendar: Sunday 22:00 in Lima is last week in Lima, though Monday in UTC', async () => {
    const [{ id }] = await runSql(aula.payload, sql`SELECT id FROM enrollments WHERE created_at = '2030-06-11T09:00:00Z' ORDER BY id LIMIT 1`)
    try {
      await setCreatedAt(aula.payload, [Number(id)], '2030-06-10T03:00:00Z')
      const week = async (timeZone: string, monday: string) =>
        (await registrationsPerWeek(aula.payload, { ...allItems, timeZone })).find((entry) => entry.week === monday)!.registrations
      expect({ utc: await week('UTC', '2030-06-10'), lima: await week('America/Lima', '2030-06-10') }).toEqual({ utc: 9, lima: 8 })
      expect({ utc: await week('UTC', '2030-06-03'), lima: await week('America/Lima', '2030-06-03') }).toEqual({ utc: 5, lima: 6 })
    } finally {
      await setCreatedAt(aula.payload, [Number(id)], '2030-06-11T09:00:00Z')
    }
  })

  it('registrations per week cover the last 12 weeks, current week last, empty weeks as 0', async () => {
    const weeks = await registrationsPerWeek(aula.payload, allItems)
    expect(weeks).toHaveLength(12)
    expect(weeks[0].week).toBe('2030-03-25')
    expect(weeks[11]).toEqual({ week: '2030-06-10', registrations: 9 })
    expect(weeks[10]).toEqual({ week: '2030-06-03', registrations: 5 })
    expect(weeks[0].registrations).toBe(4)
    expect(weeks.reduce((sum, week) => sum + week.registrations, 0)).toBe(18)
  })

  it('show rate is attended over confirmed for webinars that already happened; the rating is the mean of all ratings', async () => {
    expect(await showRate(aula.payload, allItems)).toEqual({ pastWebinars: 1, confirmed: 4, attended: 3, rate: 0.75, pastSessions: 0, sessionSeats: 0, sessionsPresent: 0, courseRate: null, averageRating: 4, ratings: 3 })
  })

  it('an instructor sees only the items they teach', async () => {
    const user = await aula.payload.findByID({ collection: 'users', id: instructorId, overrideAccess: true })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, aula.payload)
    const scope = await dashboardScope(req)
    expect(scope.sees).toEqual({ catalog: true, revenue: false, leads: false, emails: false })
    expect((await upcomingItems(aula.payload, scope)).map((item) => item.id)).toEqual([ids.nearlyFull])
    const weeks = await registrationsPerWeek(aula.payload, scope)
    expect(weeks.reduce((sum, week) => sum + week.registrations, 0)).toBe(13)
    expect((await showRate(aula.payload, scope)).rate).toBe(0.75)
  })
})

describe('dashboard loader', () => {
  const asUser = async (roles: string[]) => {
    const created = await aula.createUser(roles as never)
    const user = await aula.payload.findByID({ collection: 'users', id: created.id, overrideAccess: true })
    return createLocalReq({ user: { ...user, collection: 'users' } as never }, aula.payload)
  }

  it('returns every widget an admin may see in one call; tables that do not exist yet are unavailable', async () => {
    const data = await loadDashboard(await asUser(['admin']))
    expect(data.now).toBe('2030-06-12T12:00:00.000Z')
    expect(data.upcoming).toMatchObject({ status: 'ready' })
    expect(data.upcoming?.status === 'ready' && data.upcoming.data).toHaveLength(4)
    expect(data.registrations?.status === 'ready' && data.registrations.data[11].registrations).toBe(9)
    expect(data.showRate).toEqual({ status: 'ready', data: expect.objectContaining({ rate: 0.75, averageRating: 4 }) })
    const pending = { payments: data.revenue, leads: data.leads, 'email-log': data.failedEmails }
    for (const [slug, widget] of Object.entries(pending)) {
      expect(widget?.status).toBe(slug in aula.payload.collections ? 'ready' : 'unavailable')
    }
  })

  it('editors get no revenue or leads; sales no revenue or email log; students nothing', async () => {
    const editor = await loadDashboard(await asUser(['editor']))
    expect(Object.keys(editor).sort()).toEqual(['failedEmails', 'now', 'ratings', 'registrations', 'showRate', 'timeZone', 'upcoming'])
    const sales = await loadDashboard(await asUser(['sales']))
    expect(Object.keys(sales).sort()).toEqual(['leads', 'now', 'ratings', 'registrations', 'showRate', 'timeZone', 'upcoming'])
    const student = await loadDashboard(await asUser(['student']))
    expect(Object.keys(student)).toEqual(['now', 'timeZone'])
  })
})

/** Revenue, leads and failed emails, checked on rows written straight into their real tables. */
describe('widgets on payments, leads and the email log', () => {
  it('revenue per month is succeeded payments minus refunds, per currency, in the month each happened', async () => {
    const { revenuePerMonth } = await import('../../src/dashboard/queries/revenuePerMonth')
    // Payments belong to enrollments; seven free webinars give seven enrollments of one person to hang them on.
    const buyer = await aula.createUser(['student'])
    const enrollmentIds: number[] = []
    for (let n = 0; n < 7; n += 1) {
      const webinar = await createWebinar(aula.payload, { title: `Ingresos ${n}`, startsAt: '2030-12-01T00:00:00.000Z' })
      const enrollment = await aula.payload.create({ collection: 'enrollments', data: { user: buyer.id, item: { relationTo: 'webinars', value: webinar.id } } as never, overrideAccess: true })
      enrollmentIds.push(enrollment.id as number)
    }
    const rows: [number, string, string, string, string][] = [
      [100, 'USD', 'succeeded', '2030-06-02', '2030-06-02'],
      [50, 'USD', 'succeeded', '2030-06-03', '2030-06-03'],
      [300, 'PEN', 'succeeded', '2030-06-04', '2030-06-04'],
      [80, 'USD', 'refunded', '2030-05-10', '2030-06-05'],
      [999, 'USD', 'failed', '2030-06-06', '2030-06-06'],
      [70, 'USD', 'pending', '2030-06-07', '2030-06-07'],
      [40, 'usd', 'succeeded', '2029-01-01', '2029-01-01'],
    ]
    for (const [index, [amount, currency, status, createdAt, updatedAt]] of rows.entries()) {
      await runSql(aula.payload, sql`INSERT INTO payments (enrollment_id, amount, currency, status, created_at, updated_at)
        VALUES (${enrollmentIds[index]}, ${amount}, ${currency}, ${status}, ${createdAt}, ${updatedAt})`)
    }
    const months = await revenuePerMonth(aula.payload, { now: clock.now(), timeZone: 'UTC' })
    expect(months).toHaveLength(12)
    expect(months[0]).toEqual({ month: '2029-07', amounts: {} })
    expect(months[10]).toEqual({ month: '2030-05', amounts: { USD: 80 } })
    expect(months[11]).toEqual({ month: '2030-06', amounts: { PEN: 300, USD: 70 } })
  })

  it('the lead pipeline counts per stage, new this week and overdue follow-ups, and a sales user counts their own', async () => {
    const { leadPipeline } = await import('../../src/dashboard/queries/leadPipeline')
    const [mine, theirs] = [await aula.createUser(['sales']), await aula.createUser(['sales'])]
    const leads: [string, number | null, string][] = [
      ['new', mine.id, '2030-06-11'], ['new', null, '2030-06-09'], ['contacted', mine.id, '2030-05-01'],
      ['qualified', theirs.id, '2030-05-01'], ['won', mine.id, '2030-04-01'], ['contacted', theirs.id, '2030-06-10'],
    ]
    const leadIds: number[] = []
    for (const [stage, assignee, createdAt] of leads) {
      const [row] = await runSql(aula.payload, sql`INSERT INTO leads (stage, assigned_to_id, first_name, last_name, email, created_at, updated_at)
        VALUES (${stage}, ${assignee}, 'Prospecto', ${stage}, ${`lead-${stage}-${Date.now()}@example.com`}, ${createdAt}, ${createdAt}) RETURNING id`)
      leadIds.push(Number(row.id))
    }
    // Lead 3: latest action past (overdue). Lead 4: an old past action, then a future one (not overdue).
    // Lead 5: won, so a past action is not overdue. Lead 6: past action (overdue, someone else's).
    const interactions: [number, number, string][] = [[1, leadIds[2], '2030-06-11'], [1, leadIds[3], '2030-06-01'], [2, leadIds[3], '2030-06-20'], [1, leadIds[4], '2030-06-01'], [1, leadIds[5], '2030-06-12T11:00:00Z']]
    for (const [order, parent, nextActionAt] of interactions) {
      await runSql(aula.payload, sql`INSERT INTO leads_interactions (_order, _parent_id, id, summary, next_action_at)
        VALUES (${order}, ${parent}, ${`i-${parent}-${order}`}, 'Llamada', ${nextActionAt})`)
      // The lead's own `nextActionAt` mirrors its latest interaction (stampInteractions); the widget reads it.
      await runSql(aula.payload, sql`UPDATE leads SET next_action_at = ${nextActionAt} WHERE id = ${parent}`)
    }
    const all = await leadPipeline(aula.payload, { now: clock.now(), timeZone: 'UTC', leadsAssignedTo: null })
    expect(all).toEqual({ byStage: { new: 2, contacted: 2, qualified: 1, proposal: 0, negotiation: 0, won: 1, lost: 0 }, newThisWeek: 2, overdueFollowUps: 2 })
    const own = await leadPipeline(aula.payload, { now: clock.now(), timeZone: 'UTC', leadsAssignedTo: mine.id })
    expect(own).toEqual({ byStage: { new: 1, contacted: 1, qualified: 0, proposal: 0, negotiation: 0, won: 1, lost: 0 }, newThisWeek: 1, overdueFollowUps: 1 })
  })

  it('failed emails count the last 7 days and link to the filtered email log', async () => {
    const { failedEmails } = await import('../../src/dashboard/queries/failedEmails')
    const rows: [string, string][] = [['failed', '2030-06-12T10:00:00Z'], ['failed', '2030-06-06T12:00:00Z'], ['failed', '2030-06-05T11:59:00Z'], ['sent', '2030-06-11'], ['queued', '2030-06-11']]
    for (const [index, [status, updatedAt]] of rows.entries()) {
      await runSql(aula.payload, sql`INSERT INTO email_log ("to", template_key, status, dedupe_key, updated_at)
        VALUES ('x@example.com', 'enrollment_confirmed', ${status}, ${`dashboard-${index}`}, ${updatedAt})`)
    }
    const failed = await failedEmails(aula.payload, { now: clock.now() })
    expect(failed.count).toBe(2)
    expect(failed.since).toBe('2030-06-05T12:00:00.000Z')
    expect(decodeURIComponent(failed.href)).toBe('/admin/collections/email-log?where[and][0][status][equals]=failed&where[and][1][updatedAt][greater_than_equal]=2030-06-05T12:00:00.000Z')
  })
})
