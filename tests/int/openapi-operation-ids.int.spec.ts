import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { customOperationIds } from '../../src/openapi/customOperationIds'
import { customOperations } from '../../src/openapi/customOperations'
import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula
let operations: { key: string; operationId: unknown }[]

beforeAll(async () => {
  aula = await startTestAula()
  const response = await aula.api.get('/openapi.json')
  expect(response.status).toBe(200)
  operations = Object.entries<Record<string, any>>(response.body.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operationId: operation.operationId })),
  )
})

afterAll(async () => {
  await aula.close()
})

describe('OpenAPI operation ids', () => {
  it('every operation has one, a camel-case identifier a generated client can use as a method name', () => {
    expect(operations.length).toBeGreaterThan(150)
    expect(operations.filter(({ operationId }) => typeof operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(operationId)).map(({ key }) => key)).toEqual([])
  })

  it('no two operations share one', () => {
    const seen = new Map<string, string[]>()
    for (const { key, operationId } of operations) seen.set(String(operationId), [...(seen.get(String(operationId)) ?? []), key])
    expect([...seen].filter(([, keys]) => keys.length > 1)).toEqual([])
  })

  it('the name table of hand-described endpoints names no endpoint that is not described', () => {
    expect(Object.keys(customOperationIds).filter((key) => !(key in customOperations))).toEqual([])
  })

  it('keep the names clients are built on', () => {
    const idOf = (key: string) => operations.find((operation) => operation.key === key)?.operationId
    expect(idOf('GET /api/webinars')).toBe('listWebinars')
    expect(idOf('GET /api/webinars/{id}')).toBe('getWebinar')
    expect(idOf('POST /api/webinars')).toBe('createWebinar')
    expect(idOf('PATCH /api/webinars/{id}')).toBe('updateWebinar')
    expect(idOf('DELETE /api/webinars/{id}')).toBe('deleteWebinar')
    expect(idOf('GET /api/categories')).toBe('listCategories')
    expect(idOf('GET /api/categories/{id}')).toBe('getCategory')
    expect(idOf('GET /api/media/{id}')).toBe('getMedia')
    expect(idOf('POST /api/users/login')).toBe('loginUser')
    expect(idOf('GET /api/users/me')).toBe('getCurrentUser')
    expect(idOf('POST /api/webinars/{id}/register')).toBe('registerForWebinar')
    expect(idOf('POST /api/courses/{id}/enroll')).toBe('enrollInCourse')
    expect(idOf('GET /api/certificates/verify/{code}')).toBe('verifyCertificate')
    expect(idOf('POST /api/leads')).toBe('submitLead')
    expect(idOf('GET /api/globals/business-settings')).toBe('getBusinessSettings')
  })
})
