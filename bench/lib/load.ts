import autocannon from 'autocannon'

export interface LoadResult {
  requests: number
  /** Responses per second over the whole run. */
  rate: number
  p50: number
  p95: number
  non2xx: number
  errors: number
  seconds: number
}

const percentile = (sorted: number[], fraction: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! : Number.NaN

const summarize = (latencies: number[], non2xx: number, errors: number, seconds: number): LoadResult => {
  const sorted = [...latencies].sort((a, b) => a - b)
  return { requests: latencies.length, rate: latencies.length / seconds, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), non2xx, errors, seconds }
}

/** autocannon against one GET URL; p95 is computed from every response's own latency (autocannon reports p90/p97.5 only). */
export async function hammer(url: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  const latencies: number[] = []
  let non2xx = 0
  const instance = autocannon({ url, connections, duration: durationSeconds, timeout: 30 })
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime)
    if (statusCode < 200 || statusCode >= 300) non2xx += 1
  })
  const result = await instance
  return summarize(latencies, non2xx, result.errors + result.timeouts, result.duration)
}

/** `total` calls of `send(index)` from `concurrency` workers (one keep-alive connection each at most); `send` resolves with the HTTP status. */
export async function pool(total: number, concurrency: number, send: (index: number) => Promise<number>): Promise<LoadResult & { statuses: Record<number, number> }> {
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  let next = 0
  let non2xx = 0
  let errors = 0
  const started = performance.now()
  const worker = async () => {
    while (next < total) {
      const index = next
      next += 1
      const start = performance.now()
      try {
        const status = await send(index)
        statuses[status] = (statuses[status] ?? 0) + 1
        if (status < 200 || status >= 300) non2xx += 1
      } catch {
        errors += 1
      }
      latencies.push(performance.now() - start)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { ...summarize(latencies, non2xx, errors, (performance.now() - started) / 1000), statuses }
}

export const describeLoad = (result: LoadResult) =>
  `${result.rate.toFixed(0)} req/s, p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms (${result.requests} requests in ${result.seconds.toFixed(1)} s, ${result.non2xx} non-2xx, ${result.errors} errors)`
