import type { Plugin } from 'payload'

import { countCreations } from './countCreations'
import { healthEndpoint } from './healthEndpoint'
import { aulaLogger } from './logger'
import { metricsEndpoint } from './metricsEndpoint'
import type { ObservabilitySettings } from './settings'

/**
 * Health, logs and metrics in one place (docs/operations.md): GET /api/health and GET /api/metrics,
 * the request-aware logger, and the counters on enrollments and Stripe events. Request ids and the
 * request log line come from withRequestTracing around the route handlers.
 */
export const observability =
  (settings: ObservabilitySettings): Plugin =>
  (config) => ({
    ...config,
    logger: aulaLogger(settings),
    endpoints: [...(config.endpoints ?? []), healthEndpoint, metricsEndpoint],
    collections: config.collections?.map(countCreations),
    custom: { ...config.custom, observability: settings },
  })
