import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { crmSettingsFor } from '../../../crm/crmSettingsFor'
import { sql, sqlFor } from '../../../enrollment/transaction'

/**
 * A new lead nobody assigned goes to the next member of the CRM settings' sales team, in order.
 * The turn is `max(assignmentSequence) + 1`, read under a transaction-scoped advisory lock, so
 * simultaneous submissions queue up for their turn instead of landing on the same person
 * (docs/decisions/0005-lead-round-robin.md).
 */
export const assignRoundRobin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.assignedTo) return data
  const settings = await crmSettingsFor(req)
  if (!settings.autoAssign || !settings.salesTeam.length) return data
  const team = await activeSalesUsers(req, settings.salesTeam)
  if (!team.length) return data
  const db = await sqlFor(req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('aula.leads.round_robin'))`)
  const { rows } = await db.execute(sql`SELECT COALESCE(MAX(assignment_sequence), 0) AS last FROM leads`)
  const sequence = Number(rows[0]?.last ?? 0) + 1
  data.assignmentSequence = sequence
  data.assignedTo = team[(sequence - 1) % team.length]
  return data
}

/** The team members, in the settings' order, who still hold the sales role. */
async function activeSalesUsers(req: PayloadRequest, ids: number[]): Promise<number[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { roles: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const sales = new Set(docs.filter((user) => (user.roles ?? []).includes('sales')).map((user) => user.id as number))
  return ids.filter((id) => sales.has(id))
}
