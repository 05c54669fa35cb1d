'use client'
import { Button, toast, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useEffect, useState } from 'react'

import { say } from '../i18n/say'
import { adminApiUrl } from './adminApiUrl'

type Option = { value: string; label: string }

/**
 * On a won lead's page: enrolls the person in a published course or webinar through
 * `POST /api/leads/:id/convert` (the endpoint checks access and the seat rules).
 */
export const ConvertLeadButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const stage = useFormFields(([fields]) => fields.stage?.value)
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const [options, setOptions] = useState<Option[]>([])
  const [choice, setChoice] = useState('')
  const [busy, setBusy] = useState(false)
  const api = adminApiUrl(config)

  useEffect(() => {
    if (!id || stage !== 'won') return
    const load = async (collection: 'courses' | 'webinars', prefix: string) => {
      const response = await fetch(`${api}/${collection}?limit=100&depth=0&select[title]=true&where[status][equals]=published&sort=title`, { credentials: 'include' })
      const body = await response.json().catch(() => ({ docs: [] }))
      return ((body.docs ?? []) as { id: number; title: string }[]).map((doc) => ({ value: `${collection}:${doc.id}`, label: `${prefix} · ${doc.title}` }))
    }
    Promise.all([load('courses', say(language, { es: 'Curso', en: 'Course' })), load('webinars', 'Webinar')]).then(([courses, webinars]) => setOptions([...courses, ...webinars]))
  }, [api, id, language, stage])

  if (!id || stage !== 'won') return null

  const convert = async () => {
    const [relationTo, value] = choice.split(':')
    setBusy(true)
    try {
      const response = await fetch(`${api}/leads/${id}/convert`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ item: { relationTo, value: Number(value) } }),
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(`${body.message ?? 'OK'} (${body.enrollment?.status ?? ''})`)
        router.refresh()
      } else {
        toast.error(body.errors?.[0]?.message ?? `Error ${response.status}`)
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <label htmlFor="convert-lead-item" style={{ display: 'block', marginBottom: 8 }}>
        {say(language, { es: 'Inscribir en', en: 'Enroll in' })}
      </label>
      <select id="convert-lead-item" value={choice} onChange={(event) => setChoice(event.target.value)} style={{ width: '100%', marginBottom: 8 }}>
        <option value="">—</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Button buttonStyle="secondary" disabled={busy || !choice} onClick={convert}>
        {say(language, { es: 'Convertir', en: 'Convert' })}
      </Button>
    </div>
  )
}
