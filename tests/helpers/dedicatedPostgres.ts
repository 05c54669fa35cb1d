import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embeddedPostgres'
import { databaseUri, TEMPLATE_DATABASE } from './testDatabase'

/**
 * A PostgreSQL server of a test file's own, for tests that stop and start the database: the shared
 * server of `npm test` must stay up for every other file. Holds Aula's schema (built the way
 * globalSetup builds the template) in `uri`.
 */
export interface DedicatedPostgres {
  uri: string
  stop(): Promise<void>
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>
}

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-fault-pg-'))
  fs.chmodSync(dir, 0o755)
  const dataDir = path.join(dir, 'data')
  let server: RunningPostgres | null = await startEmbeddedPostgres({ dataDir, port: 0, database: 'postgres', fast: true })
  const port = server.port
  const adminUri = server.uri('postgres')
  const built = spawnSync(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'tests/helpers/prepareTemplate.ts'], {
    env: { ...process.env, TEMPLATE_URI: databaseUri(TEMPLATE_DATABASE, adminUri), ADMIN_URI: adminUri },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) throw new Error('Could not create the schema on the dedicated PostgreSQL.')
  return {
    uri: databaseUri(TEMPLATE_DATABASE, adminUri),
    async stop() {
      await server?.stop()
      server = null
    },
    async restart() {
      server = await startEmbeddedPostgres({ dataDir, port, database: 'postgres', fast: true })
      if (server.port !== port) throw new Error(`PostgreSQL came back on port ${server.port}, not ${port}.`)
    },
    async destroy() {
      await server?.stop()
      server = null
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
