import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { crmSettingsFor } from '../../../crm/crmSettingsFor'
import { idOf } from '../../../crm/ids'
import { scoreLead } from '../../../crm/scoring'

/** Score and reasons are recomputed from the CRM settings' rules on every save; clients cannot set them. */
export const computeScore: CollectionBeforeChangeHook = async ({ data, req }) => {
  const { scoringRules } = await crmSettingsFor(req)
  const { score, reasons } = scoreLead({ ...data, interestIsPaid: await interestIsPaid(req, data.interest) }, scoringRules)
  data.score = score
  data.scoreReasons = reasons
  return data
}

async function interestIsPaid(req: PayloadRequest, interest: unknown): Promise<boolean> {
  const ref = interest as { relationTo?: string; value?: unknown } | null | undefined
  const id = idOf(ref?.value)
  if (!id || (ref?.relationTo !== 'courses' && ref?.relationTo !== 'webinars')) return false
  const common = { id, depth: 0, overrideAccess: true, disableErrors: true, req } as const
  if (ref.relationTo === 'webinars') {
    const webinar = await req.payload.findByID({ collection: 'webinars', select: { isFree: true, price: true }, ...common })
    return Boolean(webinar && webinar.isFree === false && Number(webinar.price ?? 0) > 0)
  }
  const course = await req.payload.findByID({ collection: 'courses', select: { regularPrice: true }, ...common })
  return Number(course?.regularPrice ?? 0) > 0
}
