import type { Endpoint } from 'payload'

import { registry } from './metrics'
import { hasMetricsToken } from './metricsToken'
import { refreshScrapeGauges } from './scrapeGauges'
import { observabilitySettings } from './settings'

const answer = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

/**
 * GET /api/metrics in Prometheus' text format, for a scraper holding METRICS_TOKEN. Without a token
 * configured the endpoint does not exist (404), so nothing about the installation is public by default.
 */
export const metricsEndpoint: Endpoint = {
  path: '/metrics',
  method: 'get',
  handler: async (req) => {
    if (!observabilitySettings(req.payload.config)?.metricsToken) return answer(404, 'Not Found')
    if (!hasMetricsToken(req)) return answer(401, 'A valid metrics token is required.', { 'WWW-Authenticate': 'Bearer' })
    await refreshScrapeGauges(req.payload)
    return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } })
  },
}
