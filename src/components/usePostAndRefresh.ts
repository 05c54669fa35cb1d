'use client'
import { toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import { adminApiUrl } from './adminApiUrl'

/**
 * The admin buttons' dance: POST to an Aula endpoint with the session cookie, toast the server's
 * message (or its error), refresh the page on success. `busy` disables the button meanwhile.
 */
export function usePostAndRefresh(): { busy: boolean; post: (path: string, body?: unknown) => Promise<boolean> } {
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const post = async (path: string, body?: unknown) => {
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, path), {
        method: 'POST',
        credentials: 'include',
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      })
      const answer = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(answer.errors?.[0]?.message ?? `Error ${response.status}`)
        return false
      }
      toast.success(answer.message ?? 'OK')
      router.refresh()
      return true
    } finally {
      setBusy(false)
    }
  }
  return { busy, post }
}
