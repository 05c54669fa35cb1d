'use client'
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

import { audienceOf, callJson, itemUrl, type PageFilters } from './api'
import { participantLabels } from './labels'

type Version = { subject: string; body: string }
type Preview = { recipients: number; rendered: Record<string, { subject: string; html: string; to: string }> }

/** A key per message: a double click, or a retry after a lost answer, sends it once (the server dedupes on it). */
const newSendKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, '')

/** "Email these people": subject and body in one or both languages, preview, a test to oneself, then send. */
export function EmailComposer({ collection, id, language, filters, count }: { collection: string; id: number; language: string; filters: PageFilters; count: number }) {
  const { config } = useConfig()
  const t = participantLabels(language).email
  const mine = language === 'en' ? 'en' : 'es'
  const [open, setOpen] = useState(false)
  const [bilingual, setBilingual] = useState(false)
  const [versions, setVersions] = useState<Record<'es' | 'en', Version>>({ es: { subject: '', body: '' }, en: { subject: '', body: '' } })
  const [preview, setPreview] = useState<Preview | null>(null)
  const [busy, setBusy] = useState(false)
  const [sendKey, setSendKey] = useState(newSendKey)

  if (!open) {
    return (
      <div>
        <Button buttonStyle="primary" margin={false} onClick={() => setOpen(true)} disabled={!count}>
          {t.open}
        </Button>
      </div>
    )
  }

  const languages: ('es' | 'en')[] = bilingual ? ['es', 'en'] : [mine]
  const message = Object.fromEntries(languages.map((locale) => [locale, versions[locale]]))
  const post = async (mode: 'preview' | 'test' | 'send') =>
    callJson(itemUrl(config, collection, id, '/message'), { method: 'POST', body: { mode, audience: audienceOf(filters), message, sendKey } })
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (failure) {
      toast.error((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const edit = (locale: 'es' | 'en', patch: Partial<Version>) => {
    setVersions((current) => ({ ...current, [locale]: { ...current[locale], ...patch } }))
    setPreview(null)
  }

  return (
    <section className="aula-participants__composer" aria-label={t.open}>
      <h3 style={{ margin: 0 }}>{t.heading(count)}</h3>
      <label>
        {t.languages}
        <select className="aula-participants__select" value={bilingual ? 'both' : 'mine'} onChange={(event) => setBilingual(event.target.value === 'both')}>
          <option value="mine">{t.mine}</option>
          <option value="both">{t.both}</option>
        </select>
      </label>
      <div className="aula-participants__versions">
        {languages.map((locale) => (
          <div key={locale} data-message-language={locale} style={{ display: 'flex', flexDirection: 'column', gap: '0.5rem' }}>
            {bilingual ? <strong>{locale === 'es' ? t.spanish : t.english}</strong> : null}
            <label>
              {t.subject}
              <input type="text" name={`subject-${locale}`} maxLength={200} value={versions[locale].subject} onChange={(event) => edit(locale, { subject: event.target.value })} />
            </label>
            <label>
              {t.body}
              <textarea name={`body-${locale}`} rows={8} maxLength={10000} value={versions[locale].body} onChange={(event) => edit(locale, { body: event.target.value })} />
            </label>
          </div>
        ))}
      </div>
      <p className="aula-participants__muted">{t.variables}</p>
      <div className="aula-participants__bar">
        <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={() => run(async () => setPreview(await post('preview')))}>
          {t.preview}
        </Button>
        <Button
          buttonStyle="secondary"
          margin={false}
          disabled={busy}
          onClick={() =>
            run(async () => {
              toast.success(t.testSent((await post('test')).to))
            })
          }
        >
          {t.test}
        </Button>
        <Button
          buttonStyle="primary"
          margin={false}
          disabled={busy || !count}
          onClick={() =>
            run(async () => {
              if (!window.confirm(t.confirm(count))) return
              const result = await post('send')
              if (result.alreadySent) toast.info(t.alreadySent)
              else toast.success(t.queued(result.recipients))
              setSendKey(newSendKey())
            })
          }
        >
          {t.send(count)}
        </Button>
        <Button buttonStyle="subtle" margin={false} onClick={() => setOpen(false)}>
          {t.close}
        </Button>
      </div>
      {preview
        ? Object.entries(preview.rendered).map(([locale, email]) => (
            <div key={locale} data-preview-language={locale}>
              <p className="aula-participants__muted">
                {t.previewFor(email.to)} — <strong>{email.subject}</strong>
              </p>
              {/* The email's own HTML in a sandbox without scripts: nothing in it runs, so it cannot act on the admin page. */}
              <iframe className="aula-participants__preview" title={`${t.preview} ${locale}`} sandbox="allow-same-origin" srcDoc={email.html} />
            </div>
          ))
        : null}
    </section>
  )
}
