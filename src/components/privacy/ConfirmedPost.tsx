'use client'
import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useState } from 'react'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

type Words = { es: string; en: string }

export interface ConfirmedPostProps {
  /** The red button that opens the confirmation, and its `data-*` attribute for tests. */
  label: Words
  buttonAttribute: string
  /** What is about to happen, said before anything is sent. */
  question: Words
  explanation: Words
  confirmAttribute: string
  /** API path under /api and the JSON body (`confirm: true` is added). */
  path: string
  body: Record<string, unknown>
}

/**
 * An irreversible admin action (erasing one person, erasing the inactive): a red button, then a
 * confirmation that says what happens, then the POST; the page reloads with the result, or a toast
 * says the server's reason.
 */
export const ConfirmedPost: React.FC<ConfirmedPostProps> = ({ label, buttonAttribute, question, explanation, confirmAttribute, path, body }) => {
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, path), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, confirm: true }),
      })
      const answer = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(answer.message ?? 'OK')
        setConfirming(false)
        router.refresh()
      } else {
        toast.error(answer.errors?.[0]?.data?.errors?.[0]?.message ?? answer.errors?.[0]?.message ?? `Error ${response.status}`)
      }
    } finally {
      setBusy(false)
    }
  }

  if (!confirming) {
    return (
      <Button buttonStyle="error" onClick={() => setConfirming(true)} extraButtonProps={{ [`data-${buttonAttribute}`]: true }}>
        {say(language, label)}
      </Button>
    )
  }
  return (
    <div role="alertdialog" aria-labelledby={`${confirmAttribute}-title`} style={{ border: '1px solid var(--theme-error-500)', borderRadius: 4, padding: 12, maxWidth: 640 }}>
      <p id={`${confirmAttribute}-title`} style={{ fontWeight: 600, marginTop: 0 }}>
        {say(language, question)}
      </p>
      <p style={{ fontSize: 12 }}>{say(language, explanation)}</p>
      <Button buttonStyle="error" size="small" disabled={busy} onClick={send} extraButtonProps={{ [`data-${confirmAttribute}`]: true }}>
        {say(language, { es: 'Sí, borrar definitivamente', en: 'Yes, erase for good' })}
      </Button>{' '}
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => setConfirming(false)}>
        {say(language, { es: 'Cancelar', en: 'Cancel' })}
      </Button>
    </div>
  )
}
