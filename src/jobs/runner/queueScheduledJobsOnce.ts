import { createLocalReq, type Payload } from 'payload'

import { inTransaction, sql, sqlFor } from '../../enrollment/transaction'

/** 'aula' in ASCII: any fixed number, the same in every process, names the lock that makes one scheduler at a time. */
const SCHEDULING_LOCK = 0x61756c61

/**
 * Payload's `handleSchedules` counts a task's pending scheduled jobs and queues one when there is
 * none: two workers counting at once both queue it. Here one transaction holds a Postgres advisory
 * lock while it counts and queues; a worker that cannot take the lock skips this tick, since
 * another is scheduling right now. The lock ends with the transaction, even if the worker dies.
 */
export async function queueScheduledJobsOnce(payload: Payload, queue = 'default'): Promise<void> {
  const req = await createLocalReq({}, payload)
  await inTransaction(req, async () => {
    const { rows } = await (await sqlFor(req)).execute(sql`SELECT pg_try_advisory_xact_lock(${SCHEDULING_LOCK}) AS locked`)
    if (rows[0]?.locked !== true) return
    await payload.jobs.handleSchedules({ queue, req })
  })
}
