import type { Payload, PayloadRequest } from 'payload'

import { failedEmails, type FailedEmails } from './queries/failedEmails'
import { itemRatings, type ItemRatingRow } from './queries/itemRatings'
import { leadPipeline, type LeadPipeline } from './queries/leadPipeline'
import { registrationsPerWeek, type WeekCount } from './queries/registrationsPerWeek'
import { revenuePerMonth, type MonthRevenue } from './queries/revenuePerMonth'
import { showRate, type ShowRate } from './queries/showRate'
import { upcomingItems, type UpcomingItem } from './queries/upcomingItems'
import { dashboardScope, type DashboardScope } from './scope'

/**
 * What a widget shows: its numbers, `unavailable` while the collection it reads is not part of
 * this Aula yet (leads, payments and the email log land from other branches), or `failed` when its
 * query broke (logged; the rest of the dashboard still renders).
 */
export type WidgetResult<T> = { status: 'ready'; data: T } | { status: 'unavailable' } | { status: 'failed' }

export interface DashboardData {
  now: string
  /** The business zone: times of items without a zone of their own are read in it (src/settings/businessSettings.ts). */
  timeZone: string
  /** A widget the user may not see is absent. */
  upcoming?: WidgetResult<UpcomingItem[]>
  registrations?: WidgetResult<WeekCount[]>
  showRate?: WidgetResult<ShowRate>
  revenue?: WidgetResult<MonthRevenue[]>
  leads?: WidgetResult<LeadPipeline>
  failedEmails?: WidgetResult<FailedEmails>
  /** Recently finished items with their participants' average rating and count (src/feedback). */
  ratings?: WidgetResult<ItemRatingRow[]>
}

type WidgetName = Exclude<keyof DashboardData, 'now' | 'timeZone'>

interface WidgetDefinition {
  /** Collection whose table the query reads; without it the widget is `unavailable`. */
  needs: string
  visible: (scope: DashboardScope) => boolean
  load: (payload: Payload, scope: DashboardScope) => Promise<unknown>
}

const WIDGETS: Record<WidgetName, WidgetDefinition> = {
  upcoming: { needs: 'enrollments', visible: (scope) => scope.sees.catalog, load: upcomingItems },
  registrations: { needs: 'enrollments', visible: (scope) => scope.sees.catalog, load: registrationsPerWeek },
  showRate: { needs: 'enrollments', visible: (scope) => scope.sees.catalog, load: showRate },
  revenue: { needs: 'payments', visible: (scope) => scope.sees.revenue, load: revenuePerMonth },
  leads: { needs: 'leads', visible: (scope) => scope.sees.leads, load: leadPipeline },
  failedEmails: { needs: 'email-log', visible: (scope) => scope.sees.emails, load: failedEmails },
  ratings: { needs: 'enrollments', visible: (scope) => scope.sees.catalog, load: itemRatings },
}

/** Every widget the user may see, each one aggregate query, all in one round (`Promise.all`). */
export async function loadDashboard(req: PayloadRequest): Promise<DashboardData> {
  const { payload } = req
  const scope = await dashboardScope(req)
  const collections = payload.collections as Record<string, unknown>
  const visible = (Object.keys(WIDGETS) as WidgetName[]).filter((name) => WIDGETS[name].visible(scope))
  const results = await Promise.all(
    visible.map(async (name): Promise<[WidgetName, WidgetResult<unknown>]> => {
      const widget = WIDGETS[name]
      if (!collections[widget.needs]) return [name, { status: 'unavailable' }]
      try {
        return [name, { status: 'ready', data: await widget.load(payload, scope) }]
      } catch (error) {
        payload.logger.error({ err: error, msg: `Dashboard widget "${name}" failed` })
        return [name, { status: 'failed' }]
      }
    }),
  )
  return { now: scope.now.toISOString(), timeZone: scope.timeZone, ...Object.fromEntries(results) } as DashboardData
}
