import type { PayloadRequest } from 'payload'

import { checkRole } from '../access'
import { itemsTaughtBy, type TaughtItems } from '../access/itemsTaughtBy'
import { getBusinessSettings } from '../settings/businessSettings'
import { getClock } from '../utilities/clock'

/** Which widgets a user sees and which rows feed them. Mirrors the collections' access rules. */
export interface DashboardScope {
  now: Date
  /** The business zone (business settings): weeks and months are counted on its calendar, not UTC's. */
  timeZone: string
  /** Items whose enrollments count; `null` = every item (admins, editors, sales). */
  items: TaughtItems | null
  /** Leads counted; `null` = every lead (admins), a user id = leads assigned to that sales user. */
  leadsAssignedTo: number | null
  sees: { catalog: boolean; revenue: boolean; leads: boolean; emails: boolean }
}

type DashboardUser = PayloadRequest['user']

/** Builds the scope. Only an instructor costs queries (their items, through their speaker profiles). */
export async function dashboardScope(req: PayloadRequest, user: DashboardUser = req.user): Promise<DashboardScope> {
  const now = getClock(req.payload).now()
  const readsAllItems = checkRole(['admin', 'editor', 'sales'], user)
  const isInstructor = checkRole(['instructor'], user)
  const [items, { timezone: timeZone }] = await Promise.all([
    readsAllItems || !user || !isInstructor ? null : itemsTaughtBy(req, user.id),
    getBusinessSettings(req.payload, req),
  ])
  const isAdmin = checkRole(['admin'], user)
  const isSales = checkRole(['sales'], user)
  return {
    now,
    timeZone,
    items,
    leadsAssignedTo: isAdmin || !user ? null : Number(user.id),
    sees: {
      catalog: readsAllItems || isInstructor,
      // Editors may read payments, but revenue is the business's, not the catalog's: admins only.
      revenue: isAdmin,
      leads: isAdmin || isSales,
      emails: checkRole(['admin', 'editor'], user),
    },
  }
}
