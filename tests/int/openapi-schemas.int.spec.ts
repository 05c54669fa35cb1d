import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { registrationAnswerExample, webinarExample } from '../../src/openapi/examples'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, webinarData } from '../helpers/catalog'

let aula: TestAula
let spec: any
let schemas: Record<string, any>

beforeAll(async () => {
  aula = await startTestAula()
  const response = await aula.api.get('/openapi.json')
  expect(response.status).toBe(200)
  spec = response.body
  schemas = spec.components.schemas
})

afterAll(async () => {
  await aula.close()
})

const propertiesOf = (name: string) => Object.keys(schemas[name]?.properties ?? {})
const bodyRef = (path: string, method: string) => spec.paths[path][method].requestBody.content['application/json'].schema.$ref

describe('Create and update bodies', () => {
  it('each collection and global has its own, used by its create and update operations', () => {
    expect(bodyRef('/api/webinars', 'post')).toBe('#/components/schemas/WebinarCreate')
    expect(bodyRef('/api/webinars/{id}', 'patch')).toBe('#/components/schemas/WebinarUpdate')
    expect(bodyRef('/api/categories', 'post')).toBe('#/components/schemas/CategoryCreate')
    expect(bodyRef('/api/globals/business-settings', 'post')).toBe('#/components/schemas/BusinessSettingsUpdate')
    for (const collection of aula.payload.config.collections.filter(({ slug }) => !slug.startsWith('payload-'))) {
      const update = spec.paths[`/api/${collection.slug}/{id}`].patch.requestBody.content['application/json'].schema.$ref.split('/').pop()
      expect(schemas[update]).toMatchObject({ type: 'object' })
    }
  })

  it('leave out the id, the timestamps and what the server computes', () => {
    for (const name of Object.keys(schemas).filter((schema) => /(Create|Update)$/.test(schema))) {
      expect(`${name}: ${propertiesOf(name).filter((field) => ['id', 'createdAt', 'updatedAt'].includes(field))}`).toBe(`${name}: `)
    }
    for (const computed of ['seatsLeft', 'seatsTaken', 'searchText', 'ratingAverage', 'ratingCount', 'lastEditedBy', 'followUp', 'scheduleSequence']) {
      expect(propertiesOf('WebinarCreate')).not.toContain(computed)
      expect(propertiesOf('WebinarUpdate')).not.toContain(computed)
    }
    expect(propertiesOf('CourseCreate')).not.toContain('currentPrice')
    expect(propertiesOf('UserCreate')).not.toEqual(expect.arrayContaining(['hash']))
    expect(propertiesOf('UserCreate')).not.toContain('salt')
    expect(propertiesOf('UserCreate')).not.toContain('displayName')
  })

  it('no schema, read or write, names a hidden field (a webhook’s sealed signing secret is never sent nor taken)', () => {
    for (const name of ['webhooks', 'WebhookCreate', 'WebhookUpdate']) {
      expect(propertiesOf(name)).toEqual(expect.arrayContaining(['url', 'events']))
      expect(propertiesOf(name)).not.toContain('signingSecret')
    }
  })

  it('keep what a client may send: write-only inputs, and fields only some callers may set', () => {
    // Virtual, yet read by hooks: the time zone of a webinar, the invitation switch of a new account.
    expect(propertiesOf('WebinarCreate')).toEqual(expect.arrayContaining(['title', 'startsAt', 'timezone', 'price', 'status']))
    expect(propertiesOf('UserCreate')).toEqual(expect.arrayContaining(['email', 'password', 'sendInvitation', 'roles']))
    // Refused on create for everyone, allowed on update to admins.
    expect(propertiesOf('EnrollmentCreate')).not.toContain('paymentStatus')
    expect(propertiesOf('EnrollmentUpdate')).toContain('paymentStatus')
    // The other way round: set on create, never moved afterwards.
    expect(propertiesOf('EnrollmentCreate')).toContain('item')
    expect(propertiesOf('EnrollmentUpdate')).not.toContain('item')
  })

  it('a create requires what the app requires and no more; an update requires nothing', () => {
    expect(schemas.WebinarCreate.required).toEqual(expect.arrayContaining(['title', 'startsAt']))
    // Required in the record, but Payload fills the default when a create leaves them out.
    expect(schemas.webinars.required).toEqual(expect.arrayContaining(['durationMinutes', 'platform', 'currency', 'status']))
    expect(schemas.WebinarCreate.required).not.toEqual(expect.arrayContaining(['durationMinutes']))
    // A body the app accepts (tests/helpers/catalog.ts) sends every required field and nothing unknown.
    const accepted = webinarData()
    expect(schemas.WebinarCreate.required.filter((field: string) => !(field in accepted))).toEqual([])
    expect(Object.keys(accepted).filter((field) => !propertiesOf('WebinarCreate').includes(field))).toEqual([])
    for (const name of Object.keys(schemas).filter((schema) => schema.endsWith('Update'))) expect(`${name}: ${schemas[name].required ?? 'none'}`).toBe(`${name}: none`)
  })

  it('an admin’s real create is accepted with a WebinarCreate body', async () => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.post('/webinars', webinarData(), { token: admin.token })
    expect(response.status).toBe(201)
    expect(Object.keys(response.body.doc)).toEqual(expect.arrayContaining(schemas.WebinarCreate.required))
  })
})

describe('Globals', () => {
  it('every global is described with its read and update operations, and the read answers as described', async () => {
    for (const global of aula.payload.config.globals.filter(({ slug }) => !slug.startsWith('payload-'))) {
      const item = spec.paths[`/api/globals/${global.slug}`]
      expect(item.get.responses['200'].content['application/json'].schema.$ref).toBe(`#/components/schemas/${global.slug}`)
      expect(item.post).toBeDefined()
    }
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.get('/globals/business-settings', { token: admin.token })
    expect(response.status).toBe(200)
    expect(Object.keys(response.body).filter((field) => !propertiesOf('business-settings').includes(field))).toEqual([])
    expect([401, 403]).toContain((await aula.api.get('/globals/business-settings')).status)
  })
})

describe('Examples for public endpoints', () => {
  const example = (path: string, method: string, status?: string) => {
    const media = status ? spec.paths[path][method].responses[status].content['application/json'] : spec.paths[path][method].requestBody.content['application/json']
    return Object.values<any>(media.examples ?? {})[0]?.value
  }

  it('the catalogue list, an item and a registration have one', () => {
    expect(example('/api/webinars', 'get', '200').docs[0]).toEqual(webinarExample)
    expect(example('/api/webinars/{id}', 'get', '200')).toEqual(webinarExample)
    expect(example('/api/webinars/{id}/register', 'post')).toMatchObject({ email: expect.any(String) })
    expect(example('/api/webinars/{id}/register', 'post', '201')).toEqual(registrationAnswerExample)
    expect(example('/api/courses/{id}/enroll', 'post')).toMatchObject({ email: expect.any(String) })
  })

  it('show fields the running app really answers with', async () => {
    const webinar = await createWebinar(aula.payload)
    const read = await aula.api.get(`/webinars/${webinar.id}?depth=0`)
    expect(read.status).toBe(200)
    expect(Object.keys(webinarExample).filter((field) => !(field in read.body))).toEqual([])

    const registered = await aula.api.post(`/webinars/${webinar.id}/register`, example('/api/webinars/{id}/register', 'post'))
    expect(registered.status).toBe(201)
    expect(Object.keys(registrationAnswerExample).filter((field) => !(field in registered.body))).toEqual([])
    expect(Object.keys(registrationAnswerExample.doc).filter((field) => !(field in registered.body.doc))).toEqual([])
    expect(registered.body.doc).toMatchObject({ status: 'confirmed', paymentStatus: registrationAnswerExample.doc.paymentStatus, item: { relationTo: 'webinars', value: webinar.id } })
    // The answer's enrollment is the RegisteredEnrollment shape, not the full enrollments record.
    expect(Object.keys(registered.body.doc).filter((field) => !propertiesOf('RegisteredEnrollment').includes(field))).toEqual([])
  })
})
