'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

import { labelsFor } from './Dashboard/labels'

/**
 * "Exportar CSV" above a list view: downloads `/api/<collection>/export.csv` with the filters and
 * sort the list is showing (its `where[...]` and `sort` search params) and the admin language. The
 * server applies the user's access, so the file holds exactly what they may read.
 */
export const ExportCsvButton = ({ collection }: { collection: string }) => {
  const searchParams = useSearchParams()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const query = new URLSearchParams()
  for (const [key, value] of searchParams.entries()) {
    if (key.startsWith('where') || key === 'sort') query.append(key, value)
  }
  query.set('locale', i18n.language === 'en' ? 'en' : 'es')
  const href = `${config.routes.api}/${collection}/export.csv?${query}`
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: '0.75rem' }}>
      <a className="btn btn--style-secondary btn--size-small" href={href} download data-export-csv={collection}>
        {labelsFor(i18n.language).exportCsv}
      </a>
    </div>
  )
}
