import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildConfig, getPayload, type Payload } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { closePayload } from '../../src/db/closePayload'
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'

export interface BenchDatabase {
  uri: string
  stop: () => Promise<void>
}

/** A throwaway embedded PostgreSQL (temporary folder, free port, no fsync) holding one empty database. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-bench-pg-'))
  fs.chmodSync(dir, 0o755)
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, database: 'aula_bench', fast: true })
  return {
    uri: postgres.uri('aula_bench'),
    async stop() {
      await postgres.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The real config on `uri` with push off, and the schema created by the committed migrations. */
export async function openMigratedPayload(uri: string): Promise<Payload> {
  const env = { ...readEnv(), databaseUri: uri, jobsAutorun: false }
  const config = await buildConfig(createAulaConfig({ env, push: false }))
  const payload = await getPayload({ config, cron: false })
  await payload.db.migrate()
  return payload
}

export { closePayload }
