'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { say } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'

/** "Descargar PDF" on a receipt's page: the PDF is drawn from the frozen snapshot by GET /api/receipts/:id/pdf. */
export function ReceiptPdfLink() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const language = useTranslation().i18n.language
  if (!id) return null
  return (
    <p>
      <a className="btn btn--style-secondary btn--size-medium" href={adminApiUrl(config, `/receipts/${id}/pdf`)}>
        {say(language, { es: 'Descargar PDF', en: 'Download PDF' })}
      </a>
    </p>
  )
}
