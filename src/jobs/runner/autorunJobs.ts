import type { Payload } from 'payload'

import { runWorkerTick } from './runWorkerTick'

const EVERY_MS = 5_000

/**
 * `jobs.autoRun` for the web process in development (JOBS_AUTORUN). Payload calls it only where
 * its crons start (the Next route handlers), so a CLI or the worker never runs it. Instead of
 * Payload's own runner, which does not claim atomically, it runs the worker's tick every five
 * seconds (never two at once), so a web process and `npm run worker` side by side never run one
 * job twice. The timer joins `payload.crons`, which `payload.destroy()` stops; Payload gets no cron of its own.
 */
export function autorunJobs(payload: Payload): [] {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    runWorkerTick(payload, { limit: 50 })
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'Job autorun failed' }))
      .finally(() => (running = false))
  }, EVERY_MS)
  timer.unref()
  payload.crons.push({ stop: () => clearInterval(timer) } as unknown as Payload['crons'][number])
  return []
}
