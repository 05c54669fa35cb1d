import { spawn, type ChildProcess } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { getPayload } from 'payload'

import { stopProcessGroup } from '../../../src/bin/stopProcessGroup'
import { useDevDatabase } from '../../../src/bin/database'
import { closePayload } from '../../../src/db/closePayload'
import { seed } from '../../../src/seed'

/**
 * What the browser specs drive (adminApp() runs this as its own process group): the shape
 * docker-compose deploys — a `next build` served by `npm start`, `npm run worker` beside it — on an
 * embedded PostgreSQL seeded as `npm run dev` seeds it. `next dev` compiles on demand: on the CI
 * machine it answered the specs' admin pages in 3.2 s on average and the admin's background calls in
 * about 1 s, which made the browser specs 44 of CI's 73 minutes; the build answers in milliseconds.
 * `E2E_APP=dev` runs the specs against `npm run dev` instead (adminApp.ts).
 *
 * SIGTERM stops the worker and the server first and PostgreSQL last, as `npm run dev` does.
 */
const DIST_DIR = '.next-e2e'

const database = await useDevDatabase({ push: true })
// Set before seeding, so what the seed signs or derives is what the production server checks.
process.env.PAYLOAD_SECRET ||= randomBytes(32).toString('hex')
process.env.CERTIFICATE_SIGNING_KEY ||= JSON.stringify({
  ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
  kid: 'aula-e2e',
})
const { default: config } = await import('../../../payload.config')
const payload = await getPayload({ config, cron: false })
await seed(payload)
await closePayload(payload)

const production: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  // The schema is there (pushed above); production never pushes.
  AULA_EMBEDDED_DATABASE: '',
  // The staff-accounts spec checks the playground page loads nothing from another host.
  GRAPHQL_PLAYGROUND: 'on',
  JOBS_AUTORUN: 'false',
  NEXT_DIST_DIR: DIST_DIR,
  NEXT_TELEMETRY_DISABLED: '1',
}

const signalGroup = (pid: number | undefined, signal: NodeJS.Signals) => {
  try {
    if (pid) process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

const exitCode = (child: ChildProcess) => new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))

// Always built: a build left from an earlier run would test earlier code. Turbopack's cache makes a rebuild quick.
const started = performance.now()
const build = spawn('npm', ['run', 'build'], { env: production, stdio: 'inherit' })
const built = await exitCode(build)
if (built !== 0) {
  await database.stop()
  console.error(`next build failed (exit ${built})`)
  process.exit(1)
}
console.log(`[e2e] next build into ${DIST_DIR}: ${((performance.now() - started) / 1000).toFixed(0)} s`)

// Their own process groups, so each is stopped whole (npm, tsx and node) before PostgreSQL.
const server = spawn('npm', ['start'], { env: production, stdio: 'inherit', detached: true })
const worker = spawn('npm', ['run', 'worker'], { env: { ...production, WORKER_INTERVAL_SECONDS: '1' }, stdio: 'inherit', detached: true })

let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  // Signalled before the first await: a SIGTERM to this group reaches tsx twice (directly and relayed by
  // npm), and tsx kills this script at the second one — seen leaving every run's `npm start` behind.
  for (const child of [worker, server]) signalGroup(child.pid, 'SIGTERM')
  await Promise.all([stopProcessGroup(worker.pid), stopProcessGroup(server.pid)])
  await database.stop()
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => void stop(0))
}
// Either one gone means the specs would wait on something that no longer answers: say so and stop.
for (const [name, child] of [['npm start', server], ['npm run worker', worker]] as const) {
  child.on('exit', (code) => {
    if (stopping) return
    console.error(`[e2e] ${name} exited (${code})`)
    void stop(1)
  })
}
