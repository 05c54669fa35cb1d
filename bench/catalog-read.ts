/**
 * `npx tsx bench/catalog-read.ts [--rebuild] [--duration=15]`: read throughput of the public
 * catalog on the production server (`next build` once, then `npm start`: Aula's server in front of Next) against a bare Node
 * `http` server answering the same JSON from one SQL statement on the same database. Aula runs
 * three times: as deployed (with the anonymous catalog cache), with `AULA_CATALOG_CACHE=off` (every
 * read computed afresh: the catalog fast path's one SQL statement, src/catalogFastPath), and with
 * `AULA_FAST_PATHS=off` too (Payload's whole read path) — and once more as deployed while registrations
 * arrive (`--registrations-per-second=N`, default 20) for a webinar on the page, as during a launch:
 * each one changes that webinar's seat count. 200 published webinars with speakers and a
 * category; autocannon, 50 connections, 15 s each after a short warm-up. Starts its own throwaway
 * embedded PostgreSQL; stops everything at the end.
 */
import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { describeLoad, hammer } from './lib/load'
import { createWebinar, seedPublishedCatalog } from './lib/seed'
import { ensureProductionBuild, mb, type RunningServer, startBareCatalogServer, startProductionServer } from './lib/server'

const CATALOG_PATH = '/api/webinars?where[status][equals]=published&limit=20&depth=1'
const connections = 50
const duration = Number(process.argv.find((arg) => arg.startsWith('--duration='))?.split('=')[1]) || 15
const registrationsPerSecond = Number(process.argv.find((arg) => arg.startsWith('--registrations-per-second='))?.split('=')[1]) || 20

const database = await startBenchDatabase()
const servers: RunningServer[] = []
try {
  const payload = await openMigratedPayload(database.uri)
  await seedPublishedCatalog(payload, 200)
  // The newest webinar, so first on the page: the one a launch's registrations go to. Seats enough for all of them.
  const launchWebinar = await createWebinar(payload, { title: 'Webinar de lanzamiento', capacity: 1_000_000 })
  await closePayload(payload)
  await ensureProductionBuild(database.uri)

  const measure = async (server: RunningServer) => {
    await hammer(`${server.url}${CATALOG_PATH}`, 10, 3) // warm-up: JIT, pools, Next's first-request work
    server.resetPeakRss()
    const result = await hammer(`${server.url}${CATALOG_PATH}`, connections, duration)
    return { result, peakRss: server.peakRss() }
  }
  const sample = async (server: RunningServer) => (await (await fetch(`${server.url}${CATALOG_PATH}`)).json()) as { docs: Record<string, unknown>[]; totalDocs: number }

  const run = async (start: () => Promise<RunningServer>) => {
    const server = await start()
    servers.push(server)
    const firstPage = await sample(server)
    const measured = await measure(server)
    await server.stop()
    return { firstPage, ...measured }
  }
  /** Registrations for `webinar` at a steady `perSecond` (at most 20 waiting at once) until the returned stop is called. */
  const registrationStream = (url: string, webinar: number, perSecond: number) => {
    const statuses: number[] = []
    const waiting = new Set<Promise<unknown>>()
    let index = 0
    const timer = setInterval(() => {
      if (waiting.size >= 20) return
      index += 1
      const sent = fetch(`${url}/api/webinars/${webinar}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `lanzamiento-${Date.now()}-${index}@bench.aula`, firstName: 'Persona', lastName: `Lanzamiento ${index}` }),
      })
        .then(async (response) => statuses.push((await response.text(), response.status)))
        .catch(() => statuses.push(0))
        .finally(() => waiting.delete(sent))
      waiting.add(sent)
    }, 1000 / perSecond)
    return async () => {
      clearInterval(timer)
      await Promise.all(waiting)
      return statuses
    }
  }
  const cached = await run(() => startProductionServer(database.uri))
  const uncached = await run(() => startProductionServer(database.uri, { AULA_CATALOG_CACHE: 'off' }))
  const payloadPath = await run(() => startProductionServer(database.uri, { AULA_CATALOG_CACHE: 'off', AULA_FAST_PATHS: 'off' }))
  const duringLaunch = await (async () => {
    const server = await startProductionServer(database.uri)
    servers.push(server)
    await hammer(`${server.url}${CATALOG_PATH}`, 10, 3)
    server.resetPeakRss()
    const stop = registrationStream(server.url, launchWebinar, registrationsPerSecond)
    const result = await hammer(`${server.url}${CATALOG_PATH}`, connections, duration)
    const statuses = await stop()
    const peakRss = server.peakRss()
    await server.stop()
    return { result, peakRss, registered: statuses.filter((status) => status === 201).length, refused: statuses.filter((status) => status !== 201).length }
  })()
  const bare = await run(() => startBareCatalogServer(database.uri))

  const idsOf = (page: { docs: Record<string, unknown>[] }) => JSON.stringify(page.docs.map((doc) => doc.id))
  const sameIds = [cached, uncached, payloadPath].every((aula) => idsOf(aula.firstPage) === idsOf(bare.firstPage))
  const sameAula = [uncached, payloadPath].every((aula) => JSON.stringify(aula.firstPage) === JSON.stringify(cached.firstPage))
  const missingKeys = Object.keys(cached.firstPage.docs[0] ?? {}).filter((key) => !(key in (bare.firstPage.docs[0] ?? {})))
  const ratio = (aula: { result: { rate: number } }) => (aula.result.rate / bare.result.rate).toFixed(2)
  console.log(`\nGET ${CATALOG_PATH}`)
  console.log(`${cached.firstPage.totalDocs} published webinars; autocannon ${connections} connections, ${duration} s each`)
  console.log(`same page of ids from every server: ${sameIds ? 'yes' : 'NO'}; Aula's answer identical with and without the cache and the fast path: ${sameAula ? 'yes' : 'NO'}`)
  console.log(`keys Aula sends that the bare server lacks: ${missingKeys.join(', ') || 'none'}`)
  console.log(`Aula (npm start), with the catalog cache: ${describeLoad(cached.result)}`)
  console.log(`Aula (npm start), AULA_CATALOG_CACHE=off (the fast path answers in SQL): ${describeLoad(uncached.result)}`)
  console.log(`Aula (npm start), AULA_CATALOG_CACHE=off AULA_FAST_PATHS=off (Payload's read path): ${describeLoad(payloadPath.result)}`)
  console.log(`Aula (npm start), with the catalog cache, while ${registrationsPerSecond} registrations/s arrive for a webinar on the page: ${describeLoad(duringLaunch.result)}; registrations answered 201: ${duringLaunch.registered} (${(duringLaunch.registered / duration).toFixed(1)}/s), other: ${duringLaunch.refused}`)
  console.log(`bare node:http + 1 SQL: ${describeLoad(bare.result)}`)
  console.log(`ratio Aula/bare (req/s): with the cache ${ratio(cached)}, without ${ratio(uncached)} (goal ≥ 0.3 for each), without the cache on Payload's path ${ratio(payloadPath)}, with the cache during the registrations ${ratio(duringLaunch)}`)
  console.log(`peak RSS during the run: Aula cached ${mb(cached.peakRss)}, Aula uncached ${mb(uncached.peakRss)}, Aula on Payload's path ${mb(payloadPath.peakRss)}, Aula during the registrations ${mb(duringLaunch.peakRss)}, bare ${mb(bare.peakRss)}`)
} finally {
  for (const server of servers) await server.stop()
  await database.stop()
}
process.exit(0)
