/**
 * `npx tsx bench/catalog-read.ts [--rebuild] [--duration=15]`: read throughput of the public
 * catalog on the production server (`next build` once, then `npm start`: Aula's server in front of Next) against a bare Node
 * `http` server answering the same JSON from one SQL statement on the same database. 200
 * published webinars with speakers and a category; autocannon, 50 connections, 15 s each after a
 * short warm-up. Starts its own throwaway embedded PostgreSQL; stops everything at the end.
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

  const aula = await startProductionServer(database.uri)
  servers.push(aula)
  const aulaSample = await sample(aula)
  const aulaRun = await measure(aula)
  await aula.stop()

  const bare = await startBareCatalogServer(database.uri)
  servers.push(bare)
  const bareSample = await sample(bare)
  const bareRun = await measure(bare)
  await bare.stop()

  const sameIds = JSON.stringify(aulaSample.docs.map((doc) => doc.id)) === JSON.stringify(bareSample.docs.map((doc) => doc.id))
  const missingKeys = Object.keys(aulaSample.docs[0] ?? {}).filter((key) => !(key in (bareSample.docs[0] ?? {})))
  console.log(`\nGET ${CATALOG_PATH}`)
  console.log(`${aulaSample.totalDocs} published webinars; autocannon ${connections} connections, ${duration} s each`)
  console.log(`same page of ids from both servers: ${sameIds ? 'yes' : 'NO'}; keys Aula sends that the bare server lacks: ${missingKeys.join(', ') || 'none'}`)
  console.log(`Aula (npm start): ${describeLoad(aulaRun.result)}`)
  console.log(`bare node:http + 1 SQL: ${describeLoad(bareRun.result)}`)
  console.log(`ratio Aula/bare (req/s): ${(aulaRun.result.rate / bareRun.result.rate).toFixed(2)} (goal ≥ 0.3)`)
  console.log(`peak RSS during the run: Aula ${mb(aulaRun.peakRss)}, bare ${mb(bareRun.peakRss)}`)
} finally {
  for (const server of servers) await server.stop()
  await database.stop()
}
process.exit(0)
