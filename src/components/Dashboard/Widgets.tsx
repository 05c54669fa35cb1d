import type { ReactNode } from 'react'

import type { WidgetResult } from '../../dashboard/loadDashboard'
import type { FailedEmails } from '../../dashboard/queries/failedEmails'
import { LEAD_STAGES, type LeadPipeline } from '../../dashboard/queries/leadPipeline'
import type { ShowRate } from '../../dashboard/queries/showRate'
import type { UpcomingItem } from '../../dashboard/queries/upcomingItems'
import type { Labels } from './labels'
import { participantsPath } from '../participants/viewConfig'
import { formatLocalDate, formatWithZone, type AdminLanguage } from '../../utilities/localTime'

export interface WidgetContext {
  t: Labels
  locale: string
  adminRoute: string
  /** The business zone, for items without a zone of their own. */
  timeZone: string
  language: AdminLanguage
}

/** A card with a title; shows "not available yet" or "could not load" instead of the body when needed. */
export function Card<T>({ title, result, t, wide, children }: { title: string; result: WidgetResult<T>; t: Labels; wide?: boolean; children: (data: T) => ReactNode }) {
  return (
    <section className={`card aula-dashboard__card${wide ? ' aula-dashboard__card--wide' : ''}`} data-widget={title}>
      <h3 className="aula-dashboard__title">{title}</h3>
      {result.status === 'ready' ? children(result.data) : <p className="aula-dashboard__muted">{result.status === 'unavailable' ? t.unavailable : t.failed}</p>}
    </section>
  )
}

/** A webinar's start in its own zone, naming it; a course's start is a whole day (a UTC calendar day, src/utilities/calendarDay.ts). */
const startsAtText = (item: UpcomingItem, timeZone: string, language: AdminLanguage) =>
  item.collection === 'courses' ? formatLocalDate(item.startsAt, 'UTC') : formatWithZone(item.startsAt, item.timezone ?? timeZone, language)

export function UpcomingList({ items, t, locale, adminRoute, timeZone, language }: { items: UpcomingItem[] } & WidgetContext) {
  if (!items.length) return <p className="aula-dashboard__muted">{t.upcomingEmpty}</p>
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  return (
    <ul className="aula-dashboard__items">
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`} className={item.standsOut ? 'aula-dashboard__item aula-dashboard__item--alert' : 'aula-dashboard__item'} data-stands-out={item.standsOut}>
          <div className="aula-dashboard__item-head">
            <a href={`${adminRoute}/collections/${item.collection}/${item.id}`}>{item.title}</a>
            <a href={participantsPath(adminRoute, item.collection, item.id)} data-participants-link={`${item.collection}-${item.id}`}>{t.participants}</a>
            <span className="aula-dashboard__muted">
              {item.collection === 'webinars' ? t.webinar : t.course} · <time dateTime={item.startsAt}>{startsAtText(item, timeZone, language)}</time>
            </span>
          </div>
          <div className="aula-dashboard__fill" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={item.fill === null ? undefined : Math.round(item.fill * 100)}>
            <span style={{ width: `${Math.round((item.fill ?? 0) * 100)}%` }} />
          </div>
          <div className="aula-dashboard__muted">
            {t.seats}: {item.seatsTaken} / {item.capacity ?? t.unlimited}
            {item.fill !== null ? ` (${percent.format(item.fill)})` : ''}
            {item.waitlisted ? ` · ${item.waitlisted} ${t.waitlist}` : ''}
            {item.fill !== null && item.fill >= 0.9 ? <strong> · {t.nearlyFull}</strong> : null}
          </div>
        </li>
      ))}
    </ul>
  )
}

export function ShowRateFigures({ data, t, locale }: { data: ShowRate } & WidgetContext) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const rating = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  return (
    <div className="aula-dashboard__figures">
      <div>
        <strong className="aula-dashboard__number" data-figure="show-rate">{data.rate === null ? '—' : percent.format(data.rate)}</strong>
        <span className="aula-dashboard__muted">{t.showRateDetail(data.attended, data.confirmed)}</span>
      </div>
      {data.sessionSeats > 0 && (
        <div>
          <strong className="aula-dashboard__number" data-figure="course-show-rate">{data.courseRate === null ? '—' : percent.format(data.courseRate)}</strong>
          <span className="aula-dashboard__muted">{t.courseShowRateDetail(data.sessionsPresent, data.sessionSeats, data.pastSessions)}</span>
        </div>
      )}
      <div>
        <strong className="aula-dashboard__number" data-figure="average-rating">{data.averageRating === null ? '—' : `${rating.format(data.averageRating)} / 5`}</strong>
        <span className="aula-dashboard__muted">
          {t.averageRating} · {t.ratingsDetail(data.ratings)}
        </span>
      </div>
    </div>
  )
}

export function LeadFigures({ data, t, locale }: { data: LeadPipeline } & WidgetContext) {
  const number = new Intl.NumberFormat(locale)
  return (
    <div>
      <ul className="aula-dashboard__stages">
        {LEAD_STAGES.map((stage) => (
          <li key={stage}>
            <strong>{number.format(data.byStage[stage])}</strong> <span className="aula-dashboard__muted">{t.stages[stage]}</span>
          </li>
        ))}
      </ul>
      <p>
        {t.newThisWeek}: <strong>{number.format(data.newThisWeek)}</strong> · {t.overdue}:{' '}
        <strong className={data.overdueFollowUps ? 'aula-dashboard__alert' : undefined}>{number.format(data.overdueFollowUps)}</strong>
      </p>
    </div>
  )
}

export function FailedEmailFigure({ data, t, locale }: { data: FailedEmails } & WidgetContext) {
  return (
    <div>
      <strong className={`aula-dashboard__number${data.count ? ' aula-dashboard__alert' : ''}`} data-figure="failed-emails">
        {new Intl.NumberFormat(locale).format(data.count)}
      </strong>{' '}
      <a href={data.href}>{t.seeEmailLog}</a>
    </div>
  )
}
