import type { Payload } from 'payload'

/**
 * Public addresses of a certificate. The human page is short on purpose: it is what the QR code on
 * the PDF encodes, and a shorter URL makes a coarser, easier-to-scan code.
 */
export const certificateVerifyPageUrl = (payload: Payload, code: string) => `${payload.config.serverURL}/verify/${encodeURIComponent(code)}`

/** The machine answer for the same code (JSON). */
export const certificateVerifyApiUrl = (payload: Payload, code: string) =>
  `${payload.config.serverURL}/api/certificates/verify/${encodeURIComponent(code)}`

/** Public keys that verify every credential Aula has signed, current and retired (JWKS). */
export const certificateJwksUrl = (payload: Payload) => `${payload.config.serverURL}/api/certificates/jwks`
