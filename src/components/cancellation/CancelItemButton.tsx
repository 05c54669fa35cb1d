'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { formatPrice } from '../currency/formatPrice'
import { cancellationLabelsFor } from './labels'

type Collection = 'courses' | 'webinars'

interface Preview {
  status: string
  people: { confirmed: number; pending_payment: number; waitlisted: number; total: number }
  refunds: { count: number; amounts: { currency: string; amount: number }[] }
}

const CAN_CANCEL = ['admin', 'editor']

/**
 * On a saved course or webinar, for admins and editors: "Cancelar curso/webinar" shows who is affected
 * and what will be refunded (`GET …/:id/cancellation`), asks for a reason and confirms with those same
 * numbers (`POST …/:id/cancel`; a 409 brings fresh ones). Afterwards it follows the background job
 * until no active enrollment is left; closing it then reloads the document.
 */
export function CancelItemButton() {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [reason, setReason] = useState('')
  const [stale, setStale] = useState(false)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [cancelledHere, setCancelledHere] = useState(false)
  const collection = collectionSlug as Collection
  const url = adminApiUrl(config, `/${collection}/${id}`)
  const t = cancellationLabelsFor(i18n.language)

  const load = useCallback(async () => {
    const response = await fetch(`${url}/cancellation`, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    if (response.ok) setPreview(body)
    else setError(body.errors?.[0]?.message ?? `Error ${response.status}`)
  }, [url])

  const running = preview?.status === 'cancelled'
  useEffect(() => {
    if (!open || !running || !preview?.people.total) return
    const timer = setTimeout(load, 3000)
    return () => clearTimeout(timer)
  }, [open, running, preview, load])

  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!id || (collection !== 'courses' && collection !== 'webinars') || !roles.some((role) => CAN_CANCEL.includes(role))) return null
  const alreadyCancelled = (savedDocumentData as { status?: string } | undefined)?.status === 'cancelled'

  const openDialog = () => {
    setPreview(null)
    setStale(false)
    setError('')
    setOpen(true)
    void load()
  }

  // The edit form still holds the old status: saving it would reopen the item, so it is reloaded from the server.
  const close = () => (cancelledHere ? window.location.reload() : setOpen(false))

  const confirm = async () => {
    if (!preview) return
    setBusy(true)
    setError('')
    try {
      const response = await fetch(`${url}/cancel`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason, confirm: { people: preview.people.total, refunds: preview.refunds.count } }),
      })
      const body = await response.json().catch(() => ({}))
      if (response.status === 409 && body.people) {
        setPreview(body)
        setStale(true)
        return
      }
      if (!response.ok) {
        setError(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Error ${response.status}`)
        return
      }
      setStale(false)
      setPreview(body)
      setCancelledHere(true)
    } finally {
      setBusy(false)
    }
  }

  const people = preview?.people
  return (
    <div className="aula-cancel-item">
      <Button buttonStyle="error" size="medium" onClick={openDialog} id="aula-cancel-item">
        {alreadyCancelled ? t.progressButton : t.button[collection]}
      </Button>
      {open ? (
        <div className="aula-cancel-item__backdrop" role="presentation">
          <div className="aula-cancel-item__dialog" role="dialog" aria-modal="true" aria-labelledby="aula-cancel-item-title">
            <h3 id="aula-cancel-item-title">{t.title[collection]}</h3>
            {!running ? <p>{t.explain}</p> : null}
            {error ? <p className="aula-cancel-item__error" role="alert">{error}</p> : null}
            {!preview && !error ? <p>{t.loading}</p> : null}
            {people ? (
              <dl className="aula-cancel-item__numbers" data-cancellation-preview>
                <dt>{t.people}</dt>
                <dd data-people-total>{people.total}</dd>
                <dt>{t.confirmed}</dt>
                <dd>{people.confirmed}</dd>
                <dt>{t.pending}</dt>
                <dd>{people.pending_payment}</dd>
                <dt>{t.waitlisted}</dt>
                <dd>{people.waitlisted}</dd>
                <dt>{t.refunds}</dt>
                <dd data-refunds>
                  {preview.refunds.count
                    ? `${t.payments(preview.refunds.count)}: ${preview.refunds.amounts.map((row) => formatPrice(row.amount, row.currency, i18n.language)).join(' + ')}`
                    : t.noRefunds}
                </dd>
              </dl>
            ) : null}
            {stale ? <p className="aula-cancel-item__warning" role="alert">{t.stale}</p> : null}
            {running && preview ? (
              <div data-cancellation-running>
                <p>
                  {t.status}: <strong data-item-status>{t.statusNames[preview.status] ?? preview.status}</strong>
                </p>
                <p>{preview.people.total ? `${t.running} ${t.remaining(preview.people.total)}` : t.finished}</p>
              </div>
            ) : null}
            {preview && !running ? (
              <>
                <label htmlFor="aula-cancel-item-reason">{t.reasonLabel}</label>
                <textarea id="aula-cancel-item-reason" name="reason" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
                <p className="aula-cancel-item__hint">{t.reasonHint}</p>
              </>
            ) : null}
            <div className="aula-cancel-item__actions">
              {preview && !running ? (
                <Button buttonStyle="error" disabled={busy || reason.trim() === ''} onClick={confirm} id="aula-cancel-item-confirm">
                  {t.confirm(preview.people.total)}
                </Button>
              ) : null}
              <Button buttonStyle="secondary" disabled={busy} onClick={close}>
                {t.close}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      <style>{`
        .aula-cancel-item__backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.4); z-index: 100; display: flex; align-items: center; justify-content: center; }
        .aula-cancel-item__dialog { background: var(--theme-elevation-0); color: var(--theme-text); padding: 1.5rem; border-radius: 6px; width: min(34rem, 92vw); display: flex; flex-direction: column; gap: .5rem; }
        .aula-cancel-item__numbers { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0; }
        .aula-cancel-item__numbers dd { margin: 0; font-weight: 600; }
        .aula-cancel-item__dialog textarea { padding: .5rem; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); }
        .aula-cancel-item__hint { color: var(--theme-elevation-600); font-size: .85rem; margin: 0; }
        .aula-cancel-item__warning, .aula-cancel-item__error { color: var(--theme-error-750); }
        .aula-cancel-item__actions { display: flex; gap: .5rem; }
        .aula-cancel-item__actions .btn { margin: 0; }
      `}</style>
    </div>
  )
}
