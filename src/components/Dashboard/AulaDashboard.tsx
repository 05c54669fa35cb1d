import { DefaultDashboard, type DashboardViewServerProps } from '@payloadcms/next/views'

import { loadDashboard } from '../../dashboard/loadDashboard'
import { RegistrationsChart, RevenueChart } from './Charts'
import { labelsFor, localeFor } from './labels'
import { ItemRatingsList } from './ItemRatings'
import { Card, FailedEmailFigure, LeadFigures, ShowRateFigures, UpcomingList } from './Widgets'
import './dashboard.scss'

/**
 * The admin home (`admin.components.views.dashboard`): Aula's widgets, each one aggregate query,
 * loaded in one round for what the user's role may read, above Payload's own dashboard (the
 * collection cards), which stays as it is.
 */
export async function AulaDashboard(props: DashboardViewServerProps) {
  const { req } = props.initPageResult
  const data = await loadDashboard(req)
  const language = props.i18n?.language ?? req.i18n?.language
  // Times are read in each item's zone or the business's, and say which (src/utilities/localTime.ts).
  const context = { t: labelsFor(language), locale: localeFor(language), adminRoute: req.payload.config.routes.admin, timeZone: data.timeZone, language: language === 'en' ? ('en' as const) : ('es' as const) }
  const { t, locale } = context
  const ownLeads = !req.user?.roles?.includes('admin')
  return (
    <>
      <div className="aula-dashboard gutter--left gutter--right">
        {data.upcoming && (
          <Card title={t.upcoming} result={data.upcoming} t={t} wide>
            {(items) => <UpcomingList items={items} {...context} />}
          </Card>
        )}
        {data.registrations && (
          <Card title={t.registrations} result={data.registrations} t={t}>
            {(weeks) => <RegistrationsChart weeks={weeks} locale={locale} />}
          </Card>
        )}
        {data.revenue && (
          <Card title={t.revenue} result={data.revenue} t={t}>
            {(months) => (months.some((month) => Object.keys(month.amounts).length) ? <RevenueChart months={months} locale={locale} /> : <p className="aula-dashboard__muted">{t.revenueEmpty}</p>)}
          </Card>
        )}
        {data.showRate && (
          <Card title={t.showRate} result={data.showRate} t={t}>
            {(figures) => <ShowRateFigures data={figures} {...context} />}
          </Card>
        )}
        {data.ratings && (
          <Card title={t.itemRatings} result={data.ratings} t={t}>
            {(items) => <ItemRatingsList items={items} {...context} />}
          </Card>
        )}
        {data.leads && (
          <Card title={ownLeads ? t.ownLeads : t.leads} result={data.leads} t={t}>
            {(pipeline) => <LeadFigures data={pipeline} {...context} />}
          </Card>
        )}
        {data.failedEmails && (
          <Card title={t.failedEmails} result={data.failedEmails} t={t}>
            {(failed) => <FailedEmailFigure data={failed} {...context} />}
          </Card>
        )}
      </div>
      <DefaultDashboard {...props} />
    </>
  )
}
