import { createHash } from 'node:crypto'
import { APIError, type PayloadRequest } from 'payload'

/** What is stored on the enrollment for a registration sent with an Idempotency-Key. */
export interface IdempotencyClaim {
  /** Hash of the caller and their key: the unique column, so two callers never share a key. */
  key: string
  /** Hash of what was asked (item and normalized person): a replay must ask for exactly this. */
  request: string
}

const MAX_KEY_LENGTH = 200

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one request. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined)
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Turns a client's Idempotency-Key into a claim that belongs to one caller and one request. A
 * logged-in caller's keys are theirs alone; anonymous callers share one scope, where only the exact
 * same request (same item, same person details) replays: anyone else with the key gets a 422.
 */
export function claimIdempotencyKey(req: PayloadRequest, rawKey: string | null | undefined, request: unknown): IdempotencyClaim | undefined {
  const key = rawKey?.trim()
  if (!key) return undefined
  if (key.length > MAX_KEY_LENGTH) {
    throw new APIError(`The Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters.`, 400, undefined, true)
  }
  const caller = req.user ? `${req.user.collection}:${req.user.id}` : 'anonymous'
  return { key: sha256(`${caller}\n${key}`), request: sha256(canonicalJson(request)) }
}

/**
 * The enrollment an earlier request with this claim made, if any. A key reused for a different
 * request is refused (422, as Stripe does) instead of answering with whatever the key made first.
 */
export async function findReplay(req: PayloadRequest, claim: IdempotencyClaim): Promise<Record<string, unknown> | undefined> {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { idempotencyKey: { equals: claim.key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  const prior = docs[0] as unknown as Record<string, unknown> | undefined
  if (!prior) return undefined
  if (prior.idempotencyRequest !== claim.request) {
    throw new APIError(
      'This Idempotency-Key was already used for a different request. Send a new key for each new registration.',
      422,
      undefined,
      true,
    )
  }
  return prior
}
