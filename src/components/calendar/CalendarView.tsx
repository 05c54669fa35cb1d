import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { checkRole, STAFF_ROLES } from '../../access'
import { loadCalendar } from '../../calendar/loadCalendar'
import { CALENDAR_VIEWS, isCalendarDay, type CalendarView as View } from '../../calendar/range'
import { CalendarGrid } from './CalendarGrid'
import { CALENDAR_STATUSES, calendarLabelsFor, statusLabel } from './labels'
import { PeriodTitle } from './PeriodTitle'
import './calendar.scss'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * `/admin/calendar` (`admin.components.views.calendar`): webinars and course sessions by month or
 * week, read as the logged-in person (their access decides what shows). Navigation is plain links
 * (`?view=week&date=2026-12-07`), so the page works without any script and each page has an address.
 */
export async function CalendarView({ initPageResult, params, searchParams, viewActions }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const language = req.i18n?.language === 'en' ? 'en' : 'es'
  const t = calendarLabelsFor(language)
  const requestedView = first(searchParams?.view)
  const requestedDate = first(searchParams?.date)
  const view: View = CALENDAR_VIEWS.includes(requestedView as View) ? (requestedView as View) : 'month'
  const isStaff = checkRole(STAFF_ROLES, req.user)
  const data = isStaff ? await loadCalendar(req, { view, date: isCalendarDay(requestedDate) ? requestedDate : undefined }) : null
  const base = `${req.payload.config.routes.admin}/calendar`
  const link = (target: View, date?: string) => `${base}?view=${target}${date ? `&date=${date}` : ''}`
  // From a month, "Semana" opens the current week when today is in that month, else its first week.
  const weekAnchor = data && view === 'month' && data.today.startsWith(data.periodStart.slice(0, 7)) ? data.today : data?.anchor
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
      // The header's actions (the notification bell) come with the view's props; without them a custom view has none.
      viewActions={viewActions}
    >
      <Gutter className="aula-calendar">
        <h1>{t.title}</h1>
        {!data ? (
          <p>{t.staffOnly}</p>
        ) : (
          <>
            <div className="aula-calendar__toolbar">
              <nav className="aula-calendar__views" aria-label={t.title}>
                <a className={view === 'month' ? 'is-active' : undefined} href={link('month', data.anchor)} data-calendar-view="month">
                  {t.month}
                </a>
                <a className={view === 'week' ? 'is-active' : undefined} href={link('week', weekAnchor)} data-calendar-view="week">
                  {t.week}
                </a>
              </nav>
              <nav className="aula-calendar__pages">
                <a href={link(view, data.previous)} data-calendar-nav="previous" rel="prev">
                  ← {t.previous}
                </a>
                <a href={link(view)} data-calendar-nav="today">
                  {t.today}
                </a>
                <a href={link(view, data.next)} data-calendar-nav="next" rel="next">
                  {t.next} →
                </a>
              </nav>
              <h2 className="aula-calendar__period" data-calendar-period>
                <PeriodTitle data={data} language={language} t={t} />
              </h2>
            </div>
            <p className="aula-calendar__muted">{t.timesIn(data.timeZone.split('/').at(-1)!.replaceAll('_', ' '))}</p>
            <ul className="aula-calendar__legend" aria-label={t.legend}>
              {CALENDAR_STATUSES.map((status) => (
                <li key={status} className={`aula-calendar__status aula-calendar__status--${status}`}>
                  {statusLabel(status, language)}
                </li>
              ))}
            </ul>
            <CalendarGrid data={data} language={language} t={t} adminRoute={req.payload.config.routes.admin} />
            {!data.entries.length ? <p className="aula-calendar__muted">{t.empty}</p> : null}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
