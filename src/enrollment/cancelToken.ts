import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

/**
 * A cancel link in an email must work without logging in, but only for that one enrollment: the
 * token is an HMAC of the enrollment id under the app secret. It never expires by itself; a
 * cancelled enrollment simply cannot be cancelled again.
 */
export const cancelToken = (secret: string, enrollmentId: number) =>
  createHmac('sha256', secret).update(`cancel-enrollment:${enrollmentId}`).digest('base64url')

export const isValidCancelToken = (secret: string, enrollmentId: number, token: unknown) => {
  if (typeof token !== 'string') return false
  const expected = Buffer.from(cancelToken(secret, enrollmentId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const cancelUrlFor = (req: PayloadRequest, enrollmentId: number) =>
  `${req.payload.config.serverURL}/api/enrollments/${enrollmentId}/cancel-link?token=${cancelToken(req.payload.secret, enrollmentId)}`
