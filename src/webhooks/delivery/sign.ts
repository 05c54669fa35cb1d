import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Stripe's scheme, so receivers can reuse what they know: `Aula-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 is HMAC-SHA256(secret, `${t}.${rawBody}`). The timestamp inside the signed text lets a
 * receiver refuse a replayed old delivery (docs/webhooks.md "Deliveries").
 */
export const SIGNATURE_HEADER = 'Aula-Signature'

const hmacHex = (secret: string, timestamp: number, rawBody: string) => createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')

export function signatureHeader(rawBody: string, secret: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000)
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`
}

/**
 * What a receiver runs (printed in docs/webhooks.md): true when one `v1` of the header matches the
 * body and the timestamp is within `toleranceSeconds` of `now`. Plain node:crypto, timing-safe.
 */
export function verifyAulaSignature(rawBody: string, header: string | null | undefined, secret: string, toleranceSeconds = 300, now = Date.now()): boolean {
  if (!header) return false
  const parts = header.split(',').map((part) => part.trim().split('='))
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1])
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex')
  return parts
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? ''))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected))
}
