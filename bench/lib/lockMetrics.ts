/**
 * The seat-lock histograms (`aula_seat_lock_held_seconds`, `aula_seat_lock_wait_seconds`, src/observability/metrics.ts)
 * read from each Aula process's `GET /api/metrics` before and after a run: the run's own samples are the
 * difference of the cumulative buckets, summed over the processes and the `item` label.
 */
export const METRICS_TOKEN = 'bench-metrics'

/** Cumulative count per upper bound (`le`, seconds; +Inf included) of one histogram. */
export type Buckets = Map<number, number>
/**
 * `eventLoopMs`: the process's event-loop delay (prom-client's default metrics, p50/p99/max in ms) since the previous
 * scrape, which prom-client resets at every scrape: read after a run, it covers that run. Every await inside the
 * locked section waits for a turn of this loop, so it says how much of the lock's hold time is the busy process.
 */
export interface LockSnapshot { held: Buckets; wait: Buckets; eventLoopMs: { p50: number; p99: number; max: number } }

const gaugeMs = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN) * 1000

function bucketsOf(text: string, name: string): Buckets {
  const buckets: Buckets = new Map()
  const line = new RegExp(`^${name}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\S+)$`, 'gm')
  for (const [, le, value] of text.matchAll(line)) {
    const bound = le === '+Inf' ? Infinity : Number(le)
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(value))
  }
  return buckets
}

/** Empty (and a warning) when the endpoint does not answer: the lock figures are a side reading, not worth losing a run for. */
export async function readLockMetrics(url: string): Promise<LockSnapshot> {
  const response = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  const text = await response.text()
  if (response.status !== 200) console.warn(`GET ${url}/api/metrics answered ${response.status}: no lock figures from it`)
  return {
    held: bucketsOf(text, 'aula_seat_lock_held_seconds'),
    wait: bucketsOf(text, 'aula_seat_lock_wait_seconds'),
    eventLoopMs: { p50: gaugeMs(text, 'nodejs_eventloop_lag_p50_seconds'), p99: gaugeMs(text, 'nodejs_eventloop_lag_p99_seconds'), max: gaugeMs(text, 'nodejs_eventloop_lag_max_seconds') },
  }
}

/** after − before, bucket by bucket, summed over every pair (one pair per process). */
export function runBuckets(pairs: { before: Buckets; after: Buckets }[]): Buckets {
  const total: Buckets = new Map()
  for (const { before, after } of pairs) {
    for (const [bound, count] of after) total.set(bound, (total.get(bound) ?? 0) + count - (before.get(bound) ?? 0))
  }
  return new Map([...total].sort(([a], [b]) => a - b))
}

/** Like Prometheus' histogram_quantile: linear inside the bucket that holds the quantile; ms. */
function quantileMs(buckets: Buckets, fraction: number): number {
  const entries = [...buckets]
  const count = entries.at(-1)?.[1] ?? 0
  const rank = fraction * count
  let lower = 0
  let below = 0
  for (const [bound, cumulative] of entries) {
    if (cumulative >= rank) {
      if (bound === Infinity) return lower * 1000
      const inBucket = cumulative - below
      return (lower + (bound - lower) * (inBucket ? (rank - below) / inBucket : 1)) * 1000
    }
    lower = bound
    below = cumulative
  }
  return Number.NaN
}

/** The upper bound of the highest bucket that received a sample (ms; Infinity when one went past the last bound). */
function maxBucketMs(buckets: Buckets): number {
  let previous = 0
  let highest = 0
  for (const [bound, cumulative] of buckets) {
    if (cumulative > previous) highest = bound
    previous = cumulative
  }
  return highest * 1000
}

export interface LockFigures { count: number; p50: number; p95: number; maxBucket: number }

export function lockFigures(buckets: Buckets): LockFigures | null {
  const count = [...buckets].at(-1)?.[1] ?? 0
  return count ? { count, p50: quantileMs(buckets, 0.5), p95: quantileMs(buckets, 0.95), maxBucket: maxBucketMs(buckets) } : null
}

export const describeEventLoop = ({ p50, p99, max }: LockSnapshot['eventLoopMs']) =>
  Number.isNaN(p50) ? 'n/a' : `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`

const ms = (value: number) => (value === Infinity ? '+Inf' : `${value.toFixed(2)} ms`)

export const describeLock = (figures: LockFigures | null) =>
  figures ? `${figures.count} samples, p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, max bucket ≤ ${ms(figures.maxBucket)}` : 'no samples'

/** What one item can take if registrations did nothing but pass through its lock one after another. */
export const itemCeiling = (heldP50Ms: number | null | undefined) =>
  heldP50Ms ? `one item can take ≈ ${(1000 / heldP50Ms).toFixed(0)} registrations per second (1000 / p50 held)` : 'one item can take: n/a (no samples)'
