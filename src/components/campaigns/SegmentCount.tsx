'use client'
import { useAllFormFields, useConfig, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useMemo, useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

type Count = { total: number; withConsent: number; suppressed: number; reachable: number }

const PREFIX = 'segment.'

/**
 * The segment's count as staff build it, before saving: the form's `segment.*` values go to
 * POST /api/campaigns/segment-count (the same reading and SQL the sender uses) half a second after
 * the last change.
 */
export const SegmentCount: React.FC = () => {
  const [fields] = useAllFormFields()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const [count, setCount] = useState<Count | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const segmentJson = useMemo(() => {
    const segment: Record<string, unknown> = {}
    for (const [path, field] of Object.entries(fields)) {
      if (!path.startsWith(PREFIX)) continue
      const name = path.slice(PREFIX.length)
      if (!name.includes('.')) segment[name] = field.value
    }
    return JSON.stringify(segment)
  }, [fields])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(adminApiUrl(config, '/campaigns/segment-count'), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ segment: JSON.parse(segmentJson) }),
          signal: controller.signal,
        })
        const body = await response.json().catch(() => ({}))
        if (response.ok) {
          setCount(body as Count)
          setProblem(null)
        } else {
          setCount(null)
          setProblem(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Error ${response.status}`)
        }
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setProblem(String(error))
      }
    }, 500)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [segmentJson, config])

  return (
    <div className="field-type" data-testid="campaign-segment-count" style={{ padding: '12px 16px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 24 }}>
      {problem ? (
        <p style={{ color: 'var(--theme-error-500)', margin: 0 }}>{problem}</p>
      ) : !count ? (
        <p style={{ margin: 0 }}>{say(language, { es: 'Contando personas…', en: 'Counting people…' })}</p>
      ) : (
        <>
          <p style={{ margin: 0, fontSize: 18 }} data-testid="campaign-reachable">
            {say(language, {
              es: `Llegará a ${count.reachable} ${count.reachable === 1 ? 'persona' : 'personas'}`,
              en: `It will reach ${count.reachable} ${count.reachable === 1 ? 'person' : 'people'}`,
            })}
          </p>
          <p style={{ margin: '4px 0 0', fontSize: 13, color: 'var(--theme-elevation-600)' }}>
            {say(language, {
              es: `En el segmento: ${count.total}. Sin consentimiento de marketing: ${count.total - count.withConsent}. Dados de baja: ${count.suppressed}.`,
              en: `In the segment: ${count.total}. Without marketing consent: ${count.total - count.withConsent}. Unsubscribed: ${count.suppressed}.`,
            })}
          </p>
        </>
      )}
    </div>
  )
}
