import type { Endpoint } from 'payload'

import { countSegment } from '../../../automation/campaigns/segment'
import { readSegment } from '../../../automation/campaigns/readSegment'
import { cancelCampaign } from '../../../automation/campaigns/cancel'
import { scheduleCampaign } from '../../../automation/campaigns/schedule'
import { sendCampaignTest } from '../../../automation/campaigns/testSend'
import { inTransaction } from '../../../enrollment/transaction'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { say } from '../../../i18n/say'
import { campaignInPath, requireCampaignStaff } from './campaignStaff'

/** `POST /api/campaigns/segment-count`: how many people a segment (the unsaved form's, in the body) holds and reaches. */
const segmentCount: Endpoint = {
  path: '/segment-count',
  method: 'post',
  handler: async (req) => {
    requireCampaignStaff(req)
    const body = await readJsonBody(req)
    const segment = readSegment(req, body.segment ?? body)
    return Response.json(await countSegment(req, segment))
  },
}

/** `GET /api/campaigns/:id/audience`: the saved segment's count. */
const audience: Endpoint = {
  path: '/:id/audience',
  method: 'get',
  handler: async (req) => {
    const campaign = await campaignInPath(req)
    return Response.json(await countSegment(req, readSegment(req, campaign.segment)))
  },
}

/** `POST /api/campaigns/:id/test-send`: the saved campaign to the caller's own address, marked as a test. */
const testSend: Endpoint = {
  path: '/:id/test-send',
  method: 'post',
  handler: async (req) => {
    const campaign = await campaignInPath(req)
    const queued = await inTransaction(req, () => sendCampaignTest(req, campaign))
    const message = say(req, { es: `Prueba en camino a ${queued.to}.`, en: `Test on its way to ${queued.to}.` })
    return Response.json({ message, ...queued }, { status: 202 })
  },
}

/** `POST /api/campaigns/:id/schedule`: draft → scheduled (400 naming what is missing; 409 when not a draft). */
const schedule: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  handler: async (req) => {
    const campaign = await campaignInPath(req)
    const result = await inTransaction(req, () => scheduleCampaign(req, campaign))
    const message = say(req, {
      es: `Campaña programada para ${result.audience.reachable} personas.`,
      en: `Campaign scheduled for ${result.audience.reachable} people.`,
    })
    return Response.json({ message, id: campaign.id, ...result })
  },
}

/** `POST /api/campaigns/:id/cancel`: scheduled/sending → cancelled; no further email of it goes out. */
const cancel: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const campaign = await campaignInPath(req)
    const result = await inTransaction(req, () => cancelCampaign(req, campaign.id))
    const message = say(req, { es: 'Envío cancelado.', en: 'Sending cancelled.' })
    return Response.json({ message, id: campaign.id, ...result })
  },
}

export const campaignEndpoints: Endpoint[] = [segmentCount, audience, testSend, schedule, cancel]
