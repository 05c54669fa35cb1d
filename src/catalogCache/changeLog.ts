import { bigint, index, pgTable, timestamp } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type SchemaHook = NonNullable<PostgresAdapterArgs['beforeSchemaInit']>[number]

/** Tables whose rows show up in an anonymous catalog read (each collection's own and its `_rels`, arrays…). */
export const CATALOG_TABLES = /^(webinars|courses|speakers|categories|media)(_|$)/

/**
 * One row per committed statement that changed the catalog, with its transaction id. Declared in
 * the schema so migrations and the dev push know it; the triggers that fill it are created at
 * start-up (`trackCatalogChanges`), because Payload's schema has no place for triggers.
 */
export const addCatalogChangeLogTable: SchemaHook = ({ schema }) => ({
  ...schema,
  tables: {
    ...schema.tables,
    catalog_changes: pgTable(
      'catalog_changes',
      {
        xid: bigint('xid', { mode: 'number' }).notNull(),
        at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
      },
      (table) => [index('catalog_changes_xid_idx').on(table.xid), index('catalog_changes_at_idx').on(table.at)],
    ),
  },
})

const TRIGGERS_SQL = `
CREATE OR REPLACE FUNCTION aula_note_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (xid) VALUES (pg_current_xact_id()::text::bigint);
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '${CATALOG_TABLES.source}' LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER aula_catalog_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_change()', t);
  END LOOP;
END $$;`

const tracked = new WeakSet<Payload>()

/** Creates (or refreshes) the triggers; idempotent, run by `onInit`. The catalog cache stays off where this failed. */
export async function trackCatalogChanges(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } }).pool
  if (!pool) return
  try {
    // Without the table (migrations not run yet) a trigger would make every catalog write fail.
    const { rows } = (await pool.query(`SELECT to_regclass('catalog_changes') IS NOT NULL AS ready`)) as { rows: { ready: boolean }[] }
    if (!rows[0]?.ready) {
      payload.logger.warn({ msg: 'No catalog_changes table yet (run the migrations): catalog reads are not cached.' })
      return
    }
    await pool.query(TRIGGERS_SQL)
    tracked.add(payload)
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'Catalog change tracking is off, so catalog reads are not cached.' })
  }
}

export const catalogChangesTracked = (payload: Payload) => tracked.has(payload)
