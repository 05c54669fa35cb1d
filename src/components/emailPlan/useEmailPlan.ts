'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'

/** Reads `GET /api/<collection>/:id/email-plan` once the document is saved; `hidden` on a 403 (not this staff member's to see). */
export function useEmailPlan<T>(collectionSlug: string | undefined, id: number | string | undefined) {
  const { config } = useConfig()
  const [plan, setPlan] = useState<T | null>(null)
  const [failed, setFailed] = useState(false)
  const [hidden, setHidden] = useState(false)
  const url = adminApiUrl(config, `/${collectionSlug}/${id}/email-plan`)
  useEffect(() => {
    if (!id) return
    fetch(url, { credentials: 'include' })
      .then(async (response) => {
        if (response.ok) setPlan(await response.json())
        else if (response.status === 403) setHidden(true)
        else setFailed(true)
      })
      .catch(() => setFailed(true))
  }, [url, id])
  return { plan, failed, hidden }
}
