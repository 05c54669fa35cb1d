import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** The people who write to customers in bulk (campaigns, the suppression list): admins, editors, sales. */
export const isCampaignStaff: Access = ({ req: { user } }) => checkRole(['admin', 'editor', 'sales'], user)
