import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const TEMPLATE_DATABASE = 'aula_test_template'

const adminUri = () => {
  const uri = process.env.AULA_TEST_ADMIN_URI
  if (!uri) throw new Error('AULA_TEST_ADMIN_URI is unset: run the tests with `npm test`, which starts PostgreSQL.')
  return uri
}

export const databaseUri = (database: string, base = adminUri()) => {
  const url = new URL(base)
  url.pathname = `/${database}`
  return url.toString()
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>, uri = adminUri()): Promise<T> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A fresh database cloned from the schema-only template: milliseconds, and isolated from every other test file. */
export async function createTestDatabase(): Promise<{ uri: string; drop: () => Promise<void> }> {
  const name = `aula_test_${randomBytes(5).toString('hex')}`
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`))
  return {
    uri: databaseUri(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  }
}
