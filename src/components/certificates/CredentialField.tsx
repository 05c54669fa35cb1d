'use client'

import { FieldLabel, useConfig, useDocumentInfo, useField, useTranslation } from '@payloadcms/ui'
import type { TextareaFieldClientComponent } from 'payload'

import { adminApiUrl } from '../adminApiUrl'

/**
 * The signed credential is a long base64 string no coordinator reads: the page says what it is and
 * offers it as a file (the holder's own download is the same endpoint), instead of a wall of text.
 */
export const CredentialField: TextareaFieldClientComponent = ({ field, path }) => {
  const { id } = useDocumentInfo()
  const { value } = useField<string>({ path })
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const spanish = i18n.language !== 'en'
  return (
    <div className="field-type" data-credential-field style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label} path={path} />
      {value && id ? (
        <p>
          {spanish ? 'Firmada con la clave de Aula (JWT, EdDSA). ' : "Signed with Aula's key (JWT, EdDSA). "}
          <a href={adminApiUrl(config, `/certificates/${id}/credential`)} download>
            {spanish ? 'Descargar credencial (.jwt)' : 'Download credential (.jwt)'}
          </a>
        </p>
      ) : (
        <p>{spanish ? 'Sin credencial.' : 'No credential.'}</p>
      )}
    </div>
  )
}
