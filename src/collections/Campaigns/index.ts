import type { CollectionConfig } from 'payload'

import { isCampaignStaff } from '../../access'
import { draftsOfCampaignStaff } from './access'
import { campaignEndpoints } from './endpoints'
import { campaignFields } from './fields'
import { checkSegment } from './hooks/checkSegment'
import { refuseStatusWrites, startAsDraft } from './hooks/protectStatusAndFigures'

/**
 * Emails to a segment of people who accepted marketing (docs/automation.md). Staff write a draft;
 * its actions schedule and cancel it (endpoints/); the worker sends it (src/automation/campaigns).
 */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: {
    singular: { es: 'Campaña', en: 'Campaign' },
    plural: { es: 'Campañas', en: 'Campaigns' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'status', 'sendAt', 'recipients', 'sent', 'unsubscribed'],
    group: { es: 'Correo', en: 'Email' },
  },
  access: {
    read: isCampaignStaff,
    create: isCampaignStaff,
    update: draftsOfCampaignStaff,
    delete: draftsOfCampaignStaff,
  },
  endpoints: campaignEndpoints,
  hooks: { beforeOperation: [refuseStatusWrites], beforeChange: [startAsDraft, checkSegment] },
  fields: campaignFields,
}
