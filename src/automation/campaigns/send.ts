import type { PayloadRequest } from 'payload'

import type { ClaimedEmail } from '../../email/claimEmail'
import { toEmailLocale } from '../../email/templateVariables'
import { isTestEmail, testSubject } from '../../email/testEmail'
import { isSuppressed } from '../consent/suppression'
import { listUnsubscribeHeaders } from '../consent/unsubscribe'
import { campaignForSending } from './campaignForSending'
import { renderCampaignEmail } from './render'

export type PreparedCampaignEmail =
  | { send: false; reason: string }
  | { send: true; message: { subject: string; html: string; text: string; headers: Record<string, string> } }

/**
 * deliverEmail's branch for a campaign's row, after the row was claimed: checked again at the last
 * moment (the campaign may have been cancelled, the person may have unsubscribed from an earlier
 * email of it), then rendered from the campaign with the one-click unsubscribe headers (RFC 8058).
 */
export async function prepareCampaignEmail(req: PayloadRequest, claimed: ClaimedEmail, campaignId: number): Promise<PreparedCampaignEmail> {
  const campaign = await campaignForSending(req, campaignId)
  if (!campaign) return { send: false, reason: `Campaign ${campaignId} no longer exists` }
  // A staff member's test (D's POST /api/campaigns/:id/test-send) goes out from a draft too, to them only.
  const isTest = isTestEmail(claimed.dedupeKey)
  if (!isTest && campaign.status !== 'sending') return { send: false, reason: `Campaign ${campaignId} is ${campaign.status}, not sending` }
  if (!isTest && (await isSuppressed(req, claimed.to))) return { send: false, reason: 'The address unsubscribed or was suppressed before this email went out' }
  const recipient = {
    email: claimed.to,
    firstName: String(claimed.variables.firstName ?? ''),
    lastName: String(claimed.variables.lastName ?? ''),
  }
  const rendered = await renderCampaignEmail(req, campaign.doc, recipient, toEmailLocale(claimed.locale))
  if (isTest) rendered.subject = testSubject(rendered.subject, claimed.locale)
  return { send: true, message: { ...rendered, headers: listUnsubscribeHeaders(req, claimed.to, campaignId) } }
}
