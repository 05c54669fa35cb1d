import type { Endpoint } from 'payload'

import { checkRole } from '../access'
import { healthReport, withoutDetail } from './health/report'
import { hasMetricsToken } from './metricsToken'

/**
 * GET /api/health: `ok` or `degraded` answer 200 (keep sending traffic), `down` answers 503 (this
 * instance cannot serve). Admins and holders of METRICS_TOKEN also get each check's detail.
 * Thresholds and meanings: docs/operations.md, "Health".
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const report = await healthReport(req.payload)
    const detailed = checkRole(['admin'], req.user) || hasMetricsToken(req)
    return Response.json(detailed ? report : withoutDetail(report), {
      status: report.status === 'down' ? 503 : 200,
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
