'use client'
import { Button, FieldLabel, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

import { adminApiUrl } from '../../../components/adminApiUrl'
import { say } from '../../../i18n/say'

/**
 * "Secreto de firma" on a webhook's page. The stored secret can never be read back, so the only way to
 * see one is to make a new one (POST /api/webhooks/:id/rotate-secret): it stays on screen until the page is left.
 */
export const SigningSecretField: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  const [secret, setSecret] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = say(language, { es: 'Secreto de firma', en: 'Signing secret' })

  if (!id) {
    return (
      <div className="field-type" style={{ marginBottom: 24 }}>
        <FieldLabel label={label} />
        <p>{say(language, { es: 'Se crea al guardar. Luego, genere uno nuevo aquí para verlo y copiarlo.', en: 'It is made when you save. Then make a new one here to see and copy it.' })}</p>
      </div>
    )
  }

  const rotate = async () => {
    const question = { es: '¿Generar un secreto nuevo? El receptor dejará de aceptar los envíos hasta que lo actualice.', en: 'Make a new secret? The receiver will reject deliveries until it is updated.' }
    if (!window.confirm(say(language, question))) return
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/webhooks/${id}/rotate-secret`), { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok && typeof body.secret === 'string') setSecret(body.secret)
      else toast.error(body.errors?.[0]?.message ?? `Error ${response.status}`)
    } finally {
      setBusy(false)
    }
  }

  const copy = async () => {
    if (!secret) return
    await navigator.clipboard.writeText(secret)
    toast.success(say(language, { es: 'Copiado', en: 'Copied' }))
  }

  return (
    <div className="field-type" style={{ marginBottom: 24 }} data-webhook-secret>
      <FieldLabel label={label} />
      {secret ? (
        <>
          <p>
            <strong>{say(language, { es: 'Cópielo ahora: no se volverá a mostrar.', en: 'Copy it now: it will not be shown again.' })}</strong>
          </p>
          <input readOnly value={secret} onFocus={(event) => event.currentTarget.select()} style={{ width: '100%', fontFamily: 'monospace' }} />
          <Button buttonStyle="secondary" size="small" onClick={copy}>
            {say(language, { es: 'Copiar', en: 'Copy' })}
          </Button>
        </>
      ) : (
        <p>{say(language, { es: 'Guardado cifrado; nadie puede volver a leerlo.', en: 'Stored encrypted; nobody can read it again.' })}</p>
      )}
      <Button buttonStyle="secondary" disabled={busy} onClick={rotate}>
        {say(language, { es: 'Generar un secreto nuevo', en: 'Make a new secret' })}
      </Button>
    </div>
  )
}
