import type { Payload } from 'payload'

type Queryable = { query: (...args: unknown[]) => unknown }

/** The SQL text of every statement the app's pool sends to PostgreSQL while `work` runs, with its result. */
export async function recordStatements<T>(payload: Payload, work: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
  const prototype = (payload.db as unknown as { pool: { Client: { prototype: Queryable } } }).pool.Client.prototype
  const original = prototype.query
  const texts: string[] = []
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string }
    texts.push(typeof first === 'string' ? first : String(first?.text ?? ''))
    return original.apply(this, args)
  }
  try {
    return { result: await work(), texts }
  } finally {
    prototype.query = original
  }
}

/** Counts the SQL statements the app's pool sends to PostgreSQL while `work` runs. */
export async function countStatements<T>(payload: Payload, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const { result, texts } = await recordStatements(payload, work)
  return { result, statements: texts.length }
}

/** SQL the app's pool sends while `work` runs. */
export const statementsDuring = async (payload: Payload, work: () => Promise<unknown>): Promise<string[]> => (await recordStatements(payload, work)).texts
