import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, type Where } from 'payload'

import { sessionsOf } from '../../src/courses/sessions'
import { loadDashboard, type DashboardData } from '../../src/dashboard/loadDashboard'
import { LEAD_STAGES } from '../../src/dashboard/queries/leadPipeline'
import { seed } from '../../src/seed'
import { startTestAula, type TestAula } from '../helpers/aula'
import { instantOfWallTime, wallTimeIn } from '../../src/utilities/localTime'

const BUSINESS_ZONE = 'America/Lima' // the demo's business settings (the default)

/**
 * The demo seed tells the truth: on a fresh database, every number the dashboard shows is
 * recounted here from the rows themselves, with the Local API (not the dashboard's SQL).
 */
let aula: TestAula
let asAdmin: DashboardData
let asSales: DashboardData
let now: Date

const DAY = 24 * 60 * 60 * 1000
const count = async (collection: 'enrollments' | 'payments' | 'leads' | 'email-log' | 'attendance', where: Where) =>
  (await aula.payload.count({ collection, where, overrideAccess: true })).totalDocs
const onItem = (collection: string, id: number): Where[] => [{ 'item.relationTo': { equals: collection } }, { 'item.value': { equals: id } }]
const dashboardOf = async (email: string) => {
  const { docs } = await aula.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, overrideAccess: true })
  return loadDashboard(await createLocalReq({ user: { ...docs[0], collection: 'users' } as never }, aula.payload))
}
const ready = <T,>(widget: { status: string; data?: T } | undefined): T => {
  expect(widget?.status).toBe('ready')
  return (widget as { data: T }).data
}

beforeAll(async () => {
  aula = await startTestAula()
  now = aula.clock.now()
  await seed(aula.payload)
  asAdmin = await dashboardOf('admin@aula.local')
  asSales = await dashboardOf('ventas@aula.local')
}, 240_000)

afterAll(async () => {
  await aula.close()
})

describe('the demo data behind the dashboard', () => {
  it('fills each upcoming item with real confirmed enrollments, and its waitlist with real waitlisted ones', async () => {
    const upcoming = ready(asAdmin.upcoming)
    const published = await aula.payload.count({ collection: 'webinars', where: { and: [{ status: { equals: 'published' } }, { startsAt: { greater_than_equal: now.toISOString() } }] }, overrideAccess: true })
    const courses = await aula.payload.count({ collection: 'courses', where: { and: [{ status: { equals: 'published' } }, { startDate: { greater_than_equal: now.toISOString() } }] }, overrideAccess: true })
    expect(upcoming).toHaveLength(published.totalDocs + courses.totalDocs)
    for (const item of upcoming) {
      const confirmed = await count('enrollments', { and: [...onItem(item.collection, item.id), { status: { equals: 'confirmed' } }] })
      const pending = await count('enrollments', { and: [...onItem(item.collection, item.id), { status: { equals: 'pending_payment' } }] })
      const waitlisted = await count('enrollments', { and: [...onItem(item.collection, item.id), { status: { equals: 'waitlisted' } }] })
      // No seat is on hold in the demo: the fill is the confirmed people alone.
      expect(pending).toBe(0)
      expect({ title: item.title, seatsTaken: item.seatsTaken, waitlisted: item.waitlisted }).toEqual({ title: item.title, seatsTaken: confirmed, waitlisted })
      expect(item.fill).toBe(item.capacity ? confirmed / item.capacity : null)
    }
    // Something to look at: people in every item, one full with a waiting list.
    expect(upcoming.every((item) => item.seatsTaken > 0)).toBe(true)
    expect(upcoming.some((item) => item.fill === 1 && item.waitlisted > 0 && item.standsOut)).toBe(true)
  })

  it('keeps every seat counter equal to the seat-holding enrollments, past items included', async () => {
    for (const collection of ['webinars', 'courses'] as const) {
      const { docs } = await aula.payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })
      for (const item of docs) {
        const holding = await count('enrollments', { and: [...onItem(collection, item.id), { status: { in: ['confirmed', 'pending_payment'] } }] })
        expect({ title: item.title, seatsTaken: item.seatsTaken }).toEqual({ title: item.title, seatsTaken: holding })
      }
    }
    for (const status of ['confirmed', 'waitlisted', 'cancelled', 'refunded']) {
      expect({ status, rows: (await count('enrollments', { status: { equals: status } })) > 0 }).toEqual({ status, rows: true })
    }
  })

  it('counts the registrations of each week from the enrollments created that week', async () => {
    const weeks = ready(asAdmin.registrations)
    for (const { week, registrations } of weeks) {
      // Weeks start on Monday 00:00 on the business's calendar (America/Lima in the demo), not UTC's.
      const [year, month, day] = week.split('-').map(Number)
      const start = instantOfWallTime({ year, month, day, hour: 0, minute: 0 }, BUSINESS_ZONE)
      const end = new Date(Math.min(instantOfWallTime({ year, month, day: day + 7, hour: 0, minute: 0 }, BUSINESS_ZONE).getTime(), now.getTime()))
      const rows = await count('enrollments', { and: [{ createdAt: { greater_than_equal: start.toISOString() } }, { createdAt: { less_than: end.toISOString() } }] })
      expect({ week, registrations }).toEqual({ week, registrations: rows })
    }
    // Registrations happened over several weeks, not all on the day the seed ran.
    expect(weeks.filter((week) => week.registrations > 0).length).toBeGreaterThanOrEqual(3)
    expect(weeks.reduce((sum, week) => sum + week.registrations, 0)).toBe(await count('enrollments', { createdAt: { less_than: now.toISOString() } }))
  })

  it('shows the attendance recorded for past webinars and past course sessions, and the ratings given', async () => {
    const rate = ready(asAdmin.showRate)
    const confirmedOn = async (collection: 'webinars' | 'courses', id: number) =>
      (await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem(collection, id), { status: { equals: 'confirmed' } }] }, pagination: false, depth: 0, overrideAccess: true })).docs.map((enrollment) => enrollment.id)
    const { docs: past } = await aula.payload.find({
      collection: 'webinars',
      where: { and: [{ status: { in: ['published', 'completed'] } }, { startsAt: { less_than: now.toISOString() } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    let confirmed = 0
    let attended = 0
    let withPeople = 0
    for (const webinar of past) {
      const ids = await confirmedOn('webinars', webinar.id)
      confirmed += ids.length
      // Attended = a `present` attendance row (src/attendance), not a checkbox typed on the enrollment.
      if (ids.length) attended += await count('attendance', { and: [{ enrollment: { in: ids } }, { present: { equals: true } }] })
      if (ids.length) withPeople += 1
    }
    // Courses: one seat per confirmed student and session already started; present rows among them.
    const { docs: courses } = await aula.payload.find({ collection: 'courses', where: { status: { not_in: ['draft', 'cancelled'] } }, pagination: false, depth: 0, overrideAccess: true })
    let pastSessions = 0
    let sessionSeats = 0
    let sessionsPresent = 0
    for (const course of courses) {
      const held = sessionsOf(course).filter((session) => session.startsAt < now)
      const ids = await confirmedOn('courses', course.id)
      if (!held.length || !ids.length) continue
      pastSessions += held.length
      sessionSeats += held.length * ids.length
      sessionsPresent += await count('attendance', { and: [{ enrollment: { in: ids } }, { sessionId: { in: held.map((session) => session.id) } }, { present: { equals: true } }] })
    }
    const { docs: rated } = await aula.payload.find({ collection: 'enrollments', where: { feedbackRating: { exists: true } }, pagination: false, depth: 0, overrideAccess: true })
    const ratings = rated.map((enrollment) => Number(enrollment.feedbackRating))
    expect(rate).toEqual({
      pastWebinars: withPeople,
      confirmed,
      attended,
      rate: attended / confirmed,
      pastSessions,
      sessionSeats,
      sessionsPresent,
      courseRate: sessionsPresent / sessionSeats,
      averageRating: Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 100) / 100,
      ratings: ratings.length,
    })
    expect(withPeople).toBeGreaterThan(0)
    expect(attended).toBeGreaterThan(0)
    expect(attended).toBeLessThan(confirmed)
    // The course under way has sessions behind it, with some students absent from some of them.
    expect(pastSessions).toBeGreaterThan(0)
    expect(sessionsPresent).toBeGreaterThan(0)
    expect(sessionsPresent).toBeLessThan(sessionSeats)
  })

  it('runs a course under way: its instructor is the seeded instructor, past sessions have attendance, the next ones their reminders', async () => {
    const { docs } = await aula.payload.find({ collection: 'courses', where: { courseCode: { equals: 'XL-110' } }, depth: 0, overrideAccess: true })
    const course = docs[0]!
    // Moved by the status job's own function when its first session started, not typed.
    expect(course.status).toBe('in_progress')
    const sessions = sessionsOf(course)
    const held = sessions.filter((session) => session.endsAt < now)
    const ahead = sessions.filter((session) => session.startsAt > now)
    expect(held.length).toBeGreaterThanOrEqual(2)
    expect(ahead.length).toBeGreaterThanOrEqual(1)
    expect(sessions.some((session) => session.modality === 'online' && session.meetingLink)).toBe(true)
    expect(sessions.some((session) => session.modality === 'presential' && session.location)).toBe(true)
    const { docs: speakers } = await aula.payload.find({ collection: 'speakers', where: { id: { in: course.instructors as number[] } }, depth: 1, overrideAccess: true })
    expect(speakers.map((speaker) => (speaker.user as { email?: string } | null)?.email)).toContain('instructor@aula.local')

    const students = await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem('courses', course.id), { status: { equals: 'confirmed' } }] }, pagination: false, depth: 0, overrideAccess: true })
    expect(students.totalDocs).toBeGreaterThan(0)
    expect(students.docs.every((enrollment) => enrollment.paymentStatus === 'paid')).toBe(true)
    // Every confirmed student has a row for every session held (present or absent), and none for a session ahead.
    for (const session of held) {
      expect({ session: session.name, rows: await count('attendance', { sessionId: { equals: session.id } }) }).toEqual({ session: session.name, rows: students.totalDocs })
    }
    for (const session of ahead) expect(await count('attendance', { sessionId: { equals: session.id } })).toBe(0)
    // Completion follows attendance: the completion shown is what the recorded sessions add up to.
    expect(students.docs.some((enrollment) => Number(enrollment.completionPercentage) > 0)).toBe(true)
    expect(students.docs.every((enrollment) => !enrollment.completedAt)).toBe(true)
    // Reminders the product sent for the sessions held, and none still waiting for a session already past.
    const sessionKeys = ['course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m']
    expect(await count('email-log', { and: [{ templateKey: { in: sessionKeys } }, { status: { equals: 'sent' } }] })).toBeGreaterThan(0)
    expect(await count('email-log', { and: [{ templateKey: { in: sessionKeys } }, { status: { equals: 'queued' } }, { scheduledFor: { less_than: now.toISOString() } }] })).toBe(0)
    // The next session (the day after tomorrow) has its 24 h reminder waiting for the worker, one per student.
    expect(await count('email-log', { and: [{ templateKey: { equals: 'course_session_reminder_24h' } }, { status: { equals: 'queued' } }, { scheduledFor: { greater_than: now.toISOString() } }] })).toBe(students.totalDocs)
  })

  it('adds up revenue from the paid payments and takes the refunded ones away, month by month', async () => {
    const months = ready(asAdmin.revenue)
    const { docs: payments } = await aula.payload.find({ collection: 'payments', pagination: false, depth: 0, overrideAccess: true })
    const expected = new Map<string, Record<string, number>>()
    const add = (at: string, currency: string, amount: number) => {
      const wall = wallTimeIn(new Date(at), BUSINESS_ZONE)
      const month = `${wall.year}-${String(wall.month).padStart(2, '0')}`
      const entry = expected.get(month) ?? {}
      entry[currency.toUpperCase()] = (entry[currency.toUpperCase()] ?? 0) + amount
      expected.set(month, entry)
    }
    for (const payment of payments) {
      if (payment.status === 'succeeded' || payment.status === 'refunded') add(payment.createdAt, payment.currency, payment.amount)
      if (payment.status === 'refunded') add(payment.updatedAt, payment.currency, -payment.amount)
    }
    for (const { month, amounts } of months) expect({ month, amounts }).toEqual({ month, amounts: expected.get(month) ?? {} })

    // Over the whole window: the sum of the paid payments; refunds net to nothing.
    const total = months.reduce((sum, month) => sum + (month.amounts.PEN ?? 0), 0)
    const paid = payments.filter((payment) => payment.status === 'succeeded').reduce((sum, payment) => sum + payment.amount, 0)
    expect(total).toBe(paid)
    expect(paid).toBeGreaterThan(0)
    expect(payments.some((payment) => payment.status === 'refunded')).toBe(true)
    // Each paid enrollment has its succeeded payment, each refunded one its refunded payment.
    expect(await count('enrollments', { paymentStatus: { equals: 'paid' } })).toBe(await count('payments', { status: { equals: 'succeeded' } }))
    expect(await count('enrollments', { paymentStatus: { equals: 'refunded' } })).toBe(await count('payments', { status: { equals: 'refunded' } }))
  })

  it('counts leads per stage, new this week and overdue follow-ups, for the admin and for a sales user', async () => {
    const { docs: sales } = await aula.payload.find({ collection: 'users', where: { email: { equals: 'ventas@aula.local' } }, limit: 1, overrideAccess: true })
    for (const [pipeline, scope] of [
      [ready(asAdmin.leads), {}],
      [ready(asSales.leads), { assignedTo: { equals: sales[0].id } }],
    ] as const) {
      for (const stage of LEAD_STAGES) {
        expect({ stage, leads: pipeline.byStage[stage] }).toEqual({ stage, leads: await count('leads', { and: [scope, { stage: { equals: stage } }] }) })
      }
      const today = wallTimeIn(now, BUSINESS_ZONE)
      const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7
      const monday = instantOfWallTime({ ...today, day: today.day - weekday, hour: 0, minute: 0 }, BUSINESS_ZONE)
      expect(pipeline.newThisWeek).toBe(await count('leads', { and: [scope, { createdAt: { greater_than_equal: monday.toISOString() } }] }))
      // Overdue as the leads list shows it: an open lead whose "Próxima acción" is past.
      const overdue = await count('leads', { and: [scope, { stage: { not_in: ['won', 'lost'] } }, { nextActionAt: { less_than: now.toISOString() } }] })
      expect(pipeline.overdueFollowUps).toBe(overdue)
    }
    expect(Object.values(ready(asAdmin.leads).byStage).reduce((sum, value) => sum + value, 0)).toBe(await count('leads', {}))
  })

  it('a lead whose interactions were reordered is overdue only when its latest next action is past, as the list shows it', async () => {
    const before = ready(asAdmin.leads).overdueFollowUps
    const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString()
    // Staff dragged the older call below the newer one: the array's last row is not the latest.
    const interactions = [
      { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', type: 'call', summary: 'Segunda llamada', at: at(-1), nextActionAt: at(2) },
      { id: 'bbbbbbbbbbbbbbbbbbbbbbbb', type: 'call', summary: 'Primera llamada', at: at(-5), nextActionAt: at(-3) },
    ]
    const lead = await aula.payload.create({
      collection: 'leads',
      overrideAccess: true,
      context: { carriedInteractions: interactions },
      data: { email: 'reordenado@example.com', firstName: 'Rosa', lastName: 'Orden', type: 'individual', stage: 'contacted', interactions } as never,
    })
    expect(lead.nextActionAt).toBe(at(2))
    const after = ready((await dashboardOf('admin@aula.local')).leads)
    expect(after.overdueFollowUps).toBe(before)
    expect(after.overdueFollowUps).toBe(await count('leads', { and: [{ stage: { not_in: ['won', 'lost'] } }, { nextActionAt: { less_than: now.toISOString() } }] }))
  })

  it('has sent the emails the history called for, and counts no failed ones', async () => {
    const failed = ready(asAdmin.failedEmails)
    expect(failed.count).toBe(await count('email-log', { and: [{ status: { equals: 'failed' } }, { updatedAt: { greater_than_equal: failed.since } }] }))
    expect(failed.count).toBe(0)
    // Every confirmed person was told, by the worker's own delivery, and nothing due is left waiting.
    const confirmed = await count('enrollments', { status: { in: ['confirmed', 'refunded', 'cancelled'] } })
    const told = await count('email-log', { and: [{ status: { equals: 'sent' } }, { templateKey: { in: ['enrollment_confirmed', 'waitlist_promoted'] } }] })
    expect(told).toBeGreaterThan(0)
    expect(told).toBeLessThanOrEqual(confirmed)
    expect(await count('email-log', { and: [{ status: { equals: 'queued' } }, { scheduledFor: { less_than: now.toISOString() } }] })).toBe(0)
    // The past webinar's reminders went out before it started.
    expect(await count('email-log', { and: [{ status: { equals: 'sent' } }, { templateKey: { equals: 'webinar_reminder_24h' } }] })).toBeGreaterThan(0)
  })
})
