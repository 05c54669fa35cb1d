'use client'
import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation.js'

import { attendanceLabels } from './labels'
import { attendancePath } from './viewConfig'

/** The "Asistencia" tab beside "Participantes", labelled in the admin's language. */
export const AttendanceTabButton = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const pathname = usePathname()
  if (!id || !collectionSlug) return null
  const href = attendancePath(config.routes.admin, collectionSlug, id)
  const active = pathname === href
  const label = attendanceLabels(i18n.language).tab
  return (
    <Button
      aria-label={label}
      buttonStyle="tab"
      className={['doc-tab', active && 'doc-tab--active'].filter(Boolean).join(' ')}
      disabled={active}
      el={active ? 'div' : 'link'}
      margin={false}
      size="medium"
      to={href}
    >
      <span className="doc-tab__label">{label}</span>
    </Button>
  )
}
