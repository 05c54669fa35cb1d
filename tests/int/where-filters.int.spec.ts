import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'

/** Filters Postgres cannot run are refused with a 400 naming the clause; the ones it can run still work. */
let aula: TestAula
let webinarId: number

beforeAll(async () => {
  aula = await startTestAula()
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Lucía Fernández' }, overrideAccess: true })
  webinarId = (await createWebinar(aula.payload, { title: 'Excel avanzado', capacity: 40, speakers: [speaker.id] })).id
  await createWebinar(aula.payload, { title: 'Liderazgo', capacity: 25 })
})

afterAll(async () => {
  await aula.close()
})

describe('filters that cannot run are a 400 naming the clause', () => {
  it.each([
    ['text matching on a select', 'where[status][like]=pub', 'where.status.like'],
    ['text matching on a number', 'where[capacity][contains]=4', 'where.capacity.contains'],
    ['text matching on a date', 'where[startsAt][contains]=2030', 'where.startsAt.contains'],
    ['text matching on the id, inside or', 'where[or][0][id][not_like]=1', 'where.or.0.id.not_like'],
    ['a map operator on text', 'where[title][near]=1,2', 'where.title.near'],
    ['a map operator on a number', 'where[capacity][within]=1', 'where.capacity.within'],
    ['the unimplemented all operator', 'where[title][all]=Excel', 'where.title.all'],
    ['a filter through two relationships', 'where[speakers.user.email][like]=a', 'where.speakers.user.email.like'],
  ])('%s', async (_, query, path) => {
    const response = await aula.api.get(`/webinars?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual([path])
  })

  it('contains inside a JSON field (the email log’s variables), for an editor', async () => {
    const editor = await aula.createUser(['editor'])
    const response = await aula.api.get('/email-log?where[variables.firstName][contains]=Ana', { token: editor.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['where.variables.firstName.contains'])
  })

  it.each([
    ['exists', 'where[item][exists]=true', 'where.item.exists'],
    ['a bare value', 'where[or][0][item][equals]=&where[or][1][status][equals]=confirmed', 'where.or.0.item.equals'],
    ['in', 'where[item][in][0][relationTo]=webinars&where[item][in][0][value]=1', 'where.item.in'],
  ])('a link to webinars or courses filtered as a whole with %s (a 500 in Payload’s Postgres adapter), for an admin', async (_, query, path) => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.get(`/enrollments?${query}`, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual([path])
  })

  it('names every bad clause of one query at once', async () => {
    const response = await aula.api.get('/webinars?where[and][0][status][like]=a&where[and][1][title][near]=1,2')
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['where.and.0.status.like', 'where.and.1.title.near'])
  })

  it('GraphQL answers the same filter with an error, not a crash', async () => {
    const response = await aula.api.graphql('{ Webinars(where: { capacity: { near: [1, 2] } }) { docs { id } } }', {})
    expect(response.status).toBeLessThan(500)
    expect(response.body.errors?.length ?? 0).toBeGreaterThan(0)
  })
})

describe('filters Postgres can run keep working', () => {
  it('a link to webinars or courses compared as a whole with both its collection and id', async () => {
    const admin = await aula.createUser(['admin'])
    const response = await aula.api.get(`/enrollments?where[item][equals][relationTo]=webinars&where[item][equals][value]=${webinarId}`, { token: admin.token })
    expect(response.status).toBe(200)
  })


  it.each([
    ['words in the title', 'where[title][like]=excel%20avanzado'],
    ['a speaker’s name, one relationship away', 'where[speakers.name][like]=lucía'],
    ['like on a number, read as equals', 'where[capacity][like]=40'],
    ['a number comparison', 'where[capacity][greater_than]=30'],
  ])('%s', async (_, query) => {
    const response = await aula.api.get(`/webinars?${query}`)
    expect(response.status).toBe(200)
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).toEqual([webinarId])
  })
})
