import cron from 'node-cron'
import { getPayload } from 'payload'

import { closePayload } from '../db/closePayload'
import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/**
 * `npm run worker`: the job runner as its own process (docker-compose's `worker` service).
 * Every few seconds it queues scheduled jobs and runs what is due. Run one worker per queue;
 * see docs/decisions/0003-job-queue-and-worker.md for why and for what makes two of them safe.
 */
loadDotEnv()
const database = await useDevDatabase({ push: false })
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, cron: false })
const everySeconds = Math.max(1, Number(process.env.WORKER_INTERVAL_SECONDS) || 5)

let running: Promise<unknown> = Promise.resolve()
const tick = async () => {
  if (!(payload.collections as Record<string, unknown>)['payload-jobs']) return // no task is configured yet
  await payload.jobs.handleSchedules()
  await payload.jobs.run({ limit: 100 })
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
