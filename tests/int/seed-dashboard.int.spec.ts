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
const count = async (collection: 'enrollments' | 'payments' | 'leads' | 'email-log' | 'attendance' | 'certificates', where: Where) =>
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

  it('lists the finished items with the rating their participants gave through the feedback link, recounted from the enrollments', async () => {
    const rows = ready(asAdmin.ratings)
    // Finished = ended before now (a webinar: start + duration; a course: its last session's end), neither draft nor cancelled.
    const finished: { collection: 'webinars' | 'courses'; id: number; endedAt: number }[] = []
    const { docs: webinars } = await aula.payload.find({ collection: 'webinars', where: { status: { not_in: ['draft', 'cancelled'] } }, pagination: false, depth: 0, overrideAccess: true })
    for (const webinar of webinars) {
      const endedAt = new Date(webinar.startsAt).getTime() + Number(webinar.durationMinutes ?? 0) * 60_000
      if (endedAt < now.getTime()) finished.push({ collection: 'webinars', id: webinar.id, endedAt })
    }
    const { docs: courses } = await aula.payload.find({ collection: 'courses', where: { status: { not_in: ['draft', 'cancelled'] } }, pagination: false, depth: 0, overrideAccess: true })
    for (const course of courses) {
      const last = sessionsOf(course).at(-1)
      const endedAt = last ? last.endsAt.getTime() : new Date(String(course.endDate)).getTime()
      if (endedAt < now.getTime()) finished.push({ collection: 'courses', id: course.id, endedAt })
    }
    finished.sort((a, b) => b.endedAt - a.endedAt)
    expect(rows.map((row) => `${row.collection}:${row.id}`)).toEqual(finished.slice(0, 8).map((item) => `${item.collection}:${item.id}`))
    for (const row of rows) {
      const { docs: rated } = await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem(row.collection, row.id), { feedbackRating: { exists: true } }] }, pagination: false, depth: 0, overrideAccess: true })
      const ratings = rated.map((enrollment) => Number(enrollment.feedbackRating))
      const average = ratings.length ? Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 100) / 100 : null
      const confirmed = await count('enrollments', { and: [...onItem(row.collection, row.id), { status: { equals: 'confirmed' } }] })
      expect({ title: row.title, ratingAverage: row.ratingAverage, ratingCount: row.ratingCount, confirmed: row.confirmed }).toEqual({ title: row.title, ratingAverage: average, ratingCount: ratings.length, confirmed })
      // The item's page shows the same stored pair.
      const item = (await aula.payload.findByID({ collection: row.collection, id: row.id, depth: 0, overrideAccess: true })) as { ratingAverage?: number | null; ratingCount?: number | null }
      expect({ ratingAverage: item.ratingAverage ?? null, ratingCount: item.ratingCount ?? 0 }).toEqual({ ratingAverage: average, ratingCount: ratings.length })
    }
    // Several people rated the finished webinar, each once and after it ended, through the signed link (it stamps when).
    const git = rows.find((row) => row.title === 'Git y GitHub para principiantes')
    expect(git?.ratingCount).toBeGreaterThanOrEqual(3)
    const { docs: rated } = await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem('webinars', git!.id), { feedbackRating: { exists: true } }] }, pagination: false, depth: 0, overrideAccess: true })
    expect(rated.every((enrollment) => enrollment.attended && enrollment.feedbackAt && new Date(String(enrollment.feedbackAt)) < now)).toBe(true)
  })

  it('followed the finished webinar up: thanks with the feedback link to those who came, the recording to those who missed it', async () => {
    const { docs } = await aula.payload.find({ collection: 'webinars', where: { slug: { equals: 'git-y-github-para-principiantes' } }, depth: 0, overrideAccess: true })
    const webinar = docs[0]!
    const { docs: confirmed } = await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem('webinars', webinar.id), { status: { equals: 'confirmed' } }] }, pagination: false, depth: 0, overrideAccess: true })
    expect((webinar as unknown as { followUp: { status: string; sent: number } }).followUp).toMatchObject({ status: 'sent', sent: confirmed.length })
    expect(await count('attendance', { and: [{ enrollment: { in: confirmed.map((enrollment) => enrollment.id) } }] })).toBe(confirmed.length)
    for (const enrollment of confirmed) {
      const { docs: emails } = await aula.payload.find({ collection: 'email-log', where: { dedupeKey: { equals: `followup:${enrollment.id}` } }, depth: 0, overrideAccess: true })
      expect(emails.map((email) => ({ templateKey: email.templateKey, status: email.status }))).toEqual([{ templateKey: enrollment.attended ? 'followup_attended' : 'followup_missed', status: 'sent' }])
    }
    expect(confirmed.some((enrollment) => enrollment.attended)).toBe(true)
    expect(confirmed.some((enrollment) => !enrollment.attended)).toBe(true)
  })

  it('issued a certificate to each person who completed the finished webinar, and shows one staff issued by hand and revoked', async () => {
    const { docs } = await aula.payload.find({ collection: 'webinars', where: { slug: { equals: 'git-y-github-para-principiantes' } }, depth: 0, overrideAccess: true })
    const { docs: enrollments } = await aula.payload.find({ collection: 'enrollments', where: { and: [...onItem('webinars', docs[0]!.id)] }, pagination: false, depth: 0, overrideAccess: true })
    const { docs: certificates } = await aula.payload.find({ collection: 'certificates', pagination: false, depth: 0, sort: 'number', overrideAccess: true })
    const of = (enrollmentId: number) => certificates.filter((certificate) => (certificate.enrollment as number) === enrollmentId)
    for (const enrollment of enrollments) {
      // Completion (attended) earns the automatic one; nobody else got one automatically.
      const automatic = of(enrollment.id).filter((certificate) => certificate.origin === 'automatic')
      expect({ enrollment: enrollment.id, automatic: automatic.map((certificate) => certificate.status) }).toEqual({ enrollment: enrollment.id, automatic: enrollment.completedAt ? ['valid'] : [] })
      expect(of(enrollment.id).filter((certificate) => certificate.status === 'valid').length).toBeLessThanOrEqual(1)
    }
    const revoked = certificates.filter((certificate) => certificate.status === 'revoked')
    expect(revoked).toHaveLength(1)
    expect(revoked[0]).toMatchObject({ origin: 'manual', revokedReason: expect.stringMatching(/\S/), revokedAt: expect.any(String), note: expect.stringMatching(/\S/) })
    // Numbers: AULA-<year>-<6 digits>, no two alike, and each year's run starts at 1 without gaps.
    const numbers = certificates.map((certificate) => String(certificate.number))
    expect(numbers.every((number) => /^AULA-\d{4}-\d{6}$/.test(number))).toBe(true)
    expect(new Set(numbers).size).toBe(numbers.length)
    const byYear = new Map<string, number[]>()
    for (const number of numbers) byYear.set(number.slice(5, 9), [...(byYear.get(number.slice(5, 9)) ?? []), Number(number.slice(10))])
    for (const [year, sequence] of byYear) expect({ year, sequence: sequence.sort((a, b) => a - b) }).toEqual({ year, sequence: sequence.map((_, index) => index + 1) })
    // Each holder was emailed their certificate (the revoked one too: it went out before staff revoked it).
    expect(await count('email-log', { and: [{ templateKey: { equals: 'certificate_issued' } }, { status: { equals: 'sent' } }] })).toBe(certificates.length)
    // The public verification says what each one is.
    for (const certificate of certificates) {
      const answer = await aula.api.get(`/certificates/verify/${certificate.verificationCode}`)
      expect({ number: certificate.number, status: answer.status, verified: answer.body.status }).toEqual({ number: certificate.number, status: 200, verified: certificate.status })
    }
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
