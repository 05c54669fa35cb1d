import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { TEMPLATE_DATABASE } from './testDatabase'

/**
 * Once per `npm test`: a PostgreSQL server (a throwaway embedded cluster, or the one DATABASE_URI
 * names) and a template database holding Aula's schema. Each test file clones the template, so
 * files never see each other's rows and nobody waits for a schema push twice.
 */
export default async function globalSetup() {
  let adminUri: string
  if (process.env.DATABASE_URI) {
    adminUri = process.env.DATABASE_URI
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-test-pg-'))
    fs.chmodSync(dir, 0o755)
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, database: 'postgres', fast: true })
    adminUri = postgres.uri('postgres')
    ;(globalThis as Record<string, unknown>).__AULA_TEST_POSTGRES__ = { stop: postgres.stop, dir }
  }
  process.env.AULA_TEST_ADMIN_URI = adminUri
  const templateUri = withDatabase(adminUri, TEMPLATE_DATABASE)
  const result = spawnSync(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'tests/helpers/prepareTemplate.ts'], {
    env: { ...process.env, TEMPLATE_URI: templateUri, ADMIN_URI: adminUri },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) {
    const how = result.error ? String(result.error) : result.signal ? `killed by ${result.signal}` : `exit ${result.status}`
    throw new Error(`Could not build the test template database (${how}; see the output above).`)
  }
}

export const withDatabase = (uri: string, database: string) => {
  const url = new URL(uri)
  url.pathname = `/${database}`
  return url.toString()
}
