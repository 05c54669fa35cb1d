import type { PayloadRequest } from 'payload'

import { type CrmSettingsValues, loadCrmSettings } from './settings'

/** The CRM settings, read once per request: several hooks of one save need them. */
export async function crmSettingsFor(req: PayloadRequest): Promise<CrmSettingsValues> {
  const cached = req.context.crmSettings as CrmSettingsValues | undefined
  if (cached) return cached
  const settings = await loadCrmSettings(req)
  req.context.crmSettings = settings
  return settings
}
