import type { Payload } from 'payload'

type Queryable = { query: (...args: unknown[]) => unknown }

/** Counts the SQL statements the app's pool sends to PostgreSQL while `work` runs. */
export async function countStatements<T>(payload: Payload, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const prototype = (payload.db as unknown as { pool: { Client: { prototype: Queryable } } }).pool.Client.prototype
  const original = prototype.query
  let statements = 0
  prototype.query = function (this: unknown, ...args: unknown[]) {
    statements += 1
    return original.apply(this, args)
  }
  try {
    return { result: await work(), statements }
  } finally {
    prototype.query = original
  }
}
