'use client'
import { attendanceLabels } from './labels'

export interface RosterRow {
  enrollmentId: number
  name: string
  email: string
  present: boolean | null
  minutesAttended: number | null
  source: string | null
  recordedAt: string | null
  recordedBy: number | null
}

interface Props {
  rows: RosterRow[]
  ticked: Map<number, boolean>
  canMark: boolean
  busy: boolean
  language: string
  recorders: Record<number, string>
  formatTime: (iso: string) => string
  onTick: (enrollmentId: number, present: boolean) => void
}

/** One big tappable line per confirmed person: the box, who they are, what is recorded and by whom. */
export function RosterList({ rows, ticked, canMark, busy, language, recorders, formatTime, onTick }: Props) {
  const t = attendanceLabels(language)
  const recorded = (row: RosterRow) => {
    if (row.present === null) return t.notRecorded
    const state = [row.present ? t.present : t.absent, row.minutesAttended != null ? t.minutes(row.minutesAttended) : ''].filter(Boolean).join(' · ')
    if (!row.recordedAt) return state
    const when = formatTime(row.recordedAt)
    if (row.source === 'check_in') return `${state} — ${t.selfCheckIn(when)}`
    const who = row.recordedBy != null ? (recorders[row.recordedBy] ?? t.someone) : t.someone
    return `${state} — ${t.recordedBy(who, when, t.sources[row.source ?? ''] ?? row.source ?? '')}`
  }
  return (
    <ul className="aula-attendance__list">
      {rows.map((row) => {
        const checked = ticked.get(row.enrollmentId) ?? row.present === true
        const changed = ticked.has(row.enrollmentId) && ticked.get(row.enrollmentId) !== row.present
        return (
          <li key={row.enrollmentId} data-enrollment={row.enrollmentId} className={`aula-attendance__row${checked ? ' aula-attendance__row--present' : ''}${changed ? ' aula-attendance__row--changed' : ''}`}>
            <label>
              <input type="checkbox" checked={checked} disabled={!canMark || busy} onChange={(event) => onTick(row.enrollmentId, event.target.checked)} aria-label={`${t.present}: ${row.name || row.email}`} />
              <span className="aula-attendance__who">
                <strong>{row.name || row.email}</strong>
                <span className="aula-attendance__muted">{row.email}</span>
                <span className="aula-attendance__muted" data-recorded>
                  {recorded(row)}
                </span>
              </span>
            </label>
          </li>
        )
      })}
    </ul>
  )
}
