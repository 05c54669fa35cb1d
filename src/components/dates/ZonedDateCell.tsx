'use client'

import type { DateFieldClient, DefaultCellComponentProps } from 'payload'
import { useConfig, useTranslation } from '@payloadcms/ui'

import { formatLocalDate, formatWithZone, zoneForRow } from '../../utilities/localTime'
import { useBusinessTimeZone } from './businessTimeZoneContext'
import { isDateOnly } from './zonedPickerValue'

/**
 * A date column in any list: a whole day as dd/MM/yyyy; a moment as dd/MM/yyyy HH:mm in the row's
 * own zone (`<field>_tz`) or the business's, naming it ("04/12/2026 19:00 (hora de Lima)").
 */
export function ZonedDateCell({ cellData, field, rowData, link, linkURL, collectionSlug }: DefaultCellComponentProps<DateFieldClient>) {
  const businessTimeZone = useBusinessTimeZone()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const value = cellData instanceof Date ? cellData.toISOString() : cellData
  const appearance = (field.admin?.date as { pickerAppearance?: string } | undefined)?.pickerAppearance
  const path = ('accessor' in field && typeof field.accessor === 'string' ? field.accessor : undefined) ?? field.name
  const text = isDateOnly(appearance)
    ? formatLocalDate(value, 'UTC')
    : formatWithZone(value, zoneForRow(rowData, path, businessTimeZone), i18n.language === 'en' ? 'en' : 'es')
  if (!link || !rowData?.id) return <span className="zoned-date-cell">{text}</span>
  const href = linkURL ?? `${config.routes.admin}/collections/${collectionSlug}/${encodeURIComponent(String(rowData.id))}`
  return (
    <a className="zoned-date-cell" href={href}>
      {text || rowData.id}
    </a>
  )
}
