import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A row created through the collection (admin panel, REST, GraphQL) is always a staff member's manual
 * suppression: unsubscribes are written by src/automation/consent/suppression.ts, never by a client.
 */
export const markAsStaffSuppression: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return { ...data, reason: 'staff', addedBy: req.user?.id ?? null }
}
