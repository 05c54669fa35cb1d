import { randomBytes } from 'node:crypto'

/** 192 random bits, URL-safe (32 characters): unguessable, and short enough for a coarse QR code. */
export const newVerificationCode = () => randomBytes(24).toString('base64url')

/** What a verification code can look like; anything else is not looked up at all. */
export const VERIFICATION_CODE_PATTERN = /^[A-Za-z0-9_-]{32}$/
