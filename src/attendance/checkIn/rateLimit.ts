import type { Pool } from 'pg'
import { APIError, type PayloadRequest } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { say } from '../../i18n/say'
import { addressKey, emailKey } from '../../rateLimit/bucketKey'
import { clientAddress } from '../../rateLimit/clientAddress'
import { normalizeEmail } from '../../rateLimit/emails'
import { readRateLimits } from '../../rateLimit/rules'

/**
 * Guessing a 6-digit code is what this stops: every check-in attempt draws on the student's own
 * budget and on their address's. A classroom shares one address behind its router, so that budget
 * is wide; a person's is narrow (10 tries per 10 minutes make 135 guesses in a whole session, of a
 * million codes). Counters live with the other limits (the `rate_limits` table, docs/rate-limits.md).
 */
export interface CheckInLimits {
  enabled: boolean
  perUser: number
  perIp: number
  windowSeconds: number
  trustedProxyHops: number
}

type Env = Record<string, string | undefined>
const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback)

export function readCheckInLimits(env: Env = process.env): CheckInLimits {
  const shared = readRateLimits(env)
  return {
    enabled: shared.enabled,
    perUser: positive(env.RATE_LIMIT_CHECK_IN_PER_USER, 10),
    perIp: positive(env.RATE_LIMIT_CHECK_IN_PER_IP, 300),
    windowSeconds: shared.auth.windowSeconds,
    trustedProxyHops: shared.trustedProxyHops ?? 0,
  }
}

const limiters = new Map<string, RateLimiterPostgres>()
function limiterFor(pool: Pool, scope: 'user' | 'ip', points: number, duration: number) {
  const name = `${scope}:${points}:${duration}`
  let limiter = limiters.get(name)
  if (!limiter) {
    limiter = new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false, keyPrefix: `checkIn:${scope}`, points, duration })
    limiters.set(name, limiter)
  }
  return limiter
}

/** Whose budget an attempt draws on: the logged-in student, or the email typed into the check-in page's login. */
export const personKey = (req: PayloadRequest, email?: string) => (req.user ? `user:${req.user.id}` : emailKey(normalizeEmail(email ?? '')))

/** One attempt (a code, or a login on the check-in page); a 429 once the person's or the address's budget is spent. */
export async function countCheckInAttempt(req: PayloadRequest, person: string, limits: CheckInLimits = readCheckInLimits()): Promise<void> {
  if (!limits.enabled) return
  const pool = (req.payload.db as unknown as { pool: Pool }).pool
  try {
    await limiterFor(pool, 'user', limits.perUser, limits.windowSeconds).consume(person)
    await limiterFor(pool, 'ip', limits.perIp, limits.windowSeconds).consume(addressKey(clientAddress(req.headers, limits.trustedProxyHops)))
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    const minutes = Math.ceil(seconds / 60)
    throw new APIError(
      say(req, { es: `Demasiados intentos. Vuelve a intentarlo en ${minutes} min.`, en: `Too many attempts. Try again in ${minutes} min.` }),
      429,
      { retryAfterSeconds: seconds },
      true,
    )
  }
}
