'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { attendancePath } from '../attendance/viewConfig'
import { followUpLabelsFor } from './labels'

interface Status {
  status: 'scheduled' | 'on_hold' | 'released' | 'sent' | 'skipped'
  statusLabel: string
  confirmed: number
  attendanceRecorded: boolean
  summary: string
}

/** Those who write to participants release a hold (the endpoint checks it again). */
const CAN_RELEASE = ['admin', 'editor', 'sales']

/**
 * The sidebar of a saved webinar or course: where its follow-up stands (`GET …/:id/follow-ups`). On hold,
 * a banner says how many confirmed people wait, links to the Asistencia tab and offers "Enviar a todos
 * los confirmados" (`POST …/:id/follow-ups/release`).
 */
export function FollowUpPanel() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const t = followUpLabelsFor(i18n.language)
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [hidden, setHidden] = useState(false)
  const url = adminApiUrl(config, `/${collectionSlug}/${id}/follow-ups`)

  const load = useCallback(async () => {
    const response = await fetch(url, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    if (response.ok) setStatus(body)
    // Staff who do not see this item's participants (an instructor of another item) get no panel at all.
    else if (response.status === 403) setHidden(true)
    else setError(body.errors?.[0]?.message ?? `Error ${response.status}`)
  }, [url])

  useEffect(() => {
    if (id) void load()
  }, [id, load])

  // Released: the job is sending now; follow it until it says sent.
  useEffect(() => {
    if (status?.status !== 'released') return
    const timer = setTimeout(load, 3000)
    return () => clearTimeout(timer)
  }, [status, load])

  if ((collectionSlug !== 'webinars' && collectionSlug !== 'courses') || hidden) return null
  if (!id) return <p className="aula-follow-up__hint">{t.saveFirst}</p>
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]

  const release = async () => {
    if (!status || !window.confirm(t.confirmRelease(status.confirmed))) return
    setBusy(true)
    setError('')
    try {
      const response = await fetch(`${url}/release`, { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) setError(body.errors?.[0]?.message ?? `Error ${response.status}`)
      await load()
    } finally {
      setBusy(false)
    }
  }

  const onHold = status?.status === 'on_hold' && !status.attendanceRecorded
  return (
    <div className="aula-follow-up" data-follow-up-status={status?.status}>
      <h4>{t.heading}</h4>
      {!status && !error ? <p>{t.loading}</p> : null}
      {status && !onHold ? (
        <p>
          <strong>{status.statusLabel}.</strong> {status.summary}
        </p>
      ) : null}
      {onHold && status ? (
        <div className="aula-follow-up__banner" role="status" data-follow-up-hold>
          <strong>{t.holdTitle}</strong>
          <p data-follow-up-waiting>{t.waiting(status.confirmed)}</p>
          <p>{t.holdExplain}</p>
          <a href={attendancePath(config.routes.admin, collectionSlug, id)}>{t.recordAttendance}</a>
          {roles.some((role) => CAN_RELEASE.includes(role)) ? (
            <Button buttonStyle="primary" size="small" disabled={busy} onClick={release} id="aula-follow-up-release">
              {t.release}
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="aula-follow-up__error" role="alert">
          {error}
        </p>
      ) : null}
      <style>{`
        .aula-follow-up { margin-bottom: 1.5rem; }
        .aula-follow-up h4 { margin: 0 0 .5rem; }
        .aula-follow-up__banner { border: 1px solid var(--theme-warning-500); background: var(--theme-warning-100); color: var(--theme-text); border-radius: 4px; padding: .75rem; display: flex; flex-direction: column; gap: .4rem; }
        .aula-follow-up__banner p { margin: 0; }
        .aula-follow-up__banner .btn { margin: 0; }
        .aula-follow-up__error { color: var(--theme-error-750); }
        .aula-follow-up__hint { color: var(--theme-elevation-600); }
      `}</style>
    </div>
  )
}
