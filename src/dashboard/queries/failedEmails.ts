import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, runSql, sql, toNumber } from '../sql'

export interface FailedEmails {
  count: number
  /** Start of the 7-day window, for the link to the filtered email log. */
  since: string
  /** Admin list of the email log filtered to these failures. */
  href: string
}

const DAYS = 7

/** Emails whose last attempt failed within the last 7 days (`email_log`: `status`, `updated_at`). One statement. */
export async function failedEmails(payload: Payload, scope: Pick<DashboardScope, 'now'>): Promise<FailedEmails> {
  const since = new Date(scope.now.getTime() - DAYS * 24 * 60 * 60 * 1000)
  const [row] = await runSql(
    payload,
    sql`SELECT count(*) AS failed FROM email_log WHERE status = 'failed' AND updated_at >= ${at(since)} AND updated_at <= ${at(scope.now)}`,
  )
  const query = new URLSearchParams({
    'where[and][0][status][equals]': 'failed',
    'where[and][1][updatedAt][greater_than_equal]': since.toISOString(),
  })
  const adminRoute = payload.config.routes?.admin ?? '/admin'
  return { count: toNumber(row?.failed), since: since.toISOString(), href: `${adminRoute}/collections/email-log?${query}` }
}
