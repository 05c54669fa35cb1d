import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

const clock = new ManualClock('2030-05-10T12:00:00.000Z')
let aula: TestAula
let editor: { id: number; token: string }
let student: { id: number; token: string; email: string }
let other: { id: number; token: string }
let webinarId: number
let ruleId: number

async function runReplanJobs(payload: Payload) {
  for (let round = 0; round < 20; round += 1) {
    const result = await payload.jobs.run({ limit: 100, silent: true, where: { taskSlug: { equals: 'replanRuleEmails' } } })
    if (result.noJobsRemaining) return
  }
}

beforeAll(async () => {
  aula = await startTestAula({ clock })
  editor = await aula.createUser(['editor'], { language: 'es' })
  student = await aula.createUser(['student'], { language: 'es' })
  other = await aula.createUser(['student'], { language: 'es' })
  // 00:00 UTC on the 20th is 19:00 on the 19th in Lima.
  const webinar = await createWebinar(aula.payload, { title: 'Finanzas personales', startsAt: '2030-05-20T00:00:00.000Z', timezone: 'America/Lima' })
  webinarId = Number(webinar.id)
  for (const person of [student, other]) expect((await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: person.token })).status).toBe(201)
  const rule = await aula.payload.create({
    collection: 'email-rules',
    data: { name: 'Tres días antes', templateKey: 'webinar_reminder_24h', trigger: 'before_start', offsetAmount: 3, offsetUnit: 'days', audience: 'confirmed', scope: 'items', items: [{ relationTo: 'webinars', value: webinarId }] } as never,
    overrideAccess: true,
  })
  ruleId = Number(rule.id)
  await runReplanJobs(aula.payload)
})

afterAll(async () => {
  await aula.close()
})

const ruleRow = (rows: any[]) => rows.find((row) => row.rule?.id === ruleId)

describe('an item’s email plan', () => {
  it('staff see each rule’s email with its moment in the webinar’s zone and how many people get it', async () => {
    const response = await aula.api.get(`/webinars/${webinarId}/email-plan`, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.timeZone).toBe('America/Lima')
    expect(ruleRow(response.body.rows)).toEqual({
      rule: { id: ruleId, name: 'Tres días antes' },
      templateKey: 'webinar_reminder_24h',
      templateLabel: 'Recordatorio 24 h',
      at: '2030-05-17T00:00:00.000Z',
      atLocal: '16/05/2030 19:00 (hora de Lima)',
      sessionId: null,
      sessionName: null,
      people: 2,
      sent: 0,
      queued: 2,
      cancelled: 0,
    })
    const times = response.body.rows.map((row: any) => row.at).filter(Boolean)
    expect(times).toEqual([...times].sort())
  })

  it('the same plan is readable over GraphQL', async () => {
    const query = `query ($id: Int!) { ItemEmailPlan(collection: "webinars", id: $id) { timeZone rows { rule { id name } atLocal people queued } } }`
    const response = await aula.api.graphql(query, { id: webinarId }, editor.token)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.ItemEmailPlan.timeZone).toBe('America/Lima')
    expect(ruleRow(response.body.data.ItemEmailPlan.rows)).toEqual({ rule: { id: ruleId, name: 'Tres días antes' }, atLocal: '16/05/2030 19:00 (hora de Lima)', people: 2, queued: 2 })
  })

  it('a student asking for an item’s plan is refused (403), an anonymous caller must log in (401), an unknown item is a 404', async () => {
    expect((await aula.api.get(`/webinars/${webinarId}/email-plan`, { token: student.token })).status).toBe(403)
    expect((await aula.api.get(`/webinars/${webinarId}/email-plan`)).status).toBe(401)
    expect((await aula.api.get(`/webinars/99999999/email-plan`, { token: editor.token })).status).toBe(404)
    const graph = await aula.api.graphql(`{ ItemEmailPlan(collection: "webinars", id: ${webinarId}) { timeZone } }`, {}, student.token)
    expect(graph.body.data?.ItemEmailPlan ?? null).toBeNull()
    expect(graph.body.errors?.length).toBeGreaterThan(0)
  })
})

describe('a course’s email plan', () => {
  it('session rules show one line per session, named, at its time in the course’s zone', async () => {
    const course = await createCourse(aula.payload, {
      title: 'Curso de Excel',
      timezone: 'America/Lima',
      startDate: '2030-06-01T12:00:00.000Z',
      endDate: '2030-06-30T12:00:00.000Z',
      modules: [
        {
          title: 'Fundamentos',
          hours: 4,
          startDate: '2030-06-01T12:00:00.000Z',
          endDate: '2030-06-15T12:00:00.000Z',
          topics: ['Fórmulas'],
          sessions: [
            { date: '2030-06-03T00:00:00.000Z', name: 'Fórmulas', durationHours: 2 },
            { date: '2030-06-10T00:00:00.000Z', name: 'Tablas dinámicas', durationHours: 2 },
          ],
        },
      ],
    })
    await aula.payload.db.create({ collection: 'enrollments', data: { user: other.id, item: { relationTo: 'courses', value: course.id }, status: 'confirmed', source: 'web' } })
    const response = await aula.api.get(`/courses/${course.id}/email-plan`, { token: editor.token })
    expect(response.status).toBe(200)
    const dayBefore = response.body.rows.filter((row: any) => row.templateKey === 'course_session_reminder_24h')
    expect(dayBefore.map((row: any) => [row.sessionName, row.at, row.atLocal, row.people])).toEqual([
      ['Fórmulas', '2030-06-02T00:00:00.000Z', '01/06/2030 19:00 (hora de Lima)', 1],
      ['Tablas dinámicas', '2030-06-09T00:00:00.000Z', '08/06/2030 19:00 (hora de Lima)', 1],
    ])
  })
})

describe('a person’s email plan', () => {
  it('a student reads what they will get, with the item and its moment in the item’s zone', async () => {
    const response = await aula.api.get(`/users/${student.id}/email-plan`, { token: student.token })
    expect(response.status).toBe(200)
    const row = ruleRow(response.body.upcoming)
    expect(row).toMatchObject({ templateKey: 'webinar_reminder_24h', status: 'queued', at: '2030-05-17T00:00:00.000Z', atLocal: '16/05/2030 19:00 (hora de Lima)', item: { collection: 'webinars', id: webinarId, title: 'Finanzas personales' } })
    // Only which email and when: never the content or its signed links.
    expect(JSON.stringify(response.body)).not.toMatch(/token=|cancel-link|variables/)
  })

  it('a student asking for someone else’s emails is refused, over REST and GraphQL', async () => {
    expect((await aula.api.get(`/users/${other.id}/email-plan`, { token: student.token })).status).toBe(403)
    expect((await aula.api.get(`/users/${other.id}/email-plan`)).status).toBe(401)
    const graph = await aula.api.graphql(`{ PersonEmailPlan(user: ${other.id}) { upcoming { id } } }`, {}, student.token)
    expect(graph.body.data?.PersonEmailPlan ?? null).toBeNull()
    expect(graph.body.errors?.length).toBeGreaterThan(0)
  })

  it('staff read a person’s emails over REST and GraphQL', async () => {
    const response = await aula.api.get(`/users/${other.id}/email-plan`, { token: editor.token })
    expect(response.status).toBe(200)
    expect(ruleRow(response.body.upcoming)?.item?.title).toBe('Finanzas personales')
    const graph = await aula.api.graphql(`{ PersonEmailPlan(user: ${other.id}) { user { id } upcoming { rule { id } atLocal item { title } } } }`, {}, editor.token)
    expect(graph.body.errors).toBeUndefined()
    expect(ruleRow(graph.body.data.PersonEmailPlan.upcoming)).toEqual({ rule: { id: ruleId }, atLocal: '16/05/2030 19:00 (hora de Lima)', item: { title: 'Finanzas personales' } })
  })
})
