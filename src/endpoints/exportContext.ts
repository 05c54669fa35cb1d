import type { FlattenedField, PayloadRequest } from 'payload'

import { getBusinessSettings } from '../settings/businessSettings'
import { formatLocalDate, formatLocalDateTime, formatWithZone, timeZoneName, type AdminLanguage } from '../utilities/localTime'

type Label = string | Record<string, string> | ((...args: never[]) => unknown) | false | undefined

/**
 * What a CSV cell needs to read as the admin reads the same value on screen: their language, the
 * business's time zone, and the labels the collection's own select fields give each stored value.
 */
export interface ExportContext {
  language: AdminLanguage
  /** The business zone (src/settings/businessSettings.ts): times without a zone of their own are read in it. */
  timeZone: string
  /** A select's stored value as its label ("confirmed" → "Confirmada"); a list joined with ", ". */
  option(field: string, value: unknown): string
  /** A collection's singular name ("webinars" → "Webinar"/"Curso"). */
  collectionLabel(slug: unknown): string
  yesNo(value: unknown): string
  /** "04/12/2026 19:00" in the business zone (the header names the zone). */
  businessTime(value: unknown): string
  /** "04/12/2026" in the business zone. */
  businessDate(value: unknown): string
  /** "04/12/2026 19:00 (hora de Lima)": a time in a zone of its own, named in the cell. */
  timeIn(value: unknown, timeZone: string | null | undefined): string
  /** " (hora de Lima)" / " (Lima time)", for headers of business-zone columns. */
  zoneSuffix: string
}

/**
 * A config label in `language`: a string, an `{es, en}` object, or a function of the language (how
 * src/i18n/withAdminLanguage.ts hands collection labels to Payload), called as Payload calls it.
 */
const pick = (label: Label, language: AdminLanguage, fallback: string, req: PayloadRequest): string => {
  if (typeof label === 'function') {
    const i18n = { ...req.i18n, language, fallbackLanguage: 'es' }
    const resolved = (label as (args: { i18n: unknown; t: unknown }) => unknown)({ i18n, t: req.t })
    return typeof resolved === 'string' && resolved ? resolved : fallback
  }
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return label[language] ?? label.es ?? label.en ?? fallback
  return fallback
}

const asDate = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || value instanceof Date ? value : null)

export async function exportContext(req: PayloadRequest, collection: string, language: AdminLanguage): Promise<ExportContext> {
  const { timezone } = await getBusinessSettings(req.payload, req)
  const fields = (req.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } }>)[collection]?.config.flattenedFields ?? []
  const labelsOf = new Map<string, Map<string, string>>()
  const optionsOf = (name: string) => {
    const cached = labelsOf.get(name)
    if (cached) return cached
    const field = fields.find((candidate) => 'name' in candidate && candidate.name === name) as { options?: unknown[] } | undefined
    const labels = new Map<string, string>()
    for (const option of field?.options ?? []) {
      if (typeof option === 'string') labels.set(option, option)
      else if (option && typeof option === 'object') {
        const { value, label } = option as { value: string; label?: Label }
        labels.set(String(value), pick(label, language, String(value), req))
      }
    }
    labelsOf.set(name, labels)
    return labels
  }
  const one = (field: string, value: unknown) => (value === null || value === undefined || value === '' ? '' : (optionsOf(field).get(String(value)) ?? String(value)))
  return {
    language,
    timeZone: timezone,
    option: (field, value) => (Array.isArray(value) ? value.map((entry) => one(field, entry)).join(', ') : one(field, value)),
    collectionLabel: (slug) => {
      const config = (req.payload.collections as Record<string, { config: { labels?: { singular?: Label } } }>)[String(slug)]?.config
      return slug ? pick(config?.labels?.singular, language, String(slug), req) : ''
    },
    yesNo: (value) => (value ? (language === 'en' ? 'Yes' : 'Sí') : 'No'),
    businessTime: (value) => formatLocalDateTime(asDate(value), timezone),
    businessDate: (value) => formatLocalDate(asDate(value), timezone),
    timeIn: (value, zone) => formatWithZone(asDate(value), zone || timezone, language),
    zoneSuffix: language === 'en' ? ` (${timeZoneName(timezone)} time)` : ` (hora de ${timeZoneName(timezone)})`,
  }
}
