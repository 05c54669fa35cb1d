import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

/**
 * Links in emails must work without logging in, but only for one enrollment and one purpose: the
 * token is an HMAC of the purpose and the enrollment id under the app secret. It never expires by
 * itself; the endpoint checks the enrollment's state (a cancelled enrollment cannot be cancelled
 * again, an expired hold cannot be paid).
 */
type LinkPurpose = 'cancel-enrollment' | 'pay-enrollment' | 'enrollment-feedback' | 'manage-booking'

const signedToken = (secret: string, purpose: LinkPurpose, enrollmentId: number) =>
  createHmac('sha256', secret).update(`${purpose}:${enrollmentId}`).digest('base64url')

const isValidToken = (secret: string, purpose: LinkPurpose, enrollmentId: number, token: unknown) => {
  if (typeof token !== 'string') return false
  const expected = Buffer.from(signedToken(secret, purpose, enrollmentId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const cancelToken = (secret: string, enrollmentId: number) => signedToken(secret, 'cancel-enrollment', enrollmentId)
export const isValidCancelToken = (secret: string, enrollmentId: number, token: unknown) => isValidToken(secret, 'cancel-enrollment', enrollmentId, token)
export const cancelUrlFor = (req: PayloadRequest, enrollmentId: number) =>
  `${req.payload.config.serverURL}/api/enrollments/${enrollmentId}/cancel-link?token=${cancelToken(req.payload.secret, enrollmentId)}`

export const payToken = (secret: string, enrollmentId: number) => signedToken(secret, 'pay-enrollment', enrollmentId)
export const isValidPayToken = (secret: string, enrollmentId: number, token: unknown) => isValidToken(secret, 'pay-enrollment', enrollmentId, token)
export const payUrlFor = (req: PayloadRequest, enrollmentId: number) =>
  `${req.payload.config.serverURL}/api/enrollments/${enrollmentId}/pay?token=${payToken(req.payload.secret, enrollmentId)}`

/** The "tell us how it went" link in follow-up emails: one per enrollment, usable once (the endpoint refuses a second answer). */
export const feedbackToken = (secret: string, enrollmentId: number) => signedToken(secret, 'enrollment-feedback', enrollmentId)
export const isValidFeedbackToken = (secret: string, enrollmentId: number, token: unknown) => isValidToken(secret, 'enrollment-feedback', enrollmentId, token)
export const feedbackUrlFor = (req: Pick<PayloadRequest, 'payload'>, enrollmentId: number) =>
  `${req.payload.config.serverURL}/api/enrollments/${enrollmentId}/feedback?token=${feedbackToken(req.payload.secret, enrollmentId)}`

/** A group booking's buyer replaces attendees through this link (src/commerce/bookingChanges): the id is the booking's, not an enrollment's. */
export const bookingManageToken = (secret: string, bookingId: number) => signedToken(secret, 'manage-booking', bookingId)
export const isValidBookingManageToken = (secret: string, bookingId: number, token: unknown) => isValidToken(secret, 'manage-booking', bookingId, token)
export const bookingManageUrl = (req: Pick<PayloadRequest, 'payload'>, bookingId: number) =>
  `${req.payload.config.serverURL}/api/bookings/${bookingId}/manage?token=${bookingManageToken(req.payload.secret, bookingId)}`
