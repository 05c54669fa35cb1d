import { bigint, integer, pgTable, varchar } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

type SchemaHook = NonNullable<PostgresAdapterArgs['beforeSchemaInit']>[number]

/**
 * The counters of `rate-limiter-flexible`, in PostgreSQL so every app instance shares them. Declared
 * in the schema (not created by the library at run time) so migrations and the dev push know it.
 */
export const addRateLimitTable: SchemaHook = ({ schema }) => ({
  ...schema,
  tables: {
    ...schema.tables,
    rate_limits: pgTable('rate_limits', {
      key: varchar('key', { length: 255 }).primaryKey(),
      points: integer('points').notNull().default(0),
      expire: bigint('expire', { mode: 'number' }),
    }),
  },
})
