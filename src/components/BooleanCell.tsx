'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

/** ✓ for yes, — for no (an unset box is a no): readable at a glance, in any language. */
export function BooleanCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const yes = cellData === true
  const spoken = i18n.language === 'en' ? (yes ? 'Yes' : 'No') : yes ? 'Sí' : 'No'
  return (
    <span aria-label={spoken} title={spoken} data-boolean-cell={yes ? 'yes' : 'no'}>
      {yes ? '✓' : '—'}
    </span>
  )
}
