type Doc = Record<string, unknown>

/** The field naming whom a document is about, per audited collection (leads have none: they are found by id). */
const PERSON_FIELD: Record<string, string> = {
  enrollments: 'user',
  payments: 'user',
  receipts: 'user',
  certificates: 'user',
  bookings: 'buyer',
}

const idOf = (value: unknown): number | null => {
  const id = value && typeof value === 'object' ? (value as Doc).id : value
  const numeric = Number(id)
  return id !== null && id !== undefined && id !== '' && Number.isInteger(numeric) ? numeric : null
}

/** Whom an entry is about, read from the document itself (no query: the registration path stays one INSERT). */
export function personOf(collectionSlug: string, doc: Doc | null | undefined): number | null {
  if (!doc) return null
  if (collectionSlug === 'users') return idOf(doc.id)
  const field = PERSON_FIELD[collectionSlug]
  return field ? idOf(doc[field]) : null
}
