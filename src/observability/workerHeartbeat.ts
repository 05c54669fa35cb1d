import type { Payload } from 'payload'

import { getClock } from '../utilities/clock'
import { poolOf } from './database'

/** One row in Payload's key-value table, written by whichever worker ticked last. */
const HEARTBEAT_KEY = 'aula:worker-heartbeat'

/**
 * Call once per worker tick (src/bin/worker.ts): /api/health reports how long ago a worker last
 * ran. An upsert, so any number of workers can write it at once.
 */
export async function recordWorkerHeartbeat(payload: Payload): Promise<void> {
  const at = getClock(payload).now().toISOString()
  await poolOf(payload).query(
    `INSERT INTO payload_kv (key, data) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`,
    [HEARTBEAT_KEY, JSON.stringify({ at })],
  )
}

export async function lastWorkerHeartbeat(payload: Payload): Promise<Date | null> {
  const { rows } = await poolOf(payload).query<{ data: { at?: string } }>('SELECT data FROM payload_kv WHERE key = $1', [HEARTBEAT_KEY])
  const at = rows[0]?.data?.at
  return at ? new Date(at) : null
}
