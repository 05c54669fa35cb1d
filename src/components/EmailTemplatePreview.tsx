'use client'
import { useFormFields } from '@payloadcms/ui'
import type React from 'react'

import { renderTemplate } from '../email/renderTemplate'
import { SAMPLE_VARIABLES, toEmailLocale } from '../email/templateVariables'

/** Shows the template as a recipient would see it, filled with sample data, while staff type. */
export const EmailTemplatePreview: React.FC = () => {
  const subject = useFormFields(([fields]) => fields.subject?.value)
  const body = useFormFields(([fields]) => fields.body?.value)
  const locale = toEmailLocale(useFormFields(([fields]) => fields.locale?.value))
  const rendered = renderTemplate({ subject: String(subject ?? ''), body: String(body ?? '') }, SAMPLE_VARIABLES, locale)
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">{locale === 'es' ? 'Vista previa (datos de ejemplo)' : 'Preview (sample data)'}</label>
      <div style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 16, background: '#fff', color: '#222' }}>
        <p style={{ margin: '0 0 12px', fontWeight: 600 }}>{rendered.subject}</p>
        <iframe
          title="email preview"
          sandbox=""
          srcDoc={rendered.html}
          style={{ width: '100%', minHeight: 320, border: 0, background: '#fff' }}
        />
      </div>
    </div>
  )
}
