'use client'
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { formatLocalDateTime } from '../../utilities/localTime'
import { meetingUrl, send } from './api'
import { CheckInCode } from './CheckInCode'
import { ImportReport } from './ImportReport'
import { attendanceLabels } from './labels'
import { RosterList, type RosterRow } from './RosterList'
import type { SessionChoice } from './sessionChoices'
import './attendance.scss'

interface Props {
  collection: 'courses' | 'webinars'
  id: number
  title: string
  language: string
  sessions: SessionChoice[]
  defaultIndex: number
  /** The item's zone: every time on the page is read in it, not the tablet's. */
  timezone: string
  timezoneName: string
  recorders: Record<number, string>
}

/**
 * Passing the roster in class, on a tablet: pick the session, tick people (or "everyone present"),
 * save once. Ticks stay on the screen until saved; the saved state (and who saved it) comes back
 * from the server after each save or import.
 */
export function AttendancePage({ collection, id, title, language, sessions, defaultIndex, timezone, timezoneName, recorders }: Props) {
  const { config } = useConfig()
  const t = attendanceLabels(language)
  const [index, setIndex] = useState(defaultIndex)
  const [rows, setRows] = useState<RosterRow[] | null>(null)
  const [ticked, setTicked] = useState<Map<number, boolean>>(new Map())
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const session = sessions[index]
  const base = session ? meetingUrl(config, collection, id, session.id) : ''
  const formatTime = useCallback((iso: string) => formatLocalDateTime(iso, timezone), [timezone])

  const load = useCallback(async () => {
    if (!base) return
    try {
      const roster = await send(`${base}/attendance`)
      setRows(roster.rows as RosterRow[])
      setError('')
    } catch (failure) {
      setError((failure as Error).message)
    }
  }, [base])

  useEffect(() => {
    setRows(null)
    setTicked(new Map())
    void load()
  }, [load])

  const pending = rows ? rows.filter((row) => ticked.has(row.enrollmentId) && ticked.get(row.enrollmentId) !== row.present).length : 0
  useEffect(() => {
    if (!pending) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = t.leaveWarning
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [pending, t.leaveWarning])

  if (!session) return <p className="aula-attendance">{t.noSessions}</p>
  const canMark = session.canMark
  const desired = (row: RosterRow) => ticked.get(row.enrollmentId) ?? row.present === true
  const presentNow = rows ? rows.filter(desired).length : 0

  const tick = (enrollmentId: number, present: boolean) => setTicked((current) => new Map(current).set(enrollmentId, present))
  const allPresent = () => setTicked(new Map((rows ?? []).map((row) => [row.enrollmentId, true])))

  // Saving records everyone on the list: ticked people present, the others absent (nobody stays "not recorded").
  const save = async () => {
    if (!rows) return
    const marks = rows.filter((row) => desired(row) !== row.present).map((row) => ({ enrollmentId: row.enrollmentId, present: desired(row) }))
    setSaving(true)
    try {
      const result = marks.length ? await send(`${base}/attendance`, { method: 'POST', json: { marks, source: 'roster' } }) : { recorded: 0 }
      toast.success(t.saved(result.recorded ?? 0))
      await load()
      setTicked(new Map())
    } catch (failure) {
      toast.error((failure as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="aula-attendance" data-attendance-page={`${collection}-${id}`}>
      <div>
        <h2>{t.title(title)}</h2>
        <p className="aula-attendance__muted">{t.timesIn(timezoneName)}</p>
      </div>

      {sessions.length > 1 || session.id ? (
        <label className="aula-attendance__picker">
          <span>{t.session}</span>
          <select value={index} onChange={(event) => setIndex(Number(event.target.value))} disabled={saving || pending > 0} data-session-picker>
            {sessions.map((choice, position) => (
              <option key={choice.id ?? 'webinar'} value={position}>
                {choice.label}
                {choice.running ? ` (${t.now})` : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      {!canMark ? <p className="aula-attendance__muted">{t.cannotMark}</p> : null}
      {error ? <p className="aula-attendance__error">{error}</p> : null}

      {rows === null ? (
        <p>{t.loading}</p>
      ) : rows.length === 0 ? (
        <p className="aula-attendance__muted">{t.nobody}</p>
      ) : (
        <>
          <div className="aula-attendance__bar aula-attendance__actions">
            <span data-present-count>{t.presentCount(presentNow, rows.length)}</span>
            {canMark ? (
              <>
                <Button buttonStyle="secondary" size="large" margin={false} disabled={saving} onClick={allPresent}>
                  {t.allPresent}
                </Button>
                <Button buttonStyle="primary" size="large" margin={false} disabled={saving} onClick={save}>
                  {saving ? t.saving : t.save}
                </Button>
                {pending ? <span className="aula-attendance__muted">{t.unsaved(pending)}</span> : null}
              </>
            ) : null}
          </div>
          <RosterList rows={rows} ticked={ticked} canMark={canMark} busy={saving} language={language} recorders={recorders} formatTime={formatTime} onTick={tick} />
        </>
      )}

      {canMark ? <CheckInCode url={`${base}/check-in-code`} language={language} /> : null}
      {canMark ? <ImportReport key={base} url={`${base}/attendance/import`} language={language} onImported={load} /> : null}
    </div>
  )
}
