import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { refuseCostlyQueries } from '@/graphql/refuseCostlyQueries'
import { withRequestTracing } from '@/observability/withRequestTracing'
import { withRateLimits } from '@/rateLimit/withRateLimits'

// Each limited mutation counts (docs/rate-limits.md); a query over its cost bounds answers 400 (src/graphql/boundQueryCost.ts).
// Outermost: X-Request-Id, one log line and the HTTP metrics per request (src/observability).
export const POST = withRequestTracing(withRateLimits(refuseCostlyQueries(GRAPHQL_POST(config)), config), config)
export const OPTIONS = withRequestTracing(REST_OPTIONS(config), config)
