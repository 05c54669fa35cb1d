'use client'

import { FieldLabel, useFormFields, useTranslation } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'

/**
 * The item's stored average and count read as a person says them ("4,33 de 5 · 3 valoraciones"),
 * in the admin's language, instead of two bare number inputs showing "4.33" to Spanish staff.
 */
export const RatingReadout: NumberFieldClientComponent = ({ field, path }) => {
  const { i18n } = useTranslation()
  const spanish = i18n.language !== 'en'
  const average = useFormFields(([fields]) => fields[path]?.value) as number | null | undefined
  const count = Number(useFormFields(([fields]) => fields[path.replace(/ratingAverage$/, 'ratingCount')]?.value) ?? 0)
  const locale = spanish ? 'es-PE' : 'en-US'
  const text =
    count > 0 && typeof average === 'number'
      ? `${average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 })} ${spanish ? 'de 5' : 'out of 5'} · ${count} ${spanish ? (count === 1 ? 'valoración' : 'valoraciones') : count === 1 ? 'rating' : 'ratings'}`
      : spanish
        ? 'Sin valoraciones todavía'
        : 'No ratings yet'
  return (
    <div className="field-type" data-rating-readout style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label} path={path} />
      <div>{text}</div>
    </div>
  )
}
