'use client'

import { useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'

import { ActionDialog } from './ActionDialog'
import { certificateLabelsFor } from './labels'

/** On a confirmed enrollment's page, for admins: a certificate by hand (with a note); opens it when issued. */
export function IssueCertificateButton() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const { i18n } = useTranslation()
  const t = certificateLabelsFor(i18n.language)
  const isAdmin = ((user as { roles?: string[] } | null)?.roles ?? []).includes('admin')
  if (!id || !isAdmin || (savedDocumentData as { status?: string } | undefined)?.status !== 'confirmed') return null
  const openCertificate = (doc: { id: number }) => router.push(`${config.routes.admin}/collections/certificates/${doc.id}`)
  return <ActionDialog labels={t.issue} path="/certificates/issue" field="note" required extraBody={{ enrollment: id }} onDone={openCertificate} />
}
