import type { PayloadRequest } from 'payload'

import { plainTextOf } from '../../email/withPlainTextPart'
import { hasContent } from '../../email/templateBody/nodes'
import { contentToHtml } from '../../email/templateBody/toHtml'
import { VARIABLE } from '../../email/variableSyntax'
import { escapeHtml } from '../../utilities/escapeHtml'
import { unsubscribeUrlFor } from '../consent/unsubscribe'
import type { CampaignContent, SegmentRecipient } from './types'
import { CAMPAIGN_VARIABLES, UNSUBSCRIBE_VARIABLE } from './variables'

export interface RenderedCampaignEmail {
  subject: string
  html: string
  text: string
}

export type CampaignLocale = 'es' | 'en'

/** English readers get the English version when it is written; otherwise (and always for Spanish) the Spanish one. */
export function campaignVersion(campaign: CampaignContent, locale: CampaignLocale): { subject: string; body: unknown; locale: CampaignLocale } {
  if (locale === 'en' && campaign.subjectEn?.trim() && hasContent(campaign.bodyEn)) return { subject: campaign.subjectEn, body: campaign.bodyEn, locale: 'en' }
  return { subject: campaign.subjectEs ?? '', body: campaign.bodyEs, locale: 'es' }
}

const FOOTER: Record<CampaignLocale, (url: string) => string> = {
  es: (url) => `<p style="font-size:12px;color:#6b7280">¿No quieres recibir más correos como este? <a href="${url}">Darte de baja</a>.</p>`,
  en: (url) => `<p style="font-size:12px;color:#6b7280">Don't want emails like this? <a href="${url}">Unsubscribe</a>.</p>`,
}

/**
 * One campaign email for one person, in their language: `{{firstName}}`, `{{lastName}}`, `{{email}}`
 * and `{{unsubscribeUrl}}` filled in (escaped in the HTML), and a visible unsubscribe link appended
 * when the body does not carry one: a campaign email without a way out is never sent. The `text` part
 * is derived from the HTML, so both say the same.
 */
export async function renderCampaignEmail(
  req: PayloadRequest,
  campaign: CampaignContent,
  recipient: Pick<SegmentRecipient, 'email' | 'firstName' | 'lastName'>,
  locale: CampaignLocale,
): Promise<RenderedCampaignEmail> {
  const version = campaignVersion(campaign, locale)
  const unsubscribeUrl = await unsubscribeUrlFor(req, recipient.email, campaign.id)
  const values: Record<string, string> = {
    firstName: recipient.firstName ?? '',
    lastName: recipient.lastName ?? '',
    email: recipient.email,
    [UNSUBSCRIBE_VARIABLE]: unsubscribeUrl,
  }
  const fill = (name: string) => ((CAMPAIGN_VARIABLES as readonly string[]).includes(name) ? values[name] : '')
  const subject = version.subject.replace(VARIABLE, (_, name: string) => fill(name)).replace(/[\r\n]+/g, ' ').trim()
  const bodyHtml = hasContent(version.body) ? contentToHtml(version.body) : ''
  const carriesUnsubscribe = new RegExp(`\\{\\{\\s*${UNSUBSCRIBE_VARIABLE}\\s*\\}\\}`).test(bodyHtml)
  let html = bodyHtml.replace(VARIABLE, (_, name: string) => escapeHtml(fill(name)))
  if (!carriesUnsubscribe) html += FOOTER[version.locale](escapeHtml(unsubscribeUrl))
  return { subject, html, text: plainTextOf(html) }
}
