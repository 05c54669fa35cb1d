'use client'

import { useAuth, useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { ActionDialog } from './ActionDialog'
import { certificateLabelsFor } from './labels'

/** On a valid certificate's page, for admins: reissue (same number, new version) and revoke (with a reason). */
export function CertificateActions() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const t = certificateLabelsFor(i18n.language)
  const isAdmin = ((user as { roles?: string[] } | null)?.roles ?? []).includes('admin')
  if (!id || !isAdmin || (savedDocumentData as { status?: string } | undefined)?.status !== 'valid') return null
  // The edit form holds the old values: reload the document from the server.
  const reload = () => window.location.reload()
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <ActionDialog labels={t.reissue} path={`/certificates/${id}/reissue`} field="note" required={false} onDone={reload} />
      <ActionDialog labels={t.revoke} path={`/certificates/${id}/revoke`} field="reason" required buttonStyle="error" onDone={reload} />
    </div>
  )
}
