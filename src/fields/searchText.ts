import type { TextField } from 'payload'

import { foldText } from '../utilities/foldText'

const pick = (data: Record<string, unknown> | undefined, doc: Record<string, unknown> | undefined, name: string) =>
  (data && name in data ? data[name] : doc?.[name]) ?? ''

/**
 * Title and summary, lowercased with accents folded, kept up to date on every save. Frontends
 * search with `where[searchText][like]=...`; `foldSearchQuery` folds the typed words the same way,
 * so "programacion", "Programación" and "PROGRAMACIÓN" all match.
 */
export const searchTextField = (sources: string[]): TextField => ({
  name: 'searchText',
  type: 'text',
  index: true,
  label: { es: 'Texto de búsqueda', en: 'Search text' },
  access: { create: () => false, update: () => false },
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  hooks: {
    beforeChange: [
      ({ data, originalDoc }) =>
        foldText(sources.map((name) => String(pick(data, originalDoc, name))).filter(Boolean).join(' ')),
    ],
  },
})
