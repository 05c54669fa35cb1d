import type { Payload } from 'payload'

import type { DashboardScope } from '../scope'
import { at, runSql, sql, toNumber } from '../sql'

export const LEAD_STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const
export type LeadStage = (typeof LEAD_STAGES)[number]

export interface LeadPipeline {
  byStage: Record<LeadStage, number>
  /** Leads created since Monday 00:00 in the business zone. */
  newThisWeek: number
  /** Open leads (not won or lost) whose next action (the lead's `nextActionAt`, as the leads list shows it) is past. */
  overdueFollowUps: number
}

/**
 * Lead counts per stage, new this week and overdue follow-ups, in one statement on `leads`
 * (`stage`, `assigned_to_id`, `created_at`, `next_action_at`). `next_action_at` is the latest
 * interaction's by time (stampInteractions), the date the leads list and the follow-up digest use;
 * the last row of the interactions array is not always the latest (staff can reorder rows).
 * A sales user's scope counts their own leads only.
 */
export async function leadPipeline(payload: Payload, scope: Pick<DashboardScope, 'now' | 'timeZone' | 'leadsAssignedTo'>): Promise<LeadPipeline> {
  const now = at(scope.now)
  const stageCounts = LEAD_STAGES.map((stage) => sql`count(*) FILTER (WHERE l.stage = ${stage}) AS ${sql.identifier(`stage_${stage}`)}`)
  const [row] = await runSql(
    payload,
    sql`
    SELECT ${sql.join(stageCounts, sql`, `)},
           count(*) FILTER (WHERE l.created_at >= date_trunc('week', ${now} AT TIME ZONE ${scope.timeZone}) AT TIME ZONE ${scope.timeZone}) AS new_this_week,
           count(*) FILTER (WHERE l.stage NOT IN ('won', 'lost') AND l.next_action_at < ${now}) AS overdue
      FROM leads l
     WHERE ${scope.leadsAssignedTo === null ? sql`TRUE` : sql`l.assigned_to_id = ${scope.leadsAssignedTo}`}`,
  )
  const byStage = Object.fromEntries(LEAD_STAGES.map((stage) => [stage, toNumber(row?.[`stage_${stage}`])])) as Record<LeadStage, number>
  return { byStage, newThisWeek: toNumber(row?.new_this_week), overdueFollowUps: toNumber(row?.overdue) }
}
