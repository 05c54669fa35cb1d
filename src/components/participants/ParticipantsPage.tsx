'use client'
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import { callJson, filterQuery, itemUrl, type PageFilters } from './api'
import { EmailComposer } from './EmailComposer'
import { participantLabels } from './labels'
import './participants.scss'

const STATUS_ORDER = ['confirmed', 'pending_payment', 'waitlisted', 'cancelled', 'refunded']

interface Row {
  enrollmentId: number
  name: string
  email: string
  company: string
  status: string
  paymentStatus: string | null
  attended: boolean
  registeredAtText: string
  certificate: { id: number; number: string; status: 'valid' | 'revoked' } | null
}

interface PageData {
  item: { title: string; startsAtText: string; timezoneName: string }
  abilities: { view: boolean; markAttendance: boolean; email: boolean }
  counts: Record<string, number>
  docs: Row[]
}

/** One item's participants: filter, search, tick attendance, export, write to them. */
export function ParticipantsPage({ collection, id, language }: { collection: 'webinars' | 'courses'; id: number; language: string }) {
  const { config } = useConfig()
  const t = participantLabels(language)
  const [filters, setFilters] = useState<PageFilters>({ status: '', attended: '', q: '' })
  const [data, setData] = useState<PageData | null>(null)
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const query = filterQuery(filters, language)
  // An answer for filters the page no longer shows (a slow reload after a click) must not replace the current one.
  const currentQuery = useRef(query)
  currentQuery.current = query

  const load = useCallback(async () => {
    const asked = currentQuery.current
    try {
      const answer = await callJson(`${itemUrl(config, collection, id)}?${asked}`)
      if (asked !== currentQuery.current) return
      setData(answer)
      setError('')
    } catch (failure) {
      setError((failure as Error).message)
    }
  }, [config, collection, id])

  useEffect(() => {
    // Typing in the search box waits for a pause before asking the server.
    const timer = setTimeout(load, 250)
    return () => clearTimeout(timer)
  }, [load, query])

  const mark = async (enrollmentIds: number[], attended: boolean) => {
    if (!enrollmentIds.length) return
    setSaving(true)
    // The boxes show the change at once; the reload afterwards shows what was really saved.
    const ticked = new Set(enrollmentIds)
    setData((current) => current && { ...current, docs: current.docs.map((row) => (ticked.has(row.enrollmentId) ? { ...row, attended } : row)) })
    try {
      await callJson(itemUrl(config, collection, id, '/attendance'), { method: 'POST', body: { enrollmentIds, attended } })
      toast.success(t.saved)
    } catch (failure) {
      toast.error((failure as Error).message)
    } finally {
      await load()
      setSaving(false)
    }
  }

  if (error && !data) return <p className="aula-participants">{error}</p>
  if (!data) return <p className="aula-participants">{t.loading}</p>
  const { item, abilities, counts, docs } = data
  const set = (patch: Partial<PageFilters>) => setFilters((current) => ({ ...current, ...patch }))
  const markable = docs.filter((row) => row.status === 'confirmed' && !row.attended).map((row) => row.enrollmentId)

  return (
    <div className="aula-participants" data-participants-page={`${collection}-${id}`}>
      <div>
        <h2>{t.title(item.title)}</h2>
        <p className="aula-participants__muted">
          {item.startsAtText ? `${t.startsAt}: ${item.startsAtText} · ` : ''}
          {t.timesIn(item.timezoneName)}
        </p>
      </div>

      <div className="aula-participants__bar" role="group" aria-label={t.columns.status}>
        {['', ...STATUS_ORDER].map((status) => (
          <button
            key={status || 'all'}
            type="button"
            aria-pressed={filters.status === status}
            className={`aula-participants__chip${filters.status === status ? ' aula-participants__chip--active' : ''}`}
            onClick={() => set({ status })}
          >
            {status ? t.statuses[status] : t.all} ({status ? (counts[status] ?? 0) : counts.total})
          </button>
        ))}
      </div>

      <div className="aula-participants__bar">
        <input className="aula-participants__search" type="search" aria-label={t.search} placeholder={t.search} value={filters.q} onChange={(event) => set({ q: event.target.value })} />
        <label className="aula-participants__muted">
          {t.attendedFilter}{' '}
          <select className="aula-participants__select" value={filters.attended} onChange={(event) => set({ attended: event.target.value })}>
            <option value="">{t.attendedAny}</option>
            <option value="true">{t.attendedYes}</option>
            <option value="false">{t.attendedNo}</option>
          </select>
        </label>
        {abilities.markAttendance ? (
          <Button buttonStyle="secondary" size="small" margin={false} disabled={saving || !markable.length} onClick={() => mark(markable, true)}>
            {t.allPresent}
          </Button>
        ) : null}
        <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={`${itemUrl(config, collection, id, '.csv')}?${query}`} download data-participants-csv>
          {t.exportCsv}
        </a>
      </div>

      <p className="aula-participants__muted">
        {t.shown(docs.length, counts.total)}
        {abilities.markAttendance ? '' : ` · ${t.cannotMark}`}
      </p>

      {docs.length ? (
        <table className="aula-participants__table">
          <thead>
            <tr>
              <th>{t.columns.attended}</th>
              <th>{t.columns.name}</th>
              <th>{t.columns.email}</th>
              <th>{t.columns.company}</th>
              <th>{t.columns.status}</th>
              <th>{t.columns.payment}</th>
              <th>{t.columns.registeredAt}</th>
              <th>{t.columns.certificate}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((row) => (
              <tr key={row.enrollmentId} data-enrollment={row.enrollmentId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t.columns.attended}: ${row.name || row.email}`}
                    title={row.status === 'confirmed' || row.attended ? undefined : t.onlyConfirmed}
                    checked={row.attended}
                    disabled={saving || !abilities.markAttendance || (row.status !== 'confirmed' && !row.attended)}
                    onChange={(event) => mark([row.enrollmentId], event.target.checked)}
                  />
                </td>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.company}</td>
                <td>{t.status[row.status] ?? row.status}</td>
                <td>{row.paymentStatus ? (t.payment[row.paymentStatus] ?? row.paymentStatus) : ''}</td>
                <td>{row.registeredAtText}</td>
                <td data-certificate>
                  {row.certificate ? (
                    <a href={`${config.routes.admin}/collections/certificates/${row.certificate.id}`}>
                      {row.certificate.status === 'valid' ? row.certificate.number : `${row.certificate.number} (${t.certificateRevoked})`}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="aula-participants__muted">{t.empty}</p>
      )}

      {abilities.email ? <EmailComposer collection={collection} id={id} language={language} filters={filters} count={docs.length} /> : null}
    </div>
  )
}
