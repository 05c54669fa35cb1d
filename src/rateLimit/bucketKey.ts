import { createHash } from 'node:crypto'

/** Keys are stored in `rate_limits.key`, a varchar(255) shared with the limiter's own prefix. */
const LONGEST_PLAIN_KEY = 100

const sha256 = (value: string) => `sha256:${createHash('sha256').update(value).digest('hex')}`

/** A client address as a counter key: as it is, unless it is too long for the column (a forged header can be any length). */
export const addressKey = (address: string) => (address.length > LONGEST_PLAIN_KEY ? sha256(address) : address)

/** Emails are always hashed: the counters then hold no personal data, and any length fits. */
export const emailKey = (email: string) => sha256(email)
