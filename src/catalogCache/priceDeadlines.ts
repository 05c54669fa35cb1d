import { topLevelDocs } from './liveSeats'

const COURSE_ANSWER = /^\/api\/courses(\/[^/]+)?\/?$/

/**
 * Until when a stored answer stays exact by the clock. A course's `currentPrice` turns from the
 * early-bird price to the regular one at its `earlyBirdDeadline` (src/payments/earlyBird.ts), with
 * no write to tell the cache: a course answer is reused only until the first deadline still ahead
 * in it. `undefined`: nothing in it depends on the clock (every other catalog answer); `null`: it
 * cannot tell (a course showing its current price without its deadline), so it is not kept.
 */
export function reusableUntil(url: URL, body: unknown, storedAt: number): number | null | undefined {
  if (!COURSE_ANSWER.test(url.pathname)) return undefined
  let until: number | undefined
  for (const doc of topLevelDocs(body)) {
    if (!('currentPrice' in doc)) continue
    if (!('earlyBirdDeadline' in doc)) return null
    const deadline = doc.earlyBirdDeadline ? new Date(doc.earlyBirdDeadline as string).getTime() : Number.NaN
    if (deadline > storedAt && (until === undefined || deadline < until)) until = deadline
  }
  return until
}
