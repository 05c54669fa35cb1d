import type { Access } from 'payload'

import { isCampaignStaff } from '../../access'

/**
 * Staff who write campaigns edit and delete drafts only: once scheduled, a campaign changes through
 * its actions (schedule, cancel) and its sender, so what was checked when it was scheduled is what goes out.
 */
export const draftsOfCampaignStaff: Access = (args) => (isCampaignStaff(args) ? { status: { equals: 'draft' } } : false)
