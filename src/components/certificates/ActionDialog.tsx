'use client'

import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { certificateLabelsFor, type CertificateActionLabels } from './labels'

interface Props {
  labels: CertificateActionLabels
  /** The API path to POST to, e.g. `/certificates/7/revoke`. */
  path: string
  /** The body's text field (`note` or `reason`). */
  field: 'note' | 'reason'
  required: boolean
  buttonStyle?: 'primary' | 'secondary' | 'error'
  /** Builds the rest of the body. */
  extraBody?: Record<string, unknown>
  onDone: (doc: { id: number }) => void
}

/** A button that opens a small dialog with one text box, POSTs it, and reports the server's answer. */
export function ActionDialog({ labels, path, field, required, buttonStyle = 'secondary', extraBody, onDone }: Props) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const common = certificateLabelsFor(i18n.language)
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const id = `aula-certificate-${field}-${labels.confirm}`.toLowerCase().replace(/[^a-z-]/g, '')

  const submit = async () => {
    if (required && !text.trim()) return setError(common.required)
    setBusy(true)
    setError('')
    try {
      const response = await fetch(adminApiUrl(config, path), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...extraBody, [field]: text }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) return setError(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Error ${response.status}`)
      toast.success(body.message)
      setOpen(false)
      onDone(body.doc)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button buttonStyle={buttonStyle} size="medium" onClick={() => setOpen(true)}>
        {labels.button}
      </Button>
      {open ? (
        <div role="presentation" style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.4)', zIndex: 100, display: 'grid', placeItems: 'center' }}>
          <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} style={{ background: 'var(--theme-elevation-0)', padding: 24, maxWidth: 520, width: '90%', borderRadius: 4 }}>
            <h3 id={`${id}-title`}>{labels.title}</h3>
            <p>{labels.explain}</p>
            <label htmlFor={id} style={{ display: 'block', fontWeight: 600 }}>
              {labels.field}
            </label>
            <textarea id={id} name={field} value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={1000} style={{ width: '100%' }} />
            {error ? (
              <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
                {error}
              </p>
            ) : null}
            <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
              <Button buttonStyle="secondary" onClick={() => setOpen(false)} disabled={busy}>
                {common.cancel}
              </Button>
              <Button buttonStyle={buttonStyle === 'error' ? 'error' : 'primary'} onClick={submit} disabled={busy}>
                {labels.confirm}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  )
}
