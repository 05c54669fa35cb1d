import type { PayloadRequest } from 'payload'

import type { WhereMisuse } from './whereMisuses'

const MESSAGES = {
  page: 'page must be a whole number, 1 or more.',
  limit: 'limit must be a whole number, 0 or more (0: no limit).',
}

/** What the caller sent: Payload's REST parser turns numeric text into a number and leaves anything else as it came (`page=abc`). */
const rawParam = (req: PayloadRequest, name: 'page' | 'limit'): unknown => (req.query as Record<string, unknown> | undefined)?.[name]

const isWhole = (value: unknown, min: number) => typeof value === 'number' && Number.isSafeInteger(value) && value >= min

/**
 * `page=-1` reached SQL as a negative OFFSET (500), `page=1e20` as an offset Postgres cannot hold,
 * and `page=abc` or `limit=abc` were silently ignored. Paging is whole numbers, and an offset a
 * database can reach; anything else is the caller's mistake, named.
 */
export function pagingMisuses(args: { page?: unknown; limit?: unknown }, req: PayloadRequest): WhereMisuse[] {
  const misuses: WhereMisuse[] = []
  for (const [name, min] of [['page', 1], ['limit', 0]] as const) {
    const raw = rawParam(req, name)
    const value = args[name] ?? raw
    if ((value !== undefined && value !== null && !isWhole(value, min)) || (raw !== undefined && !isWhole(raw, min))) {
      misuses.push({ path: name, message: MESSAGES[name] })
    }
  }
  const page = typeof args.page === 'number' ? args.page : 1
  const limit = typeof args.limit === 'number' ? args.limit : 0
  if (misuses.length === 0 && (page - 1) * limit > Number.MAX_SAFE_INTEGER) misuses.push({ path: 'page', message: 'page is beyond the last document there could be.' })
  return misuses
}
