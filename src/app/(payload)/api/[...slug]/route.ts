import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withCatalogCache } from '@/catalogCache/withCatalogCache'
import { withCatalogFastPath } from '@/catalogFastPath/withCatalogFastPath'
import { withRequestTracing } from '@/observability/withRequestTracing'
import { withRateLimits } from '@/rateLimit/withRateLimits'

// Outermost on every method: X-Request-Id, one log line and the HTTP metrics per request (src/observability).
// Anonymous catalog reads are answered from memory while nothing in the catalog changed; see src/catalogCache.
// Price quotes (GET /api/webinars/:id/price) are rate limited like public writes: they say whether a coupon code works.
// Anonymous webinar reads of the catalog's shapes are built in SQL below Payload, to Payload's bytes (src/catalogFastPath).
export const GET = withRequestTracing(withCatalogCache(withRateLimits(withCatalogFastPath(REST_GET(config), config), config), config), config)
// Public writes, login and forgot-password are rate limited (429 + Retry-After); see docs/rate-limits.md.
export const POST = withRequestTracing(withRateLimits(REST_POST(config), config), config)
export const DELETE = withRequestTracing(REST_DELETE(config), config)
export const PATCH = withRequestTracing(REST_PATCH(config), config)
export const PUT = withRequestTracing(REST_PUT(config), config)
export const OPTIONS = withRequestTracing(REST_OPTIONS(config), config)
