import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withCatalogCache } from '@/catalogCache/withCatalogCache'
import { withRateLimits } from '@/rateLimit/withRateLimits'

// Anonymous catalog reads are answered from memory while nothing in the catalog changed; see src/catalogCache.
export const GET = withCatalogCache(REST_GET(config), config)
// Public writes, login and forgot-password are rate limited (429 + Retry-After); see docs/rate-limits.md.
export const POST = withRateLimits(REST_POST(config), config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
