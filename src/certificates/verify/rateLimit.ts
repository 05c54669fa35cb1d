import type { Pool } from 'pg'
import type { Payload } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { addressKey } from '../../rateLimit/bucketKey'
import { clientAddress } from '../../rateLimit/clientAddress'
import { readRateLimits } from '../../rateLimit/rules'

/**
 * Verification codes carry 192 random bits, so guessing is hopeless; the limit keeps anyone from
 * making it a free oracle or a cheap way to load the database. The JSON answer and the human page
 * share one budget per client address (`RATE_LIMIT_VERIFY_PER_IP` per `RATE_LIMIT_WINDOW_SECONDS`).
 * Generous on purpose: an HR office behind one address may check a stack of CVs in a morning.
 */
export interface VerifyLimits {
  enabled: boolean
  perIp: number
  windowSeconds: number
  trustedProxyHops: number
}

type Env = Record<string, string | undefined>
const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Math.floor(Number(value)) : fallback)

export function readVerifyLimits(env: Env = process.env): VerifyLimits {
  const shared = readRateLimits(env)
  return {
    enabled: shared.enabled,
    perIp: positive(env.RATE_LIMIT_VERIFY_PER_IP, 120),
    windowSeconds: shared.publicWrite.windowSeconds,
    trustedProxyHops: shared.trustedProxyHops ?? 0,
  }
}

const limiters = new Map<string, RateLimiterPostgres>()
function limiterFor(pool: Pool, points: number, duration: number) {
  const name = `${points}:${duration}`
  let limiter = limiters.get(name)
  if (!limiter) {
    limiter = new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false, keyPrefix: 'verify:ip', points, duration })
    limiters.set(name, limiter)
  }
  return limiter
}

/** One verification by this caller: null while within budget, else the seconds to wait (for `Retry-After`). */
export async function countVerification(payload: Payload, headers: Headers, limits: VerifyLimits = readVerifyLimits()): Promise<number | null> {
  if (!limits.enabled) return null
  const pool = (payload.db as unknown as { pool: Pool }).pool
  try {
    await limiterFor(pool, limits.perIp, limits.windowSeconds).consume(addressKey(clientAddress(headers, limits.trustedProxyHops)))
    return null
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  }
}
