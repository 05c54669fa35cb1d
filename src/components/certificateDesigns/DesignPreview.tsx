'use client'
import { useConfig, useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

const PATHS = [
  'signatoryName',
  'signatoryTitle',
  'pageSize',
  'orientation',
  'accentColor',
  'background',
  'logo',
  'signature',
  'wording.es.title',
  'wording.es.preamble',
  'wording.es.body',
  'wording.en.title',
  'wording.en.preamble',
  'wording.en.body',
] as const

/** The form's values as the preview endpoint takes them (the same shape the collection saves). */
function designBody(values: Record<string, unknown>, language: 'es' | 'en') {
  const wording = { es: {} as Record<string, unknown>, en: {} as Record<string, unknown> }
  const body: Record<string, unknown> = { language, wording }
  for (const [path, value] of Object.entries(values)) {
    const [head, code, part] = path.split('.')
    if (head === 'wording') wording[code as 'es' | 'en'][part] = value
    else body[path] = value
  }
  return body
}

/**
 * A sample certificate made by the server from the design as it stands in the form (unsaved
 * changes included), shown as the PDF itself, in Spanish or English.
 */
export const DesignPreview: React.FC = () => {
  const { config } = useConfig()
  const adminLanguage = useTranslation().i18n.language
  const [language, setLanguage] = useState<'es' | 'en'>(adminLanguage === 'en' ? 'en' : 'es')
  const values = useFormFields(([fields]) => Object.fromEntries(PATHS.map((path) => [path, fields[path]?.value])))
  const key = JSON.stringify(values)
  const body = useMemo(() => designBody(JSON.parse(key), language), [key, language])
  const [url, setUrl] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    let created: string | null = null
    // Typing fires a change per key stroke; render once the staff member pauses.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(adminApiUrl(config, '/certificate-designs/preview'), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: controller.signal,
        })
        if (!response.ok) {
          const result = await response.json().catch(() => ({}))
          setProblem(result.errors?.[0]?.data?.errors?.map((error: { message: string }) => error.message).join(' ') ?? result.errors?.[0]?.message ?? `Error ${response.status}`)
          return
        }
        created = URL.createObjectURL(await response.blob())
        setUrl(created)
        setProblem(null)
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem(String(error))
      }
    }, 600)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [config, body])

  // Each new PDF replaces the last one: free the previous object URL.
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url])

  return (
    <div className="field-type certificate-design-preview" style={{ marginBottom: 24 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <label className="field-label" style={{ margin: 0 }}>
          {say(adminLanguage, { es: 'Vista previa (datos de ejemplo)', en: 'Preview (sample data)' })}
        </label>
        {(['es', 'en'] as const).map((code) => (
          <button key={code} type="button" className={`btn btn--size-small ${language === code ? 'btn--style-primary' : 'btn--style-secondary'}`} style={{ margin: 0 }} aria-pressed={language === code} onClick={() => setLanguage(code)}>
            {code === 'es' ? say(adminLanguage, { es: 'Español', en: 'Spanish' }) : say(adminLanguage, { es: 'Inglés', en: 'English' })}
          </button>
        ))}
      </div>
      {problem ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {problem}
        </p>
      ) : null}
      {url ? (
        <iframe
          title={say(adminLanguage, { es: 'Vista previa del certificado', en: 'Certificate preview' })}
          src={url}
          data-certificate-preview
          style={{ width: '100%', height: 620, border: '1px solid var(--theme-elevation-150)', marginTop: 12, background: '#fff' }}
        />
      ) : (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{say(adminLanguage, { es: 'Preparando la vista previa…', en: 'Preparing the preview…' })}</p>
      )}
    </div>
  )
}
