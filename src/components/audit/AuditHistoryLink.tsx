'use client'
import { useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type React from 'react'

import { checkRole } from '../../access/checkRole'
import { say } from '../../i18n/say'
import { auditHistoryHref } from './auditHistoryHref'

/**
 * In the sidebar of every audited document and settings global (added by src/audit/withAuditLog.ts): a
 * link to the audit log filtered to it. Only admins may read the log, so nobody else sees the link; a
 * document not yet saved has no history.
 */
export const AuditHistoryLink: React.FC = () => {
  const { user } = useAuth()
  const { config } = useConfig()
  const { id, collectionSlug, globalSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const href = auditHistoryHref(config.routes.admin, { collectionSlug, globalSlug, id })
  if (!href || !checkRole(['admin'], user as Parameters<typeof checkRole>[1])) return null
  return (
    <p className="audit-history-link">
      <a href={href} data-audit-history-link>
        {say(i18n.language, { es: 'Ver historial de cambios →', en: 'See the change history →' })}
      </a>
    </p>
  )
}
