import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { NotFound, type Payload, type PayloadRequest } from 'payload'

import { getClock } from '../utilities/clock'

/**
 * A webhook's signing secret (Stripe's `whsec_` shape). The receiver needs the plain value to check
 * signatures, so it cannot be hashed: it is stored encrypted with a key derived from PAYLOAD_SECRET, so a
 * database dump or backup alone does not let anyone forge deliveries. Changing PAYLOAD_SECRET makes every
 * stored secret unreadable: rotate each webhook's secret afterwards (docs/webhooks.md "Setting one up").
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`

/** Only the `webhooks.signingSecret` column holds these; the version prefix leaves room for another scheme. */
const FORMAT = 'v1'

const keyFor = (payloadSecret: string) => Buffer.from(hkdfSync('sha256', payloadSecret, 'aula', 'webhook signing secrets', 32))

export function encryptWebhookSecret(plain: string, payloadSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(payloadSecret), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

export function decryptWebhookSecret(stored: string, payloadSecret: string): string {
  const [format, iv, tag, sealed] = stored.split('.')
  if (format !== FORMAT || !iv || !tag || !sealed) throw new Error('Unknown webhook secret format')
  const decipher = createDecipheriv('aes-256-gcm', keyFor(payloadSecret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
}

/** A fresh secret, plain (to show once), and the webhook's columns that store it. */
export const sealNewWebhookSecret = (payload: Pick<Payload, 'config'>) => {
  const plain = newWebhookSecret()
  return { plain, columns: { signingSecret: encryptWebhookSecret(plain, payload.config.secret), rotatedAt: getClock(payload).now().toISOString() } }
}

/** The plain secret W2's delivery signs with. Pass `req` inside a transaction. Throws NotFound for an unknown webhook. */
export async function readWebhookSecret(payload: Payload, webhookId: number | string, req?: Partial<PayloadRequest>): Promise<string> {
  const webhook = await payload.findByID({
    collection: 'webhooks',
    id: webhookId,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    select: { signingSecret: true },
    req,
  })
  if (!webhook?.signingSecret) throw new NotFound()
  return decryptWebhookSecret(webhook.signingSecret, payload.config.secret)
}

/** Replaces a webhook's secret and returns the new one: the only moment it can be seen (POST /api/webhooks/:id/rotate-secret). */
export async function rotateWebhookSecret(req: PayloadRequest, webhookId: number): Promise<string> {
  const { plain, columns } = sealNewWebhookSecret(req.payload)
  await req.payload.update({ collection: 'webhooks', id: webhookId, data: columns, overrideAccess: true, depth: 0, req })
  return plain
}
