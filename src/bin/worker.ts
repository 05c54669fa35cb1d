import cron from 'node-cron'
import { getPayload } from 'payload'

import { closePayload } from '../db/closePayload'
import { runWorkerTick } from '../jobs/runner/runWorkerTick'
import { recordWorkerHeartbeat } from '../observability/workerHeartbeat'
import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/**
 * `npm run worker`: the job runner as its own process (docker-compose's `worker` service).
 * Every few seconds it queues scheduled jobs and runs what is due. Run as many as you like: jobs are
 * claimed atomically and schedules queued under a lock (docs/decisions/0006-parallel-workers.md).
 */
loadDotEnv()
const database = await useDevDatabase({ push: false })
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, cron: false })
const everySeconds = Math.max(1, Number(process.env.WORKER_INTERVAL_SECONDS) || 5)

let running: Promise<unknown> = Promise.resolve()
const tick = async () => {
  await recordWorkerHeartbeat(payload) // /api/health reports when a worker last ticked
  await runWorkerTick(payload, { limit: 100 })
}
const task = cron.schedule(
  `*/${everySeconds} * * * * *`,
  () => {
    running = tick().catch((error: unknown) => payload.logger.error({ err: error, msg: 'Worker tick failed' }))
    return running
  },
  { noOverlap: true, name: 'aula-worker' },
)
payload.logger.info(`Aula worker running jobs every ${everySeconds}s`)

const stop = async () => {
  await task.stop()
  await running
  await closePayload(payload)
  await database.stop()
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => void stop())
}
