'use client'
import { useConfig, useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import type { LanguagePreview } from '../email/templatePreview'
import { EMAIL_LOCALES, type EmailLocale } from '../email/templateVariables'
import { say } from '../i18n/say'
import { adminApiUrl } from './adminApiUrl'
import { SendTestButton } from './emailTemplates/SendTestButton'

type Previews = Record<EmailLocale, LanguagePreview>

const languageNames: Record<EmailLocale, { es: string; en: string }> = {
  es: { es: 'Español', en: 'Spanish' },
  en: { es: 'Inglés', en: 'English' },
}

const sourceNotes: Record<LanguagePreview['source'], { es: string; en: string }> = {
  draft: { es: 'Esta plantilla, con tus cambios', en: 'This template, with your changes' },
  saved: { es: 'La plantilla guardada en este idioma', en: 'The saved template in this language' },
  fallback: { es: 'No hay plantilla en este idioma: se envía la de español', en: 'No template in this language: the Spanish one is sent' },
  missing: { es: 'No hay plantilla en este idioma', en: 'No template in this language' },
}

/**
 * The email as recipients get it, in both languages side by side, filled with sample data and
 * rendered by the server exactly as the worker renders it (rich text → HTML, variables escaped).
 * The language being edited shows the unsaved changes; the other shows its saved template.
 */
export const EmailTemplatePreview: React.FC = () => {
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const key = useFormFields(([fields]) => fields.key?.value)
  const locale = useFormFields(([fields]) => fields.locale?.value)
  const subject = useFormFields(([fields]) => fields.subject?.value)
  const content = useFormFields(([fields]) => fields.content?.value)
  const body = useFormFields(([fields]) => fields.body?.value)
  const [previews, setPreviews] = useState<Previews | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!key) return
    const controller = new AbortController()
    // Typing fires a change per key stroke; render once the staff member pauses.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(adminApiUrl(config, '/email-templates/preview'), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ key, locale, subject, content, body }),
          signal: controller.signal,
        })
        const result = await response.json().catch(() => ({}))
        if (response.ok) {
          setPreviews(result.previews)
          setProblem(null)
        } else {
          setProblem(result.errors?.[0]?.data?.errors?.[0]?.message ?? result.errors?.[0]?.message ?? `Error ${response.status}`)
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem(String(error))
      }
    }, 400)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [config, key, locale, subject, content, body])

  return (
    <div className="field-type email-template-preview" style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <label className="field-label">{say(language, { es: 'Vista previa (datos de ejemplo)', en: 'Preview (sample data)' })}</label>
        <SendTestButton />
      </div>
      {problem ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {problem}
        </p>
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16 }}>
        {EMAIL_LOCALES.map((code) => {
          const preview = previews?.[code]
          return (
            <section key={code} data-preview-locale={code} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 16, background: '#fff', color: '#222' }}>
              <h4 style={{ margin: '0 0 4px' }}>{say(language, languageNames[code])}</h4>
              <p style={{ margin: '0 0 12px', fontSize: 12, color: '#666' }}>{preview ? say(language, sourceNotes[preview.source]) : '…'}</p>
              <p style={{ margin: '0 0 12px', fontWeight: 600 }} data-preview-subject>
                {preview?.subject}
              </p>
              <iframe
                title={say(language, { es: `Vista previa en ${languageNames[code].es.toLowerCase()}`, en: `${languageNames[code].en} preview` })}
                sandbox=""
                srcDoc={preview?.html ?? ''}
                style={{ width: '100%', minHeight: 320, border: 0, background: '#fff' }}
              />
              <details>
                <summary style={{ cursor: 'pointer', fontSize: 12 }}>{say(language, { es: 'Versión de solo texto', en: 'Plain-text version' })}</summary>
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{preview?.text}</pre>
              </details>
            </section>
          )
        })}
      </div>
    </div>
  )
}
