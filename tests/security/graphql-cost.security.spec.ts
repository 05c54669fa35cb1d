import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getIntrospectionQuery } from 'graphql'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { countStatements } from '../helpers/countStatements'

/**
 * Defect 2 of issue 14: one anonymous GraphQL request asked for 500 × 100 webinars and kept the
 * server busy for 35 s. A query is measured before any resolver runs and refused with a 400.
 */
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
  await createWebinar(aula.payload)
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const aliases = (count: number, field: string) => Array.from({ length: count }, (_, n) => `a${n}: ${field}`).join(' ')

const expectRefused = (response: { status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }, about: RegExp) => {
  expect(response.status).toBe(400)
  expect(response.body.data).toBeUndefined()
  const refusal = response.body.errors?.find((error) => error.extensions?.code === 'QUERY_TOO_COSTLY')
  expect(refusal?.message).toMatch(/asks for too much/)
  expect(refusal?.message).toMatch(about)
}

describe('GraphQL query cost', () => {
  it('500 aliases of Webinars(limit: 100) from an anonymous caller answer 400 at once and run no SQL', async () => {
    const started = Date.now()
    const { result, statements } = await countStatements(aula.payload, () => aula.api.graphql(`{ ${aliases(500, 'Webinars(limit: 100) { totalDocs }')} }`))
    expectRefused(result, /root fields and aliases/)
    expect(statements).toBe(0)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('21 cheap aliases are refused, whatever each one costs', async () => {
    expectRefused(await aula.api.graphql(`{ ${aliases(21, 'Webinars(limit: 1) { totalDocs }')} }`), /root fields/)
  })

  it('a few aliases asking for many documents each are refused on the document count', async () => {
    const { result, statements } = await countStatements(aula.payload, () => aula.api.graphql(`{ ${aliases(3, 'Webinars(limit: 400) { docs { id } }')} }`))
    expectRefused(result, /documents/)
    expect(statements).toBe(0)
  })

  it('a limit sent in variables counts like a written one', async () => {
    expectRefused(await aula.api.graphql('query ($n: Int) { Webinars(limit: $n) { totalDocs } }', { n: 5000 }), /documents/)
    expectRefused(await aula.api.graphql('query ($n: Int = 5000) { Webinars(limit: $n) { totalDocs } }'), /documents/)
  })

  it('limit: 0 and pagination: false (every document) are refused', async () => {
    expectRefused(await aula.api.graphql('{ Webinars(limit: 0) { totalDocs } }'), /every document/)
    expectRefused(await aula.api.graphql('{ Webinars(pagination: false) { docs { id } } }'), /every document/)
  })

  it('omitted limits count as Payload’s default of 10, through fragments too', async () => {
    const fragment = 'fragment Lists on Query { a: Courses { totalDocs } }'
    expect((await aula.api.graphql(`{ Webinars(limit: 990) { totalDocs } ...Lists } ${fragment}`)).status).toBe(200)
    expectRefused(await aula.api.graphql(`{ Webinars(limit: 990) { totalDocs } ...Lists b: Categories { totalDocs } } ${fragment}`), /documents/)
  })

  it('nesting deeper than 20 levels is refused (the playground’s introspection needs 15)', async () => {
    const nested = Array.from({ length: 21 }).reduce<string>((inner) => `ofType { ${inner} }`, 'name')
    expectRefused(await aula.api.graphql(`{ __schema { types { fields { type { ${nested} } } } } }`), /levels of nesting/)
  })

  it('fragments spreading fragments (2^40 selections once expanded, hours for Payload’s complexity rule) are refused quickly', async () => {
    const fragments = Array.from({ length: 40 }, (_, n) => (n === 39 ? `fragment F${n} on Webinar { id }` : `fragment F${n} on Webinar { ...F${n + 1} ...F${n + 1} }`))
    const started = Date.now()
    const { result, statements } = await countStatements(aula.payload, () => aula.api.graphql(`{ Webinars(limit: 1) { docs { ...F0 } } } ${fragments.join(' ')}`))
    expectRefused(result, /complexity/)
    expect(statements).toBe(0)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('ordinary queries, a page of 100 webinars and the playground’s introspection still work', async () => {
    const page = await aula.api.graphql('{ Webinars(limit: 100) { docs { id title } totalDocs } Categories { docs { name } } }')
    expect(page.status).toBe(200)
    expect(page.body.errors).toBeUndefined()
    expect(page.body.data.Webinars.totalDocs).toBeGreaterThan(0)
    const introspection = await aula.api.graphql(getIntrospectionQuery())
    expect(introspection.status).toBe(200)
    expect(introspection.body.errors).toBeUndefined()
    expect(introspection.body.data.__schema.types.length).toBeGreaterThan(10)
  })
})
