import type { PayloadRequest } from 'payload'

import type { WhereMisuse } from './whereMisuses'

const MESSAGES = {
  page: 'page must be a whole number, 1 or more.',
  limit: 'limit must be a whole number, 0 or more (0: no limit).',
}

/**
 * What the caller wrote in the URL, as text: Payload's parsed `req.query` drops `page=abc` on the
 * way, and its admin list views write their own `page: 0` into it, so only the URL itself tells.
 */
const rawParam = (req: PayloadRequest, name: 'page' | 'limit'): string | undefined => {
  if (!req.url) return undefined
  try {
    return new URL(req.url, 'http://aula.invalid').searchParams.get(name) ?? undefined
  } catch {
    return undefined
  }
}

/** A number, or digits as the URL writes them. */
const isWhole = (value: unknown, min: number): boolean => {
  if (typeof value === 'string') return /^[0-9]{1,16}$/.test(value) && isWhole(Number(value), min)
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min
}

/**
 * `page=-1` reached SQL as a negative OFFSET (500), `page=1e20` as an offset Postgres cannot hold,
 * and `page=abc` or `limit=abc` were silently ignored. Paging is whole numbers, and an offset a
 * database can reach; anything else is the caller's mistake, named.
 */
export function pagingMisuses(args: { page?: unknown; limit?: unknown }, req: PayloadRequest): WhereMisuse[] {
  const misuses: WhereMisuse[] = []
  // Payload's own admin list view asks for page 0 when the URL names none (its "first page"); a caller must say 1 or more.
  for (const [name, min, minFromPayload] of [['page', 1, 0], ['limit', 0, 0]] as const) {
    const raw = rawParam(req, name)
    const value = args[name]
    if ((value !== undefined && value !== null && !isWhole(value, minFromPayload)) || (raw !== undefined && !isWhole(raw, min))) {
      misuses.push({ path: name, message: MESSAGES[name] })
    }
  }
  const page = typeof args.page === 'number' ? args.page : 1
  const limit = typeof args.limit === 'number' ? args.limit : 0
  if (misuses.length === 0 && (page - 1) * limit > Number.MAX_SAFE_INTEGER) misuses.push({ path: 'page', message: 'page is beyond the last document there could be.' })
  return misuses
}
