/**
 * `npx tsx bench/sql-per-request.ts`: how many SQL statements one catalog request costs at
 * `limit=10` and `limit=100` (depth=1, speakers and category populated), counted on pg's
 * `Client.prototype.query` while Aula's real REST handlers run in-process. Equal counts mean the
 * listing does not grow one query per row (no N+1). Starts its own throwaway embedded PostgreSQL.
 */
import { REST_GET } from '@payloadcms/next/routes'

import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { seedPublishedCatalog } from './lib/seed'

type Queryable = { query: (...args: unknown[]) => unknown }
type RouteHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const database = await startBenchDatabase()
const payload = await openMigratedPayload(database.uri)
await seedPublishedCatalog(payload, 110)
const get = REST_GET(payload.config) as RouteHandler

const pool = (payload.db as unknown as { pool: { Client: { prototype: Queryable } } }).pool
const prototype = pool.Client.prototype
const original = prototype.query
let statements = 0
prototype.query = function (this: unknown, ...args: unknown[]) {
  statements += 1
  return original.apply(this, args)
}

const list = async (limit: number) => {
  const url = new URL(`http://localhost:3000/api/webinars?where[status][equals]=published&limit=${limit}&depth=1`)
  const response = await get(new Request(url), { params: Promise.resolve({ slug: ['webinars'] }) })
  const body = (await response.json()) as { docs: { category?: { name?: string } }[] }
  if (response.status !== 200 || body.docs.length !== limit || !body.docs[0]?.category?.name) {
    throw new Error(`unexpected catalog answer at limit ${limit}: ${response.status}`)
  }
}
const count = async (limit: number) => {
  statements = 0
  await list(limit)
  return statements
}

await list(10) // warm-up: the first request also reads setup rows
const ten = await count(10)
const hundred = await count(100)
prototype.query = original

console.log(`SQL statements per GET /api/webinars?where[status][equals]=published&depth=1`)
console.log(`limit=10:  ${ten}`)
console.log(`limit=100: ${hundred}`)
console.log(`equal: ${ten === hundred ? 'yes' : 'no'} (ratio 100/10: ${(hundred / ten).toFixed(2)})`)

await closePayload(payload)
await database.stop()
process.exit(0)
