import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Aula's Prometheus metrics, one registry per process (each app instance is scraped on its own).
 * Counters count what this process saw; the gauges under "read at scrape time" come from the
 * database when /api/metrics is called, so they describe the whole installation (workers included).
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

export const httpRequests = new Counter({
  name: 'aula_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const httpDuration = new Histogram({
  name: 'aula_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route template.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

export const registrations = new Counter({
  name: 'aula_registrations_total',
  help: 'Enrollments created by this process, by item type and the status they started in.',
  labelNames: ['item', 'status'] as const,
  registers: [registry],
})

export const stripeEvents = new Counter({
  name: 'aula_stripe_events_total',
  help: 'Stripe webhook events recorded by this process (signature verified), by event type.',
  labelNames: ['type'] as const,
  registers: [registry],
})

// Read at scrape time (scrapeGauges.ts).
export const emails = new Gauge({
  name: 'aula_emails',
  help: 'Rows of the email log by status (queued, sending, sent, failed, cancelled).',
  labelNames: ['status'] as const,
  registers: [registry],
})

export const emailQueueLag = new Gauge({
  name: 'aula_email_queue_lag_seconds',
  help: 'Age of the oldest email that is due and still queued (0 when none).',
  registers: [registry],
})

export const jobs = new Gauge({
  name: 'aula_jobs',
  help: 'Jobs in the queue by task and state (queued, processing, completed, failed); finished jobs are kept about a day.',
  labelNames: ['task', 'state'] as const,
  registers: [registry],
})

export const jobQueueLag = new Gauge({
  name: 'aula_job_queue_lag_seconds',
  help: 'Age of the oldest job that is due and not finished (0 when none).',
  registers: [registry],
})

export const databasePool = new Gauge({
  name: 'aula_db_pool_connections',
  help: "This process's PostgreSQL pool: connections in use, idle, total, and callers waiting for one.",
  labelNames: ['state'] as const,
  registers: [registry],
})

export const databaseUp = new Gauge({
  name: 'aula_db_up',
  help: '1 when the scrape-time queries reached PostgreSQL, else 0.',
  registers: [registry],
})

// The serialised part of a registration (docs/decisions/0030): from the moment the item's row lock is
// granted to the end of the commit that releases it, and how long the registration waited for it.
export const seatLockHeld = new Histogram({
  name: 'aula_seat_lock_held_seconds',
  help: "Time a registration held its item's row lock: from the lock being granted to the commit that releases it.",
  labelNames: ['item'] as const,
  buckets: [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25],
  registers: [registry],
})

export const seatLockWait = new Histogram({
  name: 'aula_seat_lock_wait_seconds',
  help: "Time a registration waited for its item's row lock (other registrations of the same item hold it).",
  labelNames: ['item'] as const,
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
})

export const seatGuessesMissed = new Counter({
  name: 'aula_seat_guesses_missed_total',
  help: 'Registrations whose seat, guessed from an unlocked read, the locked row contradicted: they ran again from a fresh read (locking first after three misses).',
  labelNames: ['item'] as const,
  registers: [registry],
})

export const catalogFastPathReads = new Counter({
  name: 'aula_catalog_fast_path_reads_total',
  help: 'Anonymous webinar reads of a shape the catalog fast path serves (src/catalogFastPath): answered in SQL, or handed to Payload (a description with links, no such webinar, a failing query, another config).',
  labelNames: ['answer'] as const,
  registers: [registry],
})
