import type { TextField } from 'payload'

import { foldText } from '../utilities/foldText'

const pick = (data: Record<string, unknown> | undefined, doc: Record<string, unknown> | undefined, name: string) =>
  (data && name in data ? data[name] : doc?.[name]) ?? ''

/**
 * A btree row holds about 2,700 bytes. Folding decomposes some letters into several (a Hangul
 * syllable of 3 bytes becomes up to three jamo of 3 bytes each), so a long title and summary
 * could outgrow the index and fail the save.
 */
const INDEX_ROW_BYTES = 2_000

const withinIndexRow = (text: string): string => {
  if (Buffer.byteLength(text) <= INDEX_ROW_BYTES) return text
  let end = text.length
  while (Buffer.byteLength(text.slice(0, end)) > INDEX_ROW_BYTES) end -= 1
  // Never cut a surrogate pair in two.
  return /[\uD800-\uDBFF]$/.test(text.slice(0, end)) ? text.slice(0, end - 1) : text.slice(0, end)
}

/** The values, folded and joined, cut to what the index row holds: what a `searchText` column stores. */
export const toSearchText = (values: unknown[]): string =>
  withinIndexRow(foldText(values.map((value) => (value === null || value === undefined ? '' : String(value))).filter(Boolean).join(' ')))

/**
 * Title and summary, lowercased with accents folded, kept up to date on every save. Frontends
 * search with `where[searchText][like]=...`; `foldSearchQuery` folds the typed words the same way,
 * so "programacion", "Programación" and "PROGRAMACIÓN" all match.
 */
export const searchTextField = (sources: string[]): TextField => ({
  name: 'searchText',
  type: 'text',
  index: true,
  // The hook keeps it within INDEX_ROW_BYTES, which no text of more characters than bytes can exceed.
  maxLength: 2_000,
  label: { es: 'Texto de búsqueda', en: 'Search text' },
  access: { create: () => false, update: () => false },
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  // Computed from fields the audit log already shows changing (docs/audit.md).
  custom: { audit: false },
  hooks: {
    beforeChange: [
      ({ data, originalDoc }) => toSearchText(sources.map((name) => pick(data, originalDoc, name))),
    ],
  },
})
