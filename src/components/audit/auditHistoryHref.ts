/** Where a document's change history is: the audit log filtered to it (a global's entries have no document id). */
export function auditHistoryHref(adminRoute: string, target: { collectionSlug?: string; globalSlug?: string; id?: number | string | null }): string | null {
  const slug = target.collectionSlug ?? target.globalSlug
  if (!slug) return null
  const unsaved = target.id === undefined || target.id === null || target.id === ''
  if (target.collectionSlug && unsaved) return null
  const filters = [`where[collectionSlug][equals]=${encodeURIComponent(slug)}`]
  if (target.collectionSlug) filters.push(`where[documentId][equals]=${encodeURIComponent(String(target.id))}`)
  return `${adminRoute.replace(/\/$/, '')}/collections/audit-log?${filters.join('&')}`
}
