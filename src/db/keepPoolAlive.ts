import type { Payload } from 'payload'

/**
 * When PostgreSQL stops or restarts, every idle client in the pool receives an error, and pg's Pool
 * re-emits it as an `error` event; with no listener that event is thrown and kills the process. The
 * Postgres adapter listens only on the one client it keeps for itself, so Aula listens on the pool:
 * the dead client is dropped by the pool, and the next query opens a fresh connection.
 */
export function keepPoolAlive(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: { on: (event: 'error', listener: (error: Error) => void) => void } }).pool
  pool?.on('error', (error) => {
    payload.logger.warn({ msg: `PostgreSQL connection lost (${(error as { code?: string }).code ?? error.message}); the pool will reconnect.` })
  })
}
