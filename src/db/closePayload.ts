import type { Payload } from 'payload'

interface PgPoolInternals {
  ended?: boolean
  end: () => Promise<void>
  on: (event: 'error', listener: (error: Error) => void) => void
  _clients?: { release?: (error?: Error | boolean) => void }[]
  _idle?: unknown[]
}

/**
 * `payload.destroy()` forgets the schema but leaves the Postgres pool open, and the adapter keeps
 * one client checked out for good (to watch for reconnects), so `pool.end()` alone never returns.
 * Hand that client back, end the pool, then let Payload clean up. A pool that outlived its server
 * would otherwise emit an unhandled 57P01 error when PostgreSQL stops.
 */
export async function closePayload(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: PgPoolInternals }).pool
  if (pool && !pool.ended) {
    pool.on('error', () => undefined)
    for (const client of pool._clients ?? []) {
      if (pool._idle?.some((idle) => (idle as { client?: unknown }).client === client) || !client.release) continue
      // A client some late operation still holds would be released twice (pg throws on that):
      // the owner's own release becomes a no-op.
      const release = client.release.bind(client)
      let released = false
      client.release = (error) => {
        if (released) return
        released = true
        release(error)
      }
      client.release()
    }
    await pool.end()
  }
  await payload.destroy()
}
