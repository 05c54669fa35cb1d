import { DrizzleQueryError, Name, Param, SQL, StringChunk } from '@payloadcms/db-postgres/drizzle'
import pg from 'pg'
import type { PayloadRequest } from 'payload'

/**
 * Runs Aula's own hand-written statements (drizzle's `sql` template) on a pg client or pool without
 * drizzle's query building. Drizzle checks every chunk of every statement against a dozen entity
 * classes by walking prototype chains (its `is()`), which cost a registration more CPU than the
 * statements themselves took in PostgreSQL (docs/benchmarks.md); the statements written here only hold
 * text, values, nested `sql`, `sql.join`, `sql.identifier` and lists, which compile with `instanceof`
 * in one pass. Anything else (a table or column object, a placeholder, inlined params) goes to
 * drizzle as before. The query config, result parsing and error wrapping are drizzle's own, so a
 * caller cannot tell the two apart: timestamps stay text, and a failed statement is a
 * `DrizzleQueryError` with pg's error as its cause (src/db/databaseAvailability.ts reads both).
 */

type Queryable = { query: (config: pg.QueryConfig, values: unknown[]) => Promise<pg.QueryResult> }
type DrizzleExecutor = { execute: (query: SQL) => Promise<unknown> }
export type StatementRunner = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

const { types } = pg
/** Drizzle's raw-query type parsing (node-postgres session): dates, times and intervals as PostgreSQL's text. */
const AS_TEXT = new Set([types.builtins.TIMESTAMPTZ, types.builtins.TIMESTAMP, types.builtins.DATE, types.builtins.INTERVAL, 1231, 1115, 1185, 1187, 1182])
const typeParsers = {
  getTypeParser: (typeId: number, format?: 'text' | 'binary') => (AS_TEXT.has(typeId) ? (value: string) => value : types.getTypeParser(typeId, format)),
} as pg.CustomTypesConfig

/** Text and values of `query` as drizzle would build them, or null when it holds something only drizzle compiles. */
export function compileStatement(query: SQL): { text: string; values: unknown[] } | null {
  const values: unknown[] = []
  let text = ''
  const add = (chunk: unknown): boolean => {
    if (chunk === undefined) return true
    if (chunk instanceof StringChunk) {
      text += chunk.value.join('')
      return true
    }
    if (chunk instanceof SQL) {
      if ((chunk as unknown as { shouldInlineParams?: boolean }).shouldInlineParams) return false
      return chunk.queryChunks.every(add)
    }
    if (chunk instanceof Name) {
      // Drizzle's PostgreSQL dialect quotes names as they are.
      text += `"${chunk.value}"`
      return true
    }
    if (Array.isArray(chunk)) {
      text += '('
      const ok = chunk.every((item, index) => {
        if (index > 0) text += ', '
        return add(item)
      })
      text += ')'
      return ok
    }
    if (chunk instanceof Param) {
      const value = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value)
      if (value instanceof SQL || (value !== null && typeof value === 'object' && !isPlainValue(value))) return false
      values.push(value)
      text += `$${values.length}`
      return true
    }
    if (chunk !== null && typeof chunk === 'object' && !isPlainValue(chunk)) return false
    values.push(chunk)
    text += `$${values.length}`
    return true
  }
  return add(query) ? { text, values } : null
}

/** Values pg serialises itself (drizzle passes them through unchanged): dates, buffers, plain objects and arrays. */
const isPlainValue = (value: object) => {
  if (value instanceof Date || Buffer.isBuffer(value) || Array.isArray(value)) return true
  const prototype = Object.getPrototypeOf(value)
  return (prototype === Object.prototype || prototype === null) && typeof (value as { getSQL?: unknown }).getSQL !== 'function'
}

/** A runner for `client` (a pool or a transaction's connection); `drizzle` compiles what `compileStatement` leaves. */
export function statementRunner(client: Queryable, drizzle: DrizzleExecutor): StatementRunner {
  return {
    async execute(query) {
      const compiled = compileStatement(query)
      if (!compiled) return (await drizzle.execute(query)) as { rows: Record<string, unknown>[] }
      try {
        return await client.query({ text: compiled.text, types: typeParsers }, compiled.values)
      } catch (error) {
        throw new DrizzleQueryError(compiled.text, compiled.values as never, error as Error)
      }
    },
  }
}

/** The pg client or pool under a drizzle handle (node-postgres session). */
const clientOf = (drizzle: unknown): Queryable | undefined => (drizzle as { session?: { client?: Queryable } }).session?.client

type Adapter = { sessions?: Record<string, { db: DrizzleExecutor }>; drizzle: DrizzleExecutor }

/**
 * A runner on the request's open transaction when it has one (so a rollback takes the rows with it), else
 * on the pool; Payload keeps transactions in `db.sessions`. Used by `sqlFor` and `drizzleFor`.
 */
export async function statementsFor(req: { payload: { db: unknown }; transactionID?: PayloadRequest['transactionID'] }): Promise<StatementRunner> {
  const adapter = req.payload.db as Adapter
  const id = req.transactionID ? await req.transactionID : undefined
  const handle = (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
  const client = clientOf(handle)
  return client ? statementRunner(client, handle) : (handle as unknown as StatementRunner)
}

/**
 * For a statement that ended the request's transaction with its own COMMIT (seatAtCommit.ts): the COMMIT
 * Payload's `commitTransaction` then has drizzle send (or the ROLLBACK of `killTransaction`) is answered here,
 * not by PostgreSQL, which would find no transaction open: a round trip (one in seven of a registration's) and
 * a warning, for nothing. Only the next statement on that connection is looked at; anything but a bare
 * `commit`/`rollback` goes to the server as usual (in autocommit, as it would have anyway).
 */
export async function commitAlreadySent(req: { payload: { db: unknown }; transactionID?: PayloadRequest['transactionID'] }): Promise<void> {
  const adapter = req.payload.db as Adapter
  const id = req.transactionID ? await req.transactionID : undefined
  const client = (id === undefined ? undefined : clientOf(adapter.sessions?.[String(id)]?.db)) as unknown as { query?: (...args: unknown[]) => unknown } | undefined
  if (!client || Object.hasOwn(client, 'query')) return
  client.query = (...args: unknown[]) => {
    delete client.query
    const first = args[0] as string | { text?: string } | undefined
    const text = (typeof first === 'string' ? first : first?.text)?.trim().toLowerCase()
    if ((text === 'commit' || text === 'rollback') && !args.some((arg) => typeof arg === 'function')) {
      return Promise.resolve({ command: text.toUpperCase(), rowCount: null, rows: [], fields: [] })
    }
    return client.query!(...args)
  }
}
