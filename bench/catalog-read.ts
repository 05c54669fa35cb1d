/**
 * `npx tsx bench/catalog-read.ts [--rebuild] [--duration=15]`: read throughput of the public
 * catalog on the production server (`next build` once, then `npm start`: Aula's server in front of Next) against a bare Node
 * `http` server answering the same JSON from one SQL statement on the same database. Aula runs
 * twice: as deployed (with the anonymous catalog cache) and with `AULA_CATALOG_CACHE=off` (every
 * read goes through Payload and the database). 200 published webinars with speakers and a
 * category; autocannon, 50 connections, 15 s each after a short warm-up. Starts its own throwaway
 * embedded PostgreSQL; stops everything at the end.
 */
import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { describeLoad, hammer } from './lib/load'
import { seedPublishedCatalog } from './lib/seed'
import { ensureProductionBuild, mb, type RunningServer, startBareCatalogServer, startProductionServer } from './lib/server'

const CATALOG_PATH = '/api/webinars?where[status][equals]=published&limit=20&depth=1'
const connections = 50
const duration = Number(process.argv.find((arg) => arg.startsWith('--duration='))?.split('=')[1]) || 15

const database = await startBenchDatabase()
const servers: RunningServer[] = []
try {
  const payload = await openMigratedPayload(database.uri)
  await seedPublishedCatalog(payload, 200)
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
  const cached = await run(() => startProductionServer(database.uri))
  const uncached = await run(() => startProductionServer(database.uri, { AULA_CATALOG_CACHE: 'off' }))
  const bare = await run(() => startBareCatalogServer(database.uri))

  const idsOf = (page: { docs: Record<string, unknown>[] }) => JSON.stringify(page.docs.map((doc) => doc.id))
  const sameIds = idsOf(cached.firstPage) === idsOf(bare.firstPage) && idsOf(uncached.firstPage) === idsOf(bare.firstPage)
  const sameAula = JSON.stringify(cached.firstPage) === JSON.stringify(uncached.firstPage)
  const missingKeys = Object.keys(cached.firstPage.docs[0] ?? {}).filter((key) => !(key in (bare.firstPage.docs[0] ?? {})))
  const ratio = (aula: typeof bare) => (aula.result.rate / bare.result.rate).toFixed(2)
  console.log(`\nGET ${CATALOG_PATH}`)
  console.log(`${cached.firstPage.totalDocs} published webinars; autocannon ${connections} connections, ${duration} s each`)
  console.log(`same page of ids from all three: ${sameIds ? 'yes' : 'NO'}; Aula's answer identical with and without the cache: ${sameAula ? 'yes' : 'NO'}`)
  console.log(`keys Aula sends that the bare server lacks: ${missingKeys.join(', ') || 'none'}`)
  console.log(`Aula (npm start), with the catalog cache: ${describeLoad(cached.result)}`)
  console.log(`Aula (npm start), AULA_CATALOG_CACHE=off: ${describeLoad(uncached.result)}`)
  console.log(`bare node:http + 1 SQL: ${describeLoad(bare.result)}`)
  console.log(`ratio Aula/bare (req/s): with the cache ${ratio(cached)}, without ${ratio(uncached)} (goal ≥ 0.3 for each)`)
  console.log(`peak RSS during the run: Aula cached ${mb(cached.peakRss)}, Aula uncached ${mb(uncached.peakRss)}, bare ${mb(bare.peakRss)}`)
} finally {
  for (const server of servers) await server.stop()
  await database.stop()
}
process.exit(0)
