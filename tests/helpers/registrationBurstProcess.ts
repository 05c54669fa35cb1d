/**
 * A second Aula application process for tests that need two (Payload keeps one instance per
 * process): `tsx tests/helpers/registrationBurstProcess.ts` with BURST_DATABASE_URI, BURST_PATHS
 * (a JSON list such as `["/webinars/7/register"]`, taken in turn), BURST_COUNT, BURST_PREFIX and
 * BURST_BODY (JSON merged into each body). It starts Aula on the shared database, prints `ready`, waits for a line on stdin, sends
 * the registrations all at once through the real route handlers, prints `statuses <json>` and exits.
 */
import readline from 'node:readline'

import { startTestAula } from './aula'

const { BURST_DATABASE_URI, BURST_PATHS, BURST_COUNT, BURST_PREFIX, BURST_BODY } = process.env
const aula = await startTestAula({ databaseUri: BURST_DATABASE_URI, poolMax: 30 })
console.log('ready')
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once('line', () => resolve()))
const extra = JSON.parse(BURST_BODY ?? '{}') as Record<string, unknown>
const paths = JSON.parse(BURST_PATHS ?? '[]') as string[]
const responses = await Promise.all(
  Array.from({ length: Number(BURST_COUNT) }, (_, n) =>
    aula.api.post(paths[n % paths.length], { email: `${BURST_PREFIX}-${n}@example.com`, firstName: 'Otra', lastName: `Instancia ${n}`, ...extra }),
  ),
)
console.log(`statuses ${JSON.stringify(responses.map((response) => response.status))}`)
await aula.close()
process.exit(0)
