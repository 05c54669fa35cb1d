import { WEBINAR_STATUSES } from '../collections/Webinars/statuses'

/**
 * The anonymous webinar reads the fast path answers: the shapes a catalog page, a filter by
 * category or a webinar's own page send. Everything else (another parameter, `or`, a nested `and`, a
 * value this parser does not fully understand, a bad one Payload refuses with a 400) is `undefined`, and
 * Payload answers it: the fast path never has to reproduce an error.
 */
export type WebinarRead =
  | { kind: 'byId'; id: number; depth: 0 | 1 }
  | {
      kind: 'list'
      depth: 0 | 1
      limit: number
      page: number
      sort: Sort
      filters: Filter[]
      /** A filter through a relation (`category.slug`): Payload then pages through a join, and answers an empty page its own way. */
      joined: boolean
    }

export type Filter =
  | { field: 'status'; op: 'equals' | 'in'; values: string[] }
  | { field: 'slug'; op: 'equals'; value: string }
  | { field: 'category'; op: 'equals'; value: number }
  | { field: 'category.slug'; op: 'equals'; value: string }
  | { field: 'startsAt'; op: RangeOp; value: string }

type RangeOp = 'greater_than' | 'greater_than_equal' | 'less_than' | 'less_than_equal'
const RANGE_OPS: readonly RangeOp[] = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']

/** Sortable fields and their columns; Payload's default is `-createdAt`. */
const SORTS = {
  createdAt: 'created_at',
  startsAt: 'starts_at',
  title: 'title',
  price: 'price',
} as const
export type SortColumn = (typeof SORTS)[keyof typeof SORTS]
export interface Sort {
  column: SortColumn
  descending: boolean
}

// Numbers exactly as written (no `01`, `1.0`, `+1`): Payload's guards answer anything else their own way (src/queryGuards).
const PATH = /^\/api\/webinars(?:\/([1-9]\d{0,8}))?$/
const WHOLE = /^(?:0|[1-9]\d{0,8})$/
/** A date with a zone (or a bare day, which JavaScript and PostgreSQL both read as UTC midnight). */
const ZONED_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/
/** `where[field][op]`, or one condition of a top-level `and` as the SDK sends them: `where[and][0][field][op]`. */
const WHERE_KEY = /^where(?:\[and\]\[\d{1,2}\])?\[(status|slug|category|category\.slug|startsAt)\]\[([a-z_]+)\]$/
const MAX_LIMIT = 100
const MAX_SLUG_LENGTH = 200

const isStatus = (value: string) => (WEBINAR_STATUSES as readonly string[]).includes(value)

export function parseWebinarRead(url: URL): WebinarRead | undefined {
  const path = PATH.exec(url.pathname)
  if (!path) return undefined
  const params = new Map<string, string>()
  for (const [key, value] of url.searchParams) {
    if (params.has(key)) return undefined
    params.set(key, value)
  }
  // Payload's REST default depth is 2 (a speaker's photo embedded too): not a shape served here.
  const depthParam = params.get('depth')
  if (depthParam !== '0' && depthParam !== '1') return undefined
  const depth = depthParam === '0' ? 0 : 1
  params.delete('depth')
  if (path[1] !== undefined) return params.size === 0 ? { kind: 'byId', id: Number(path[1]), depth } : undefined

  const limit = wholeParam(params, 'limit', 10)
  const page = wholeParam(params, 'page', 1)
  if (limit === undefined || page === undefined || limit < 1 || limit > MAX_LIMIT || page < 1 || (page - 1) * limit > 2 ** 31) return undefined
  const sort = sortParam(params.get('sort'))
  if (!sort) return undefined
  params.delete('sort')

  const filters: Filter[] = []
  for (const [key, value] of params) {
    const where = WHERE_KEY.exec(key)
    const filter = where ? filterOf(where[1]!, where[2]!, value) : undefined
    if (!filter) return undefined
    filters.push(filter)
  }
  return { kind: 'list', depth, limit, page, sort, filters, joined: filters.some((filter) => filter.field === 'category.slug') }
}

function wholeParam(params: Map<string, string>, name: string, fallback: number): number | undefined {
  const raw = params.get(name)
  params.delete(name)
  if (raw === undefined) return fallback
  return WHOLE.test(raw) ? Number(raw) : undefined
}

function sortParam(raw: string | undefined): Sort | undefined {
  if (raw === undefined) return { column: 'created_at', descending: true }
  const descending = raw.startsWith('-')
  const name = descending ? raw.slice(1) : raw
  if (!Object.hasOwn(SORTS, name)) return undefined
  return { column: SORTS[name as keyof typeof SORTS], descending }
}

function filterOf(field: string, op: string, value: string): Filter | undefined {
  if (field === 'status') {
    const values = op === 'in' ? value.split(',') : [value]
    if ((op !== 'equals' && op !== 'in') || !values.every(isStatus)) return undefined
    return { field, op, values }
  }
  if (field === 'slug' || field === 'category.slug') return op === 'equals' && value.length > 0 && value.length <= MAX_SLUG_LENGTH ? { field, op, value } : undefined
  if (field === 'category') return op === 'equals' && WHOLE.test(value) ? { field, op, value: Number(value) } : undefined
  if (field === 'startsAt' && (RANGE_OPS as readonly string[]).includes(op) && ZONED_DATE.test(value)) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? undefined : { field, op: op as RangeOp, value: date.toISOString() }
  }
  return undefined
}
