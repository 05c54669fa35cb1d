import type { ResolvedRoute } from './resolveRoute'

/** Which requests are limited, and how hard. Counted per client IP and per email address. */
export interface RateLimitRule {
  name: 'auth' | 'publicWrite'
  perIp: number
  perEmail: number
  windowSeconds: number
}

export interface RateLimitSettings {
  enabled: boolean
  /** Proxies in front of Aula that append to X-Forwarded-For (`TRUSTED_PROXY_HOPS`, default 0); see clientAddress.ts. */
  trustedProxyHops?: number
  auth: RateLimitRule
  publicWrite: RateLimitRule
}

type Env = Record<string, string | undefined>
const positive = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Number(value) : fallback)

export function readRateLimits(env: Env = process.env): RateLimitSettings {
  const windowSeconds = positive(env.RATE_LIMIT_WINDOW_SECONDS, 600)
  return {
    enabled: env.RATE_LIMIT_DISABLED !== 'true',
    trustedProxyHops: Number.isInteger(Number(env.TRUSTED_PROXY_HOPS)) && Number(env.TRUSTED_PROXY_HOPS) > 0 ? Number(env.TRUSTED_PROXY_HOPS) : 0,
    auth: { name: 'auth', perIp: positive(env.RATE_LIMIT_AUTH_PER_IP, 30), perEmail: positive(env.RATE_LIMIT_AUTH_PER_EMAIL, 10), windowSeconds },
    publicWrite: {
      name: 'publicWrite',
      perIp: positive(env.RATE_LIMIT_PUBLIC_WRITES_PER_IP, 60),
      perEmail: positive(env.RATE_LIMIT_PUBLIC_WRITES_PER_EMAIL, 5),
      windowSeconds,
    },
  }
}

/** Endpoints by the collection that owns them, method and declared path (see resolveRoute.ts). */
const REST_RULES: Record<string, RateLimitRule['name']> = {
  'users post /login': 'auth',
  'users post /forgot-password': 'auth',
  'webinars post /:id/register': 'publicWrite',
  'courses post /:id/enroll': 'publicWrite',
  'leads post /': 'publicWrite',
  // The feedback link's form (src/feedback): anyone holding a link may post, so it is counted like a public form.
  'enrollments post /:id/feedback': 'publicWrite',
  // Price quotes answer whether a coupon code works (src/commerce/coupons): counted so codes cannot be guessed in bulk.
  'webinars get /:id/price': 'publicWrite',
  'courses get /:id/price': 'publicWrite',
  // The group buyer's signed-link form (src/commerce/bookingChanges): anyone holding the link may post.
  'bookings post /:id/manage': 'publicWrite',
}

/** Root mutation fields, counted one by one however they are aliased or batched. */
export const GRAPHQL_RULES: Record<string, RateLimitRule['name']> = {
  loginUser: 'auth',
  forgotPasswordUser: 'auth',
  registerForWebinar: 'publicWrite',
  enrollInCourse: 'publicWrite',
  // Group bookings (src/commerce/groups): the same public write as a registration.
  bookWebinarSeats: 'publicWrite',
  bookCourseSeats: 'publicWrite',
  createLead: 'publicWrite',
}

/** The rule the endpoint Payload resolved falls under, if any. */
export function ruleForRoute(settings: RateLimitSettings, route: ResolvedRoute | null): RateLimitRule | null {
  const name = route?.collection ? REST_RULES[`${route.collection} ${route.method} ${route.path}`] : undefined
  return name ? settings[name] : null
}
