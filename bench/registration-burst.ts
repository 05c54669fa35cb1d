/**
 * `npx tsx bench/registration-burst.ts [--rebuild] [--count=1000]`: 1,000 public registrations
 * (distinct people) from 50 concurrent connections for one free webinar with 100 seats, on the
 * production server (`npm start`); checks the database holds exactly 100 confirmed and 900
 * waitlisted and that every answer was 2xx. Baseline in the same run: as many plain
 * `POST /api/enrollments` by an admin for users created beforehand, on a second webinar with 100
 * seats. Then the coupon run: as many registrations with a 100% coupon limited to 150 uses on a paid
 * webinar with 100 seats (no Stripe: the coupon makes the seats free), which must leave exactly 100
 * confirmed, 50 waitlisted and the rest refused with a 400 `used_up` (src/commerce/coupons).
 * Last, the audit log's cost: the same burst on a fourth webinar, on a server started with
 * `AULA_AUDIT_LOG=off` (bench only), against the first burst (log on); prints both and the difference.
 * Starts its own throwaway embedded PostgreSQL; stops everything at the end.
 */
import pg from 'pg'

import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { describeLoad, pool } from './lib/load'
import { BENCH_PASSWORD, createUsers, createWebinar } from './lib/seed'
import { ensureProductionBuild, mb, type RunningServer, startProductionServer } from './lib/server'

const count = Number(process.argv.find((arg) => arg.startsWith('--count='))?.split('=')[1]) || 1000
const capacity = 100
const concurrency = 50
const couponUses = 150

const database = await startBenchDatabase()
let server: RunningServer | undefined
let failed = false
try {
  const payload = await openMigratedPayload(database.uri)
  const burstWebinar = await createWebinar(payload, { title: 'Webinar de la ráfaga', capacity })
  const baselineWebinar = await createWebinar(payload, { title: 'Webinar de referencia', capacity })
  const couponWebinar = await createWebinar(payload, { title: 'Webinar con cupón', capacity, isFree: false, price: 50, currency: 'USD' })
  const unauditedWebinar = await createWebinar(payload, { title: 'Webinar sin registro de auditoría', capacity })
  await payload.create({ collection: 'coupons', overrideAccess: true, data: { code: 'RAFAGA100', discountType: 'percentage', percentOff: 100, maxRedemptions: couponUses, appliesTo: 'all' } })
  await createUsers(payload, 1, ['admin'], 'admin')
  const started = performance.now()
  const baselineUsers = await createUsers(payload, count, ['student'], 'student')
  console.log(`created ${count} students for the baseline in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  await closePayload(payload)
  await ensureProductionBuild(database.uri)

  server = await startProductionServer(database.uri)
  const { url } = server
  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin-0@bench.aula', password: BENCH_PASSWORD }),
  })
  const token = ((await login.json()) as { token: string }).token

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    await response.arrayBuffer()
    return response.status
  }
  // Warm-up outside both measurements (catalog reads only: a registration would change the counts).
  for (let index = 0; index < 20; index += 1) await fetch(`${url}/api/webinars?limit=5&depth=1`).then((response) => response.arrayBuffer())

  server.resetPeakRss()
  const burst = await pool(count, concurrency, (index) =>
    post(`/api/webinars/${burstWebinar}/register`, { email: `persona-${index}@bench.aula`, firstName: 'Persona', lastName: `Número ${index}` }),
  )
  const burstRss = server.peakRss()

  server.resetPeakRss()
  const baseline = await pool(count, concurrency, (index) =>
    post('/api/enrollments', { user: baselineUsers[index], item: { relationTo: 'webinars', value: baselineWebinar } }, { authorization: `JWT ${token}` }),
  )
  const baselineRss = server.peakRss()

  server.resetPeakRss()
  const couponBurst = await pool(count, concurrency, (index) =>
    post(`/api/webinars/${couponWebinar}/register`, { email: `cupon-${index}@bench.aula`, firstName: 'Persona', lastName: `Con cupón ${index}`, couponCode: 'rafaga100' }),
  )
  const couponRss = server.peakRss()
  const auditEntries = await countAuditEntries(database.uri)

  // The same burst with the audit log switched off (src/audit/record.ts), on a fresh server warmed up the same way.
  await server.stop()
  server = await startProductionServer(database.uri, { AULA_AUDIT_LOG: 'off' })
  const unauditedUrl = server.url
  for (let index = 0; index < 20; index += 1) await fetch(`${unauditedUrl}/api/webinars?limit=5&depth=1`).then((response) => response.arrayBuffer())
  const unaudited = await pool(count, concurrency, async (index) => {
    const response = await fetch(`${unauditedUrl}/api/webinars/${unauditedWebinar}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `sin-auditoria-${index}@bench.aula`, firstName: 'Persona', lastName: `Sin registro ${index}` }),
    })
    await response.arrayBuffer()
    return response.status
  })
  const unloggedEntries = (await countAuditEntries(database.uri)) - auditEntries

  const client = new pg.Client({ connectionString: database.uri })
  await client.connect()
  const statuses = async (webinar: number) => {
    const { rows } = await client.query<{ status: string; count: string }>(
      `select e.status, count(*) from enrollments e join enrollments_rels r on r.parent_id = e.id and r.path = 'item'
       where r.webinars_id = $1 group by e.status`,
      [webinar],
    )
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Record<string, number>
  }
  const burstStatuses = await statuses(burstWebinar)
  const baselineStatuses = await statuses(baselineWebinar)
  const couponStatuses = await statuses(couponWebinar)
  const unauditedStatuses = await statuses(unauditedWebinar)
  const seats = await client.query<{ id: number; seats_taken: string }>('select id, seats_taken from webinars where id = any($1)', [[burstWebinar, baselineWebinar]])
  const queuedEmails = await client.query<{ count: string }>(`select count(*) from payload_jobs where task_slug = 'sendEmail'`).catch(() => ({ rows: [{ count: 'n/a' }] }))
  await client.end()

  const expected = (found: Record<string, number>) => found.confirmed === capacity && found.waitlisted === count - capacity && Object.keys(found).length === 2
  const burstOk = expected(burstStatuses) && burst.non2xx === 0 && burst.errors === 0
  const baselineOk = expected(baselineStatuses) && baseline.non2xx === 0 && baseline.errors === 0
  const couponOk =
    couponStatuses.confirmed === capacity && couponStatuses.waitlisted === couponUses - capacity && Object.keys(couponStatuses).length === 2 &&
    couponBurst.statuses[201] === couponUses && couponBurst.statuses[400] === count - couponUses && couponBurst.errors === 0
  const unauditedOk = expected(unauditedStatuses) && unaudited.non2xx === 0 && unaudited.errors === 0 && unloggedEntries === 0
  failed = !burstOk || !baselineOk || !couponOk || !unauditedOk

  console.log(`\n${count} registrations, ${concurrency} concurrent connections, webinars with ${capacity} seats`)
  console.log(`POST /api/webinars/:id/register (anonymous, creates the student, queues its emails): ${describeLoad(burst)}; statuses ${JSON.stringify(burst.statuses)}`)
  console.log(`  in the database: ${JSON.stringify(burstStatuses)}; seats_taken ${JSON.stringify(seats.rows)}; sendEmail jobs queued in total: ${queuedEmails.rows[0]?.count}`)
  console.log(`  check 100 confirmed + ${count - capacity} waitlisted, no non-2xx, no errors: ${burstOk ? 'OK' : 'FAILED'}`)
  console.log(`POST /api/enrollments (admin JWT, existing users): ${describeLoad(baseline)}; statuses ${JSON.stringify(baseline.statuses)}`)
  console.log(`  in the database: ${JSON.stringify(baselineStatuses)}; check: ${baselineOk ? 'OK' : 'FAILED'}`)
  console.log('  (the baseline goes through the same seat rules: it is the enrollment engine without person creation and the public endpoint)')
  console.log(`POST /api/webinars/:id/register with couponCode (100% off, ${couponUses} uses, paid webinar): ${describeLoad(couponBurst)}; statuses ${JSON.stringify(couponBurst.statuses)}`)
  console.log(`  in the database: ${JSON.stringify(couponStatuses)}; check ${capacity} confirmed + ${couponUses - capacity} waitlisted, ${couponUses} × 201, ${count - couponUses} × 400 used_up: ${couponOk ? 'OK' : 'FAILED'}`)
  console.log(`ratio burst/baseline (req/s): ${(burst.rate / baseline.rate).toFixed(2)}; coupon/burst: ${(couponBurst.rate / burst.rate).toFixed(2)}`)
  console.log(`peak RSS of the server: burst ${mb(burstRss)}, baseline ${mb(baselineRss)}, coupon ${mb(couponRss)}`)
  console.log(`audit log: ${auditEntries} entries written by the runs above`)
  console.log(`POST /api/webinars/:id/register with AULA_AUDIT_LOG=off: ${describeLoad(unaudited)}; in the database: ${JSON.stringify(unauditedStatuses)}; audit entries written: ${unloggedEntries}; check: ${unauditedOk ? 'OK' : 'FAILED'}`)
  console.log(`audit log cost on the burst: on ${burst.rate.toFixed(1)} req/s, off ${unaudited.rate.toFixed(1)} req/s, difference ${(((unaudited.rate - burst.rate) / unaudited.rate) * 100).toFixed(1)} % (target < 10 %)`)
} finally {
  await server?.stop()
  await database.stop()
}
process.exit(failed ? 1 : 0)

async function countAuditEntries(uri: string): Promise<number> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return Number((await client.query<{ count: string }>('select count(*) from audit_log')).rows[0].count)
  } finally {
    await client.end()
  }
}
