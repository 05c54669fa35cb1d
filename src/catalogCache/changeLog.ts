import { bigint, boolean, index, pgTable, timestamp } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type SchemaHook = NonNullable<PostgresAdapterArgs['beforeSchemaInit']>[number]

/** Tables whose rows show up in an anonymous catalog read (each collection's own and its `_rels`, arrays…). */
export const CATALOG_TABLES = /^(webinars|courses|speakers|categories|media)(_|$)/

/**
 * One row per committed statement that changed the catalog, with its transaction id, and whether
 * all it changed was seat counts (`seats_only`: a registration taking or freeing a seat, which the
 * cache fills in live instead of dropping its answers; see withCatalogCache.ts). Declared in
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
        seatsOnly: boolean('seats_only').notNull().default(false),
      },
      (table) => [index('catalog_changes_xid_idx').on(table.xid), index('catalog_changes_at_idx').on(table.at)],
    ),
  },
})

/**
 * Every statement on a catalog table notes its transaction. An UPDATE of a table with seat counts
 * (webinars, courses) also says whether it changed nothing but `seats_taken`, comparing each row
 * before and after with that column left out, so a new column is covered without touching this.
 */
const TRIGGERS_SQL = `
CREATE OR REPLACE FUNCTION aula_note_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (xid) VALUES (pg_current_xact_id()::text::bigint);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION aula_note_catalog_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (xid, seats_only)
  SELECT pg_current_xact_id()::text::bigint, NOT EXISTS (
    SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
     WHERE o.id IS NULL OR n.id IS NULL OR to_jsonb(o) - 'seats_taken' IS DISTINCT FROM to_jsonb(n) - 'seats_taken');
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '${CATALOG_TABLES.source}' LOOP
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t AND column_name = 'seats_taken') THEN
      EXECUTE format('CREATE OR REPLACE TRIGGER aula_catalog_change AFTER INSERT OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_change()', t);
      EXECUTE format('CREATE OR REPLACE TRIGGER aula_catalog_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_update()', t);
    ELSE
      EXECUTE format('CREATE OR REPLACE TRIGGER aula_catalog_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_change()', t);
    END IF;
  END LOOP;
END $$;`

const tracked = new WeakSet<Payload>()

/** Creates (or refreshes) the triggers; idempotent, run by `onInit`. The catalog cache stays off where this failed. */
export async function trackCatalogChanges(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } }).pool
  if (!pool) return
  try {
    // Without the table and its seats_only column (migrations not run yet) a trigger would make every catalog write fail.
    const { rows } = (await pool.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'catalog_changes' AND column_name = 'seats_only') AS ready`,
    )) as { rows: { ready: boolean }[] }
    if (!rows[0]?.ready) {
      payload.logger.warn({ msg: 'No catalog_changes.seats_only yet (run the migrations): catalog reads are not cached.' })
      return
    }
    await pool.query(TRIGGERS_SQL)
    tracked.add(payload)
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'Catalog change tracking is off, so catalog reads are not cached.' })
  }
}

export const catalogChangesTracked = (payload: Payload) => tracked.has(payload)
