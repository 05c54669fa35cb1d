import type { CollectionBeforeChangeHook } from 'payload'

/** An admin switching a webhook back on starts its failure count afresh, or the next failure would switch it off again. */
export const resetFailuresOnReactivation: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation !== 'update' || data.active !== true || originalDoc?.active !== false) return data
  return { ...data, consecutiveFailures: 0, disabledAt: null, disabledReason: null }
}
