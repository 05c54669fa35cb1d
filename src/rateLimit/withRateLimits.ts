import type { Pool } from 'pg'
import { getPayload, type SanitizedConfig } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { checkRole, STAFF_ROLES } from '../access'
import { databaseUnavailableResponse, isDatabaseUnavailable } from '../db/databaseAvailability'
import { addressKey, emailKey } from './bucketKey'
import { clientAddress } from './clientAddress'
import { emailsInBody } from './emails'
import { limitedGraphQLCalls } from './graphqlCalls'
import { resolvePayloadRoute } from './resolveRoute'
import { readRateLimits, ruleForRoute, type RateLimitRule, type RateLimitSettings } from './rules'

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

interface Call {
  rule: RateLimitRule
  emails: string[]
}

/** The budgets a request draws on: one call for a limited REST endpoint, one per limited mutation in GraphQL. */
async function limitedCalls(request: Request, args: unknown, config: Promise<SanitizedConfig> | SanitizedConfig, settings: RateLimitSettings): Promise<Call[]> {
  const params = (args as { params?: Promise<{ slug?: string[] }> } | undefined)?.params
  if (params) {
    const { slug = [] } = await params
    const rule = ruleForRoute(settings, resolvePayloadRoute(await config, request, slug))
    return rule ? [{ rule, emails: await emailsInBody(request) }] : []
  }
  // The GraphQL route (no catch-all params): graphql-http reads JSON bodies only.
  const body = await request
    .clone()
    .json()
    .catch(() => null)
  return limitedGraphQLCalls(body).map(({ rule, emails }) => ({ rule: settings[rule], emails }))
}

/** Consumes one point per call from the client's bucket and from each email's, rule by rule. */
async function consume(pool: Pool, calls: Call[], address: string) {
  for (const rule of new Set(calls.map((call) => call.rule))) {
    const ofRule = calls.filter((call) => call.rule === rule)
    await limiterFor(pool, rule, 'ip').consume(addressKey(address), ofRule.length)
    const perEmail = new Map<string, number>()
    for (const email of ofRule.flatMap((call) => call.emails)) perEmail.set(email, (perEmail.get(email) ?? 0) + 1)
    for (const [email, points] of perEmail) await limiterFor(pool, rule, 'email').consume(emailKey(email), points)
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
 * forgot-password answer 429 with `Retry-After` once a client address or an email address has used
 * up its budget. The endpoint is the one Payload resolves, emails are read from any body format it
 * accepts, every GraphQL mutation counts, and the address comes from the configured proxy hops
 * (docs/rate-limits.md). Counters live in PostgreSQL, so several app instances share them. Staff
 * are not limited.
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
    const calls = await limitedCalls(request, rest[0], config, settings)
    if (calls.length === 0) return handler(request, ...rest)
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    if (checkRole(STAFF_ROLES, user)) return handler(request, ...rest)
    const pool = (payload.db as unknown as { pool: Pool }).pool
    try {
      await consume(pool, calls, clientAddress(request.headers, settings.trustedProxyHops ?? 0))
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return tooMany(rejection)
      throw rejection
    }
    return handler(request, ...rest)
  }
}
