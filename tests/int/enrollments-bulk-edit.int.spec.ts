import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Field } from 'payload'
import { fieldAffectsData, fieldHasSubFields, fieldIsHiddenOrDisabled } from 'payload/shared'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let admin: Account, sales: Account, instructor: Account, student: Account, otherStudent: Account
let enrollmentIds: number[]

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, sales, instructor, student, otherStudent] = await Promise.all(
    (['admin', 'sales', 'instructor', 'student', 'student'] as const).map((role) => aula.createUser([role])),
  )
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Docente Masivo', user: instructor.id }, overrideAccess: true })
  const webinar = await createWebinar(aula.payload, { speakers: [speaker.id], title: 'Taller de asistencia' })
  enrollmentIds = []
  for (const person of [student, otherStudent]) {
    enrollmentIds.push((await aula.api.post(`/webinars/${webinar.id}/register`, undefined, { token: person.token })).body.doc.id)
  }
})

afterAll(() => aula?.close())

/**
 * The fields Payload 3.88's bulk edit offers for a collection, with every permission granted (an
 * admin): the same filter as its `reduceFieldOptions` (@payloadcms/ui elements/FieldSelect).
 */
const bulkEditOptions = (fields: Field[]): string[] =>
  fields.flatMap((field) => {
    const admin = (field as { admin?: { disableBulkEdit?: boolean; readOnly?: boolean } }).admin
    if ((fieldAffectsData(field) || field.type === 'ui') && (admin?.disableBulkEdit || ('unique' in field && field.unique) || fieldIsHiddenOrDisabled(field) || admin?.readOnly)) return []
    if (field.type !== 'array' && field.type !== 'blocks' && fieldHasSubFields(field)) return bulkEditOptions(field.fields)
    return 'name' in field ? [field.name] : []
  })

const bulkPatch = (token: string, data: Record<string, unknown>) =>
  aula.api.request('PATCH', `/enrollments?${enrollmentIds.map((id, index) => `where[id][in][${index}]=${id}`).join('&')}&depth=0`, { token, body: data })
const stored = () =>
  Promise.all(enrollmentIds.map((id) => aula.payload.findByID({ collection: 'enrollments', id, depth: 0, overrideAccess: true })))

describe('bulk edit of enrollments', () => {
  it('offers attendance and the staff note only: never amount, status, payment status, the person or the item', () => {
    const options = bulkEditOptions(aula.payload.collections.enrollments.config.fields)
    expect(options.sort()).toEqual(['attended', 'staffNote'])
  })

  it('an instructor bulk-PATCHing status, payment status and amount over REST changes only attendance and the note', async () => {
    const before = await stored()
    const response = await bulkPatch(instructor.token, { status: 'cancelled', paymentStatus: 'paid', amount: 0, currency: 'USD', attended: true, staffNote: 'Llegaron juntos' })
    expect(response.status).toBe(200)
    const after = await stored()
    after.forEach((enrollment, index) => {
      expect(enrollment.status).toBe(before[index].status)
      expect(enrollment.paymentStatus).toBe(before[index].paymentStatus)
      expect(enrollment.amount).toBe(before[index].amount)
      expect(enrollment.attended).toBe(true)
      expect(enrollment.staffNote).toBe('Llegaron juntos')
    })
  })

  it('sales, who may not edit enrollments, change nothing in bulk', async () => {
    const before = await stored()
    await bulkPatch(sales.token, { status: 'cancelled', attended: false, staffNote: 'de ventas' })
    expect(await stored()).toEqual(before)
  })

  it('a student bulk-PATCHing their own enrollment cannot cancel it this way nor write the staff note', async () => {
    await aula.api.request('PATCH', `/enrollments?where[id][equals]=${enrollmentIds[0]}`, { token: student.token, body: { status: 'cancelled', staffNote: 'me escribo una nota' } })
    const [own] = await stored()
    expect(own.status).not.toBe('cancelled')
    expect(own.staffNote).toBe('Llegaron juntos')
  })

  it('the participant never reads the staff note on their own enrollment; the instructor and an admin do', async () => {
    const asStudent = await aula.api.get(`/enrollments/${enrollmentIds[0]}?depth=0`, { token: student.token })
    expect(asStudent.status).toBe(200)
    expect(asStudent.body).not.toHaveProperty('staffNote')
    for (const reader of [instructor, admin]) {
      expect((await aula.api.get(`/enrollments/${enrollmentIds[0]}?depth=0`, { token: reader.token })).body.staffNote).toBe('Llegaron juntos')
    }
  })
})
