import { errorChain } from '../utilities/errorChain'

/**
 * Errors that mean "PostgreSQL cannot be reached right now" rather than "this request is wrong":
 * the server is down or restarting, the connection was cut, or no connection could be had in time.
 * They are answered 503 with Retry-After; nothing was written, because a transaction that loses its
 * connection is rolled back by PostgreSQL.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /connect ECONNREFUSED/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
]

export const DATABASE_RETRY_AFTER_SECONDS = 5
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable right now. Please try again in a few seconds.'

/** True when `error`, or anything it wraps (drizzle and GraphQL wrap pg's errors), says the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const { code, message } = link as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true
    return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  })
}

/** The answer for routes outside Payload's own error handling (the rate limiter in front of it). */
export const databaseUnavailableResponse = () =>
  Response.json(
    { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
    { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  )
