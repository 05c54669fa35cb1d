'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'

import { say } from '../../i18n/say'
import { usePostAndRefresh } from '../usePostAndRefresh'

/** On a webhook delivery's page: sends the same event (same body and id) once more, now. Admins only; the endpoint checks. */
export const RedeliverButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const language = useTranslation().i18n.language
  const { busy, post } = usePostAndRefresh()
  if (!id || status === 'sending') return null
  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => post(`/webhook-deliveries/${id}/redeliver`)}>
        {say(language, { es: 'Reenviar', en: 'Redeliver' })}
      </Button>
    </div>
  )
}
