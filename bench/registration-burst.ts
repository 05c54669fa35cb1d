/**
 * `npx tsx bench/registration-burst.ts [--rebuild] [--count=1000] [--admin-baseline] [--coupon] [--audit-cost]`:
 * public registrations (distinct people) from 50 concurrent connections for free webinars with 100 seats,
 * three runs seconds apart on one throwaway embedded PostgreSQL, each on its own webinar:
 * 1. Aula: `npm start` (production build), as a visitor's browser calls it;
 * 2. the bare baseline: bench/lib/bareRegistrationServer.ts (node:http + pg, same pool size, the same
 *    guarantees and rows in one transaction), the limit of the database and the machine;
 * 3. two Aula processes on the same database, the registrations sent round-robin to both, for ONE webinar.
 * Each run must end with exactly 100 confirmed + the rest waitlisted, seats_taken = 100, one enrollment per
 * person, 2xx only. Prints req/s, p50/p95, peak RSS per server, the ratios Aula/bare and two-instances/bare, and
 * the serialised section: Aula's `aula_seat_lock_*` histograms (GET /api/metrics, the run's difference) and
 * the bare server's own timing (GET /stats), and the CPU each run cost per registration (app processes, PostgreSQL).
 * Optional runs, off by default to keep the script to a few minutes: `--admin-baseline` (as many
 * `POST /api/enrollments` by an admin for students created beforehand), `--coupon` (100% coupon limited to
 * 150 uses on a paid webinar: 100 confirmed, 50 waitlisted, the rest 400 `used_up`), `--audit-cost` (the
 * Aula burst again on a server started with `AULA_AUDIT_LOG=off`).
 */
import pg from 'pg'

import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { describeLoad, type LoadResult, pool } from './lib/load'
import { describeEventLoop, describeLock, itemCeiling, lockFigures, METRICS_TOKEN, readLockMetrics, runBuckets } from './lib/lockMetrics'
import { BENCH_PASSWORD, createUsers, createWebinar } from './lib/seed'
import { ensureProductionBuild, mb, postgresCpuMs, type RunningServer, startBareRegistrationServer, startProductionServer } from './lib/server'

const count = Number(process.argv.find((arg) => arg.startsWith('--count='))?.split('=')[1]) || 1000
const withAdminBaseline = process.argv.includes('--admin-baseline')
const withCoupon = process.argv.includes('--coupon')
const withAuditCost = process.argv.includes('--audit-cost')
const capacity = 100
const concurrency = 50
const couponUses = 150

type Run = LoadResult & { statuses: Record<number, number> }

const database = await startBenchDatabase()
const servers: RunningServer[] = []
let failed = false
try {
  const payload = await openMigratedPayload(database.uri)
  const aulaWebinar = await createWebinar(payload, { title: 'Webinar de la ráfaga', capacity })
  const bareWebinar = await createWebinar(payload, { title: 'Webinar del servidor desnudo', capacity })
  const pairWebinar = await createWebinar(payload, { title: 'Webinar de dos instancias', capacity })
  const baselineWebinar = withAdminBaseline ? await createWebinar(payload, { title: 'Webinar de referencia', capacity }) : 0
  const couponWebinar = withCoupon ? await createWebinar(payload, { title: 'Webinar con cupón', capacity, isFree: false, price: 50, currency: 'USD' }) : 0
  const unauditedWebinar = withAuditCost ? await createWebinar(payload, { title: 'Webinar sin registro de auditoría', capacity }) : 0
  if (withCoupon) await payload.create({ collection: 'coupons', overrideAccess: true, data: { code: 'RAFAGA100', discountType: 'percentage', percentOff: 100, maxRedemptions: couponUses, appliesTo: 'all' } })
  let baselineUsers: number[] = []
  if (withAdminBaseline) {
    await createUsers(payload, 1, ['admin'], 'admin')
    const started = performance.now()
    baselineUsers = await createUsers(payload, count, ['student'], 'student')
    console.log(`created ${count} students for the admin baseline in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  await closePayload(payload)
  await ensureProductionBuild(database.uri)

  // Every server up and warmed before the first measurement; the second Aula idles until run 3.
  const aula = await startProductionServer(database.uri, { METRICS_TOKEN })
  servers.push(aula)
  const second = await startProductionServer(database.uri, { METRICS_TOKEN })
  servers.push(second)
  const bare = await startBareRegistrationServer(database.uri)
  servers.push(bare)
  for (const server of [aula, second]) await warmUp(server.url)

  const failures = new Map<number, string[]>()
  const register = async (url: string, webinar: number, email: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/api/webinars/${webinar}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, firstName: 'Persona', lastName: email.split('@')[0], ...extra }),
    })
    const text = await response.text()
    // The first few refusals of each webinar's run, printed with its figures.
    if (response.status >= 300 && (failures.get(webinar)?.length ?? 0) < 3) failures.set(webinar, [...(failures.get(webinar) ?? []), `${response.status} ${text.slice(0, 300)}`])
    return response.status
  }

  // 1. Aula, one process.
  const aulaBefore = await readLockMetrics(aula.url)
  aula.resetPeakRss()
  const aulaCpu = cpuMeter([aula])
  const aulaRun = await pool(count, concurrency, (index) => register(aula.url, aulaWebinar, `persona-${index}@bench.aula`))
  const aulaRss = aula.peakRss()
  const aulaCost = aulaCpu.perRegistration(count)
  const aulaAfter = await readLockMetrics(aula.url)

  // 2. The bare server.
  await fetch(`${bare.url}/stats?reset`).then((response) => response.arrayBuffer())
  bare.resetPeakRss()
  const bareCpu = cpuMeter([bare])
  const bareRun = await pool(count, concurrency, (index) => register(bare.url, bareWebinar, `desnudo-${index}@bench.aula`))
  const bareRss = bare.peakRss()
  const bareCost = bareCpu.perRegistration(count)
  const bareStats = (await (await fetch(`${bare.url}/stats`)).json()) as { heldMs: Timing; waitMs: Timing; loopMs: { p50: number; p99: number; max: number } }

  // 3. Two Aula processes, round-robin, one webinar.
  const pairBefore = await Promise.all([aula, second].map((server) => readLockMetrics(server.url)))
  for (const server of [aula, second]) server.resetPeakRss()
  const pairCpu = cpuMeter([aula, second])
  const pairRun = await pool(count, concurrency, (index) => register(index % 2 ? second.url : aula.url, pairWebinar, `pareja-${index}@bench.aula`))
  const pairRss = [aula.peakRss(), second.peakRss()]
  const pairCost = pairCpu.perRegistration(count)
  const pairAfter = await Promise.all([aula, second].map((server) => readLockMetrics(server.url)))

  let baselineRun: Run | undefined
  let couponRun: Run | undefined
  let unauditedRun: Run | undefined
  let unloggedEntries = 0
  if (withAdminBaseline) {
    const login = await fetch(`${aula.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin-0@bench.aula', password: BENCH_PASSWORD }),
    })
    const token = ((await login.json()) as { token: string }).token
    baselineRun = await pool(count, concurrency, async (index) => {
      const response = await fetch(`${aula.url}/api/enrollments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ user: baselineUsers[index], item: { relationTo: 'webinars', value: baselineWebinar } }),
      })
      await response.arrayBuffer()
      return response.status
    })
  }
  if (withCoupon) couponRun = await pool(count, concurrency, (index) => register(aula.url, couponWebinar, `cupon-${index}@bench.aula`, { couponCode: 'rafaga100' }))
  if (withAuditCost) {
    // The same burst with the audit log switched off (src/audit/record.ts), on a fresh server warmed up the same way.
    const auditEntries = await countAuditEntries(database.uri)
    while (servers.length) await servers.pop()!.stop()
    const unaudited = await startProductionServer(database.uri, { AULA_AUDIT_LOG: 'off' })
    servers.push(unaudited)
    await warmUp(unaudited.url)
    unauditedRun = await pool(count, concurrency, (index) => register(unaudited.url, unauditedWebinar, `sin-auditoria-${index}@bench.aula`))
    unloggedEntries = (await countAuditEntries(database.uri)) - auditEntries
  }

  const client = new pg.Client({ connectionString: database.uri })
  await client.connect()
  const checks = new Map<number, WebinarCheck>()
  for (const webinar of [aulaWebinar, bareWebinar, pairWebinar, baselineWebinar, couponWebinar, unauditedWebinar].filter(Boolean)) checks.set(webinar, await checkWebinar(client, webinar))
  await client.end()

  const exact = (run: Run, check: WebinarCheck) =>
    check.statuses.confirmed === capacity && check.statuses.waitlisted === count - capacity && Object.keys(check.statuses).length === 2 &&
    check.seatsTaken === capacity && check.people === count && check.enrollments === count && run.non2xx === 0 && run.errors === 0
  const report = (label: string, run: Run, webinar: number, rss: string) => {
    const check = checks.get(webinar)!
    const ok = exact(run, check)
    failed ||= !ok
    console.log(`${label}: ${describeLoad(run)}; statuses ${JSON.stringify(run.statuses)}; peak RSS ${rss}`)
    console.log(`  in the database: ${JSON.stringify(check.statuses)}, seats_taken ${check.seatsTaken}, ${check.enrollments} enrollments of ${check.people} people; rows written: ${check.emails} email_log, ${check.jobs} sendEmail jobs, ${check.audit} audit_log`)
    console.log(`  check exactly ${capacity} confirmed + ${count - capacity} waitlisted, seats_taken = ${capacity}, one enrollment per person, 2xx only: ${ok ? 'OK' : 'FAILED'}`)
    for (const failure of failures.get(webinar) ?? []) console.log(`  refused: ${failure}`)
  }

  console.log(`\n${count} registrations per run, ${concurrency} concurrent connections, free webinars with ${capacity} seats`)
  report('1. Aula (npm start, one process)', aulaRun, aulaWebinar, mb(aulaRss))
  console.log(`  ${describeCost(aulaCost)}`)
  const aulaHeld = lockFigures(runBuckets([{ before: aulaBefore.held, after: aulaAfter.held }]))
  const aulaWait = lockFigures(runBuckets([{ before: aulaBefore.wait, after: aulaAfter.wait }]))
  console.log(`  seat lock held: ${describeLock(aulaHeld)}; waited: ${describeLock(aulaWait)}; ${itemCeiling(aulaHeld?.p50)}`)
  console.log(`  event-loop delay of the process during the run: ${describeEventLoop(aulaAfter.eventLoopMs)} (≈ 10 ms when idle: the 10 ms sampling period is included; each await in the locked section waits for a turn)`)
  report('2. bare server (node:http + pg, pool 20)', bareRun, bareWebinar, mb(bareRss))
  console.log(`  ${describeCost(bareCost)}`)
  console.log(`  seat lock held: ${describeTiming(bareStats.heldMs)}; waited: ${describeTiming(bareStats.waitMs)}; ${itemCeiling(bareStats.heldMs.p50)}`)
  console.log(`  event-loop delay of the process during the run: ${describeEventLoop(bareStats.loopMs)}`)
  report('3. two Aula processes, round-robin, one webinar', pairRun, pairWebinar, `${mb(pairRss[0]!)} + ${mb(pairRss[1]!)}`)
  console.log(`  ${describeCost(pairCost)}`)
  const pairHeld = lockFigures(runBuckets(pairBefore.map((before, index) => ({ before: before.held, after: pairAfter[index]!.held }))))
  const pairWait = lockFigures(runBuckets(pairBefore.map((before, index) => ({ before: before.wait, after: pairAfter[index]!.wait }))))
  console.log(`  seat lock held (both processes): ${describeLock(pairHeld)}; waited: ${describeLock(pairWait)}; ${itemCeiling(pairHeld?.p50)}`)
  console.log(`  event-loop delay during the run: ${pairAfter.map((after) => describeEventLoop(after.eventLoopMs)).join(' · ')}`)
  console.log(`ratio Aula/bare (req/s): ${(aulaRun.rate / bareRun.rate).toFixed(2)} (goal ≥ 0.5); two instances/bare: ${(pairRun.rate / bareRun.rate).toFixed(2)}; two instances/one: ${(pairRun.rate / aulaRun.rate).toFixed(2)}`)
  console.log(`CPU per registration, bare/Aula (what each registration costs, whatever else the machine runs): app ${(bareCost.app / aulaCost.app).toFixed(2)}, app + database ${((bareCost.app + bareCost.database) / (aulaCost.app + aulaCost.database)).toFixed(2)}`)

  if (baselineRun) {
    report('admin baseline: POST /api/enrollments (admin JWT, existing users)', baselineRun, baselineWebinar, 'n/a (shares the server)')
    console.log(`  ratio Aula burst/admin baseline: ${(aulaRun.rate / baselineRun.rate).toFixed(2)}`)
  }
  if (couponRun) {
    const check = checks.get(couponWebinar)!
    const ok = check.statuses.confirmed === capacity && check.statuses.waitlisted === couponUses - capacity && Object.keys(check.statuses).length === 2 &&
      couponRun.statuses[201] === couponUses && couponRun.statuses[400] === count - couponUses && couponRun.errors === 0
    failed ||= !ok
    console.log(`coupon (100% off, ${couponUses} uses, paid webinar): ${describeLoad(couponRun)}; statuses ${JSON.stringify(couponRun.statuses)}`)
    console.log(`  in the database: ${JSON.stringify(check.statuses)}; check ${capacity} confirmed + ${couponUses - capacity} waitlisted, ${couponUses} × 201, ${count - couponUses} × 400 used_up: ${ok ? 'OK' : 'FAILED'}; coupon/Aula burst ${(couponRun.rate / aulaRun.rate).toFixed(2)}`)
  }
  if (unauditedRun) {
    report('Aula with AULA_AUDIT_LOG=off', unauditedRun, unauditedWebinar, 'n/a')
    failed ||= unloggedEntries !== 0
    console.log(`  audit entries written: ${unloggedEntries}; cost of the log: on ${aulaRun.rate.toFixed(1)} req/s, off ${unauditedRun.rate.toFixed(1)} req/s, difference ${(((unauditedRun.rate - aulaRun.rate) / unauditedRun.rate) * 100).toFixed(1)} % (target < 10 %)`)
  }
  if (failed) {
    // What the servers logged as errors: the refusals above say what the client saw, this says why.
    for (const server of servers) {
      const errors = server.logTail().split('\n').filter((line) => line.includes('"level":"error"') || line.includes('"level":50'))
      for (const line of errors.slice(-3)) console.log(`  ${server.url} logged: ${line.slice(0, 800)}`)
    }
  }
} finally {
  for (const server of servers) await server.stop()
  await database.stop()
}
process.exit(failed ? 1 : 0)

interface Timing { count: number; p50: number | null; p95: number | null; max: number | null }

function describeTiming(timing: Timing): string {
  if (!timing.count) return 'no samples'
  return `${timing.count} samples, p50 ${timing.p50!.toFixed(2)} ms, p95 ${timing.p95!.toFixed(2)} ms, max ${timing.max!.toFixed(2)} ms`
}

interface Cost { app: number; database: number }

/** CPU the servers' processes and PostgreSQL spend from now on, per registration, in ms (Linux /proc). */
function cpuMeter(servers: RunningServer[]) {
  const app = () => servers.reduce((sum, server) => sum + server.cpuMs(), 0)
  const appBefore = app()
  const databaseBefore = postgresCpuMs()
  return { perRegistration: (registrations: number): Cost => ({ app: (app() - appBefore) / registrations, database: (postgresCpuMs() - databaseBefore) / registrations }) }
}

function describeCost(cost: Cost): string {
  return `CPU per registration: app ${cost.app.toFixed(1)} ms, database ${cost.database.toFixed(1)} ms (all its processes)`
}

/** Catalog reads only: a registration would change the counts. */
async function warmUp(url: string): Promise<void> {
  for (let index = 0; index < 20; index += 1) await fetch(`${url}/api/webinars?limit=5&depth=1`).then((response) => response.arrayBuffer())
}

interface WebinarCheck { statuses: Record<string, number>; seatsTaken: number; enrollments: number; people: number; emails: number; jobs: number; audit: number }

/** What one run left in the database for its webinar, and the rows its registrations wrote beside the enrollments. */
async function checkWebinar(client: pg.Client, webinar: number): Promise<WebinarCheck> {
  const enrollments = `select e.id, e.user_id, e.status from enrollments e join enrollments_rels r on r.parent_id = e.id and r.path = 'item' where r.webinars_id = $1`
  const { rows: statusRows } = await client.query<{ status: string; count: string }>(`select status, count(*) from (${enrollments}) e group by status`, [webinar])
  const { rows: [totals] } = await client.query<Record<string, string>>(`
    with e as (${enrollments}),
    logs as (select l.id from email_log l join email_log_rels lr on lr.parent_id = l.id and lr.path = 'relatedDocument' where lr.enrollments_id in (select id from e))
    select (select count(*) from e) as enrollments, (select count(distinct user_id) from e) as people,
           (select count(*) from logs) as emails,
           (select count(*) from payload_jobs j where j.task_slug = 'sendEmail' and (j.input->>'emailLogId')::int in (select id from logs)) as jobs,
           (select count(*) from audit_log a where (a.collection_slug = 'enrollments' and a.document_id in (select id::text from e))
                                               or (a.collection_slug = 'users' and a.document_id in (select user_id::text from e))) as audit,
           (select seats_taken from webinars where id = $1) as seats_taken`, [webinar])
  return {
    statuses: Object.fromEntries(statusRows.map((row) => [row.status, Number(row.count)])),
    seatsTaken: Number(totals!.seats_taken),
    enrollments: Number(totals!.enrollments),
    people: Number(totals!.people),
    emails: Number(totals!.emails),
    jobs: Number(totals!.jobs),
    audit: Number(totals!.audit),
  }
}

async function countAuditEntries(uri: string): Promise<number> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return Number((await client.query<{ count: string }>('select count(*) from audit_log')).rows[0]!.count)
  } finally {
    await client.end()
  }
}
