import { APIError, Forbidden, NotFound, type PayloadRequest } from 'payload'

import { checkRole } from '../../../access'
import { say } from '../../../i18n/say'
import type { Campaign } from '../../../payload-types'

/** The people who run campaigns (admins, editors, sales); anyone else gets 401 or 403 before anything is read. */
export function requireCampaignStaff(req: PayloadRequest): void {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión.', en: 'Please log in.' }), 401)
  if (!checkRole(['admin', 'editor', 'sales'], req.user)) throw new Forbidden(req.t)
}

/** The campaign named in the path, read as the caller (404 for an id that is not one). */
export async function campaignInPath(req: PayloadRequest): Promise<Campaign> {
  requireCampaignStaff(req)
  const raw = String(req.routeParams?.id ?? '')
  if (!/^\d+$/.test(raw)) throw new NotFound(req.t)
  const campaign = await req.payload
    .findByID({ collection: 'campaigns', id: Number(raw), depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)
  if (!campaign) throw new NotFound(req.t)
  return campaign
}
