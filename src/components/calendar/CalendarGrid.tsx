import type { CalendarEntry } from '../../calendar/entries'
import type { CalendarData } from '../../calendar/loadCalendar'
import { timeZoneName } from '../../utilities/localTime'
import { statusLabel, type CalendarLabels, type CalendarLanguage } from './labels'

interface GridProps {
  data: CalendarData
  language: CalendarLanguage
  t: CalendarLabels
  adminRoute: string
}

/** Seven columns, Monday first; each day lists its entries in time order. */
export function CalendarGrid({ data, language, t, adminRoute }: GridProps) {
  const byDay = new Map<string, CalendarEntry[]>()
  for (const entry of data.entries) byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry])
  const month = data.periodStart.slice(0, 7)
  return (
    <div className={`aula-calendar__grid aula-calendar__grid--${data.view}`} role="grid" data-calendar-grid={data.view}>
      {t.weekdays.map((weekday) => (
        <div key={weekday} className="aula-calendar__weekday" role="columnheader">
          {weekday}
        </div>
      ))}
      {data.days.map((day) => {
        const outside = data.view === 'month' && !day.startsWith(month)
        const classes = ['aula-calendar__day', outside ? 'is-outside' : '', day === data.today ? 'is-today' : ''].filter(Boolean).join(' ')
        return (
          <div key={day} className={classes} role="gridcell" data-day={day}>
            <div className="aula-calendar__day-number">{data.view === 'week' ? day.split('-').reverse().join('/') : Number(day.slice(8))}</div>
            <ul className="aula-calendar__entries">
              {(byDay.get(day) ?? []).map((entry) => (
                <li key={entry.key}>
                  <EntryLink entry={entry} businessZone={data.timeZone} language={language} t={t} adminRoute={adminRoute} />
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </div>
  )
}

function EntryLink({ entry, businessZone, language, t, adminRoute }: { entry: CalendarEntry; businessZone: string; language: CalendarLanguage; t: CalendarLabels; adminRoute: string }) {
  const zone = timeZoneName(entry.timeZone)
  const otherZone = entry.timeZone !== businessZone
  const kind = entry.kind === 'webinar' ? t.webinar : entry.kind === 'courseStart' ? t.courseStarts : t.course
  const fill = entry.capacity ? Math.min(100, Math.round((entry.seatsTaken / entry.capacity) * 100)) : null
  const seats = `${entry.seatsTaken} / ${entry.capacity ?? t.unlimited}`
  const time = entry.time ? `${entry.time}${otherZone ? ` (${t.timeIn(zone)})` : ''}` : null
  const tooltip = [entry.title, entry.detail, entry.location, kind, statusLabel(entry.status, language), time && `${entry.time} ${t.timeIn(zone)}`, `${t.seats}: ${seats}`]
    .filter(Boolean)
    .join(' · ')
  return (
    <a
      className={`aula-calendar__entry aula-calendar__status--${entry.status}`}
      href={`${adminRoute}/collections/${entry.collection}/${entry.id}`}
      title={tooltip}
      data-calendar-entry={entry.collection}
      data-status={entry.status}
    >
      <span className="aula-calendar__entry-head">
        {time ? <span className="aula-calendar__time">{time}</span> : null}
        <strong>{entry.title}</strong>
      </span>
      <span className="aula-calendar__entry-meta">
        {kind}
        {entry.detail ? ` · ${entry.detail}` : ''}
        {entry.location ? ` · ${entry.location}` : ''} · {statusLabel(entry.status, language)}
      </span>
      <span className="aula-calendar__entry-meta" data-calendar-fill>
        {t.seats}: {seats}
        {fill !== null ? ` (${fill}%)` : ''}
      </span>
      {fill !== null ? (
        <span className="aula-calendar__fill" aria-hidden>
          <span style={{ width: `${fill}%` }} />
        </span>
      ) : null}
    </a>
  )
}
