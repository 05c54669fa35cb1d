import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { normalizeAddress } from './suppression'

/**
 * The unsubscribe link in campaign emails and their `List-Unsubscribe` header. It must work without a
 * login, from any mail client, for years after the email was sent: the token names the address (and
 * the campaign, to count who left through which one) and is an HMAC of both under the app secret with
 * its own purpose, so no other Aula link opens it and no address can be forged. It never expires;
 * using it twice changes nothing the second time (docs/decisions/0025-consent-and-unsubscribe.md).
 */
export interface UnsubscribeTarget {
  email: string
  campaignId: number | null
}

const PURPOSE = 'marketing-unsubscribe'
const MAX_EMAIL_LENGTH = 320

const signature = (secret: string, email: string, campaign: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}:${email}:${campaign}`).digest('base64url')

export function unsubscribeToken(secret: string, email: string, campaignId?: number | null): string {
  const address = normalizeAddress(email)
  const campaign = campaignId ? String(campaignId) : '0'
  return `${Buffer.from(address).toString('base64url')}.${campaign}.${signature(secret, address, campaign)}`
}

/** The address and campaign a token was made for, or null when it was not made by this server. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeTarget | null {
  if (typeof token !== 'string' || token.length > 1000) return null
  const [encodedEmail, campaign, given, ...rest] = token.split('.')
  if (rest.length || !encodedEmail || !given || !/^\d{1,12}$/.test(campaign ?? '')) return null
  const email = Buffer.from(encodedEmail, 'base64url').toString('utf8')
  if (!email || email.length > MAX_EMAIL_LENGTH || email !== normalizeAddress(email)) return null
  const expected = Buffer.from(signature(secret, email, campaign))
  const received = Buffer.from(given)
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return null
  return { email, campaignId: Number(campaign) || null }
}

export const unsubscribeUrlFor = (req: Pick<PayloadRequest, 'payload'>, email: string, campaignId?: number | null) =>
  `${req.payload.config.serverURL}/api/unsubscribe?token=${unsubscribeToken(req.payload.secret, email, campaignId)}`

/**
 * RFC 2369 + RFC 8058 headers for a campaign email: mail clients show their own "Unsubscribe" button and
 * POST `List-Unsubscribe=One-Click` to the URL, with no cookies and no confirmation page.
 */
export const listUnsubscribeHeaders = (req: Pick<PayloadRequest, 'payload'>, email: string, campaignId?: number | null) => ({
  'List-Unsubscribe': `<${unsubscribeUrlFor(req, email, campaignId)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})
