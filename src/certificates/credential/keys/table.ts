import { jsonb, pgTable, timestamp, varchar } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

type SchemaHook = NonNullable<PostgresAdapterArgs['beforeSchemaInit']>[number]

/**
 * The signing key a development or test database generated for itself (production takes its key
 * from the environment). A table outside Payload's collections on purpose: no REST, GraphQL or
 * admin route can ever read a private key that has no collection. Declared in the schema so the
 * dev push and migrations know it.
 */
export const addCertificateSigningKeyTable: SchemaHook = ({ schema }) => ({
  ...schema,
  tables: {
    ...schema.tables,
    certificate_signing_keys: pgTable('certificate_signing_keys', {
      /** One row per purpose; today only `development`. */
      slot: varchar('slot', { length: 32 }).primaryKey(),
      privateJwk: jsonb('private_jwk').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    }),
  },
})
