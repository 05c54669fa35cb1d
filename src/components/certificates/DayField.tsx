'use client'

import { FieldLabel, useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/** A snapshot day stored as `YYYY-MM-DD` (a calendar date, no zone to shift) read day first: 30/11/2026. */
export const DayField: TextFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ path })
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '')
  return (
    <div className="field-type" data-day-field={path} style={{ flex: '1 1 0', marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label} path={path} />
      <div>{match ? `${match[3]}/${match[2]}/${match[1]}` : '—'}</div>
    </div>
  )
}
