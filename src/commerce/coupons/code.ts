/**
 * Coupon codes are stored trimmed and upper-case, so the unique index on `coupons.code` is the
 * case-insensitive guarantee and a lookup is one exact match. Letters A–Z, digits, `-` and `_`
 * only: nothing a person cannot read aloud, no look-alike letters from other alphabets, nothing
 * a SQL `LIKE` would treat as a wildcard.
 */
export const COUPON_CODE = /^[A-Z0-9][A-Z0-9_-]{2,39}$/

export const COUPON_CODE_MAX_LENGTH = 40

/** Trimmed, ASCII letters upper-cased; anything else kept as typed so the pattern refuses it (`ı`, `ß`, `ﬁ` never turn into I, SS, FI). */
export const normalizeCouponCode = (raw: string) => raw.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase())

/** The stored form of a code as typed, or null when no coupon could ever have it. */
export function couponCodeKey(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const code = normalizeCouponCode(raw)
  return COUPON_CODE.test(code) ? code : null
}
