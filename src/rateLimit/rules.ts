/** Which requests are limited, and how hard. Counted per client IP and per email address. */
export interface RateLimitRule {
  name: 'auth' | 'publicWrite'
  perIp: number
  perEmail: number
  windowSeconds: number
}

export interface RateLimitSettings {
  enabled: boolean
  auth: RateLimitRule
  publicWrite: RateLimitRule
}

type Env = Record<string, string | undefined>
const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback)

export function readRateLimits(env: Env = process.env): RateLimitSettings {
  const windowSeconds = positive(env.RATE_LIMIT_WINDOW_SECONDS, 600)
  return {
    enabled: env.RATE_LIMIT_DISABLED !== 'true',
    auth: { name: 'auth', perIp: positive(env.RATE_LIMIT_AUTH_PER_IP, 30), perEmail: positive(env.RATE_LIMIT_AUTH_PER_EMAIL, 10), windowSeconds },
    publicWrite: {
      name: 'publicWrite',
      perIp: positive(env.RATE_LIMIT_PUBLIC_WRITES_PER_IP, 60),
      perEmail: positive(env.RATE_LIMIT_PUBLIC_WRITES_PER_EMAIL, 5),
      windowSeconds,
    },
  }
}

const AUTH_PATHS = [/^\/api\/users\/login$/, /^\/api\/users\/forgot-password$/]
const PUBLIC_WRITE_PATHS = [/^\/api\/webinars\/[^/]+\/register$/, /^\/api\/courses\/[^/]+\/enroll$/, /^\/api\/leads$/]
const GRAPHQL_AUTH = /\b(loginUser|forgotPasswordUser)\b/
const GRAPHQL_PUBLIC_WRITE = /\b(registerForWebinar|enrollInCourse|createLead)\b/

/** The rule a POST falls under, if any. GraphQL is matched on the mutation names in its query. */
export function ruleFor(settings: RateLimitSettings, pathname: string, graphqlQuery?: string): RateLimitRule | null {
  if (pathname === '/api/graphql') {
    if (!graphqlQuery) return null
    if (GRAPHQL_AUTH.test(graphqlQuery)) return settings.auth
    if (GRAPHQL_PUBLIC_WRITE.test(graphqlQuery)) return settings.publicWrite
    return null
  }
  if (AUTH_PATHS.some((path) => path.test(pathname))) return settings.auth
  if (PUBLIC_WRITE_PATHS.some((path) => path.test(pathname))) return settings.publicWrite
  return null
}
