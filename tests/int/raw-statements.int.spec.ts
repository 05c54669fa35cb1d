import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'

import { compileStatement, statementsFor } from '../../src/db/rawStatements'
import { isDatabaseUnavailable } from '../../src/db/databaseAvailability'
import { pgErrorCode, UNIQUE_VIOLATION } from '../../src/db/pgErrorCode'
import { poolDrizzle } from '../../src/email/database'
import { startTestAula, type TestAula } from '../helpers/aula'

/**
 * Aula's hand-written statements run without drizzle's query building (src/db/rawStatements.ts). The
 * compiled text and values must be exactly drizzle's for every shape the code base writes, and what
 * only drizzle compiles must go to drizzle.
 */
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

const drizzleBuild = (query: ReturnType<typeof sql>) => {
  const built = new PgDialect().sqlToQuery(query)
  return { text: built.sql, values: built.params }
}

describe('statements compiled without drizzle', () => {
  const when = new Date('2030-01-02T03:04:05.000Z')
  const shapes: Record<string, ReturnType<typeof sql>> = {
    'text and values': sql`SELECT id FROM users WHERE email = ${'ana@example.com'} AND id > ${5} AND verified = ${true} LIMIT 1`,
    'null, a date, a JSON object and a bigint text': sql`INSERT INTO t (a, b, c, d) VALUES (${null}, ${when}, ${{ a: [1, 'dos'] }}::jsonb, ${'9007199254740993'})`,
    'nested statements and an empty one': sql`SELECT 1 ${sql`WHERE x = ${1} ${sql``}`} ${sql`AND y = ${'z'}`}`,
    'sql.join, sql.identifier and sql.raw': sql`INSERT INTO ${sql.identifier('audit_log')} (${sql.join([sql.identifier('a'), sql.identifier('b')], sql`, `)}) VALUES (${sql.join([sql`${1}`, sql`${'b'}`], sql`, `)}) ${sql.raw('RETURNING id')}`,
    'a list expands into parentheses': sql`SELECT * FROM t WHERE id IN ${[1, 2, 3]} AND kind IN ${['a', sql`${'b'}`]}`,
    'an absent part': sql`SELECT 1 ${undefined} FROM t`,
    'an array value inside a param (a text[] column)': sql`SELECT ${sql.param(['a', 'b'])}::text[]`,
  }
  for (const [name, query] of Object.entries(shapes)) {
    it(`builds ${name} exactly as drizzle does`, () => {
      expect(compileStatement(query)).toEqual(drizzleBuild(query))
    })
  }

  it('leaves to drizzle what only drizzle compiles (inlined params, placeholders)', () => {
    expect(compileStatement(sql`SELECT ${'x'}`.inlineParams())).toBeNull()
    expect(compileStatement(sql`SELECT ${sql.placeholder('p')}`)).toBeNull()
  })

  it('answers and fails as drizzle does: rows with dates as text, pg errors wrapped with their code', async () => {
    const drizzle = poolDrizzle(aula.payload)
    const runner = await statementsFor({ payload: aula.payload })
    const query = sql`SELECT ${when}::timestamptz AS at, ${'2030-01-02'}::date AS day, 2::int AS n, ${{ a: 1 }}::jsonb AS doc`
    const ours = await runner.execute(query)
    const theirs = (await drizzle.execute(query)) as unknown as { rows: unknown[] }
    expect(ours.rows).toEqual(theirs.rows)
    expect(typeof ours.rows[0]!.at).toBe('string')

    const clash = sql`SELECT * FROM (VALUES (1)) v(a) WHERE a = ${1} AND 1 / 0 = 1`
    const ourError = await runner.execute(clash).then(() => null, (error: unknown) => error)
    const theirError = await drizzle.execute(clash).then(() => null, (error: unknown) => error)
    expect((ourError as Error).name).toBe((theirError as Error).name)
    expect((ourError as Error).message).toBe((theirError as Error).message)
    expect(pgErrorCode(ourError)).toBe('22012')
    expect(isDatabaseUnavailable(ourError)).toBe(false)

    await runner.execute(sql`CREATE TABLE raw_statements_unique (k text UNIQUE)`)
    try {
      await runner.execute(sql`INSERT INTO raw_statements_unique VALUES (${'a'})`)
      expect(pgErrorCode(await runner.execute(sql`INSERT INTO raw_statements_unique VALUES (${'a'})`).catch((error: unknown) => error))).toBe(UNIQUE_VIOLATION)
    } finally {
      await runner.execute(sql`DROP TABLE raw_statements_unique`)
    }
  })
})
