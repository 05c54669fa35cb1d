import { errorChain } from '../utilities/errorChain'

/**
 * Errors that mean "PostgreSQL cannot be reached right now" rather than "this request is wrong":
 * the server is down or restarting, the connection was cut, or no connection could be had in time.
 * They are answered 503 with Retry-After; nothing was written, because a transaction that loses its
 * connection is rolled back by PostgreSQL.
 */
/** PostgreSQL's own words for "not now": these can only come from the database. */
const POSTGRES_CODES = new Set([
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
const POSTGRES_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
]
/** A cut or refused socket: the database's only when the error is about a query or a transaction (SMTP and Stripe fail the same way). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const isDatabaseContext = (link: { name?: unknown; message?: unknown }) =>
  link.name === 'DrizzleQueryError' || (typeof link.message === 'string' && /^(Failed query|cannot begin transaction)/i.test(link.message))

export const DATABASE_RETRY_AFTER_SECONDS = 5
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable right now. Please try again in a few seconds.'

/**
 * True when `error`, or anything it wraps (drizzle and GraphQL wrap pg's errors), says the database
 * is out of reach. `socketErrorsMeanDatabase` is for callers whose only network peer is PostgreSQL.
 */
export function isDatabaseUnavailable(error: unknown, { socketErrorsMeanDatabase = false } = {}): boolean {
  const chain = errorChain(error) as { code?: unknown; message?: unknown; name?: unknown }[]
  const aboutTheDatabase = socketErrorsMeanDatabase || chain.some(isDatabaseContext)
  return chain.some(({ code, message }) => {
    if (typeof code === 'string' && (POSTGRES_CODES.has(code) || (aboutTheDatabase && SOCKET_CODES.has(code)))) return true
    if (typeof message !== 'string') return false
    return POSTGRES_MESSAGES.some((pattern) => pattern.test(message)) || (aboutTheDatabase && /connect ECONNREFUSED/i.test(message))
  })
}

/** The answer for routes outside Payload's own error handling (the rate limiter in front of it). */
export const databaseUnavailableResponse = () =>
  Response.json(
    { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
    { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  )
