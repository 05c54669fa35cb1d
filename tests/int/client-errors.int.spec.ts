import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

describe('values the database cannot read are the caller’s mistake', () => {
  it.each([
    ['a word among the ids of a filter', '/webinars?where[id][in]=1,abc'],
    ['a word as a relationship id in a filter', '/webinars?where[speakers][equals]=abc'],
    ['a status that does not exist', '/webinars?where[status][equals]=bogus'],
  ])('%s answers 400, not 500', async (_, path) => {
    const response = await aula.api.get(path)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/^Bad request: /)
  })

  it('a NUL byte in a filter is refused before SQL, naming the clause', async () => {
    const response = await aula.api.get('/webinars?where[title][equals]=%00')
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([{ path: 'where.title.equals', message: 'A filter value cannot contain a NUL byte.' }])
  })

  it.each([
    ['a word as a webinar id', '/webinars/abc'],
    ['a number too large for an id', '/webinars/1e99'],
    ['a word as a course id', '/courses/abc'],
  ])('%s is a 404: an id names one document exactly or none', async (_, path) => {
    expect((await aula.api.get(path)).status).toBe(404)
  })

  it('GraphQL says the same in the error: statusCode 400 and the reason, not "Something went wrong"', async () => {
    const response = await aula.api.graphql('{ Webinars(where: { speakers: { equals: "abc" } }) { docs { id } } }')
    expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Bad request: /), extensions: { statusCode: 400 } })
  })

  it('a cut-off multipart login answers 400', async () => {
    const boundary = 'aula-boundary'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nana@example.com\r\n--${boundary}\r\nContent-Disposition: form-da`
    const response = await aula.api.request('POST', '/users/login', { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })
    expect(response.status).toBeLessThan(500)
    expect(response.status).toBeGreaterThanOrEqual(400)
  })
})
