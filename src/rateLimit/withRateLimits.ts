import type { Pool } from 'pg'
import { getPayload, type SanitizedConfig } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { checkRole, STAFF_ROLES } from '../access'
import { databaseUnavailableResponse, isDatabaseUnavailable } from '../db/databaseAvailability'
import { readRateLimits, ruleFor, type RateLimitRule, type RateLimitSettings } from './rules'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

const limiters = new Map<string, RateLimiterPostgres>()
const limiterFor = (pool: Pool, rule: RateLimitRule, scope: 'ip' | 'email') => {
  const key = `${rule.name}:${scope}:${rule.perIp}:${rule.perEmail}:${rule.windowSeconds}`
  let limiter = limiters.get(key)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: `${rule.name}:${scope}`,
      points: scope === 'ip' ? rule.perIp : rule.perEmail,
      duration: rule.windowSeconds,
    })
    limiters.set(key, limiter)
  }
  return limiter
}

/**
 * The client's address as the reverse proxy reports it (Next.js route handlers do not see the
 * socket). Behind no proxy every anonymous caller shares one bucket; see docs/rate-limits.md.
 */
const clientIp = (request: Request) =>
  request.headers.get('x-forwarded-for')?.split(',')[0].trim() || request.headers.get('x-real-ip')?.trim() || 'unknown'

async function readEmailAndQuery(request: Request): Promise<{ email?: string; query?: string }> {
  if (!(request.headers.get('content-type') ?? '').includes('json')) return {}
  try {
    const body = (await request.clone().json()) as Record<string, unknown>
    const variables = (body.variables ?? {}) as Record<string, unknown>
    const person = (variables.person ?? {}) as Record<string, unknown>
    const email = [body.email, variables.email, person.email].find((value) => typeof value === 'string') as string | undefined
    return { email: email?.trim().toLowerCase(), query: typeof body.query === 'string' ? body.query : undefined }
  } catch {
    return {}
  }
}

const tooMany = (rejection: RateLimiterRes) => {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  return Response.json(
    { errors: [{ message: `Too many requests. Try again in ${seconds} seconds.` }] },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  )
}

/**
 * Wraps Payload's POST route handlers: public writes (register, enroll, leads), login and
 * forgot-password answer 429 with `Retry-After` once a client IP or an email address has used up its
 * budget. Counters live in PostgreSQL, so several app instances share them. Staff are not limited.
 */
export function withRateLimits<A extends unknown[]>(
  handler: Handler<A>,
  config: Promise<SanitizedConfig> | SanitizedConfig,
  settings: RateLimitSettings = readRateLimits(),
): Handler<A> {
  return async (request, ...rest) => {
    if (!settings.enabled) return handler(request, ...rest)
    try {
      return await limited(request, ...rest)
    } catch (error) {
      // The counters live in PostgreSQL: while it is unreachable, answer like Payload's routes do.
      if (isDatabaseUnavailable(error, { socketErrorsMeanDatabase: true })) return databaseUnavailableResponse()
      throw error
    }
  }

  async function limited(request: Request, ...rest: A): Promise<Response> {
    const { email, query } = await readEmailAndQuery(request)
    const rule = ruleFor(settings, new URL(request.url).pathname, query)
    if (!rule) return handler(request, ...rest)
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    if (checkRole(STAFF_ROLES, user)) return handler(request, ...rest)
    const pool = (payload.db as unknown as { pool: Pool }).pool
    try {
      await limiterFor(pool, rule, 'ip').consume(clientIp(request))
      if (email) await limiterFor(pool, rule, 'email').consume(email)
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return tooMany(rejection)
      throw rejection
    }
    return handler(request, ...rest)
  }
}
