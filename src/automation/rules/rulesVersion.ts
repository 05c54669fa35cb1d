import { sql } from '@payloadcms/db-postgres/drizzle'
import { bigint, integer, pgTable } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type SchemaHook = NonNullable<PostgresAdapterArgs['beforeSchemaInit']>[number]

/** The email rules' own tables: the collection's row table, its `_rels` and any array tables. */
const RULE_TABLES = /^email_rules(_|$)/

/**
 * One row naming the transaction that last changed an email rule (`pg_current_xact_id()`), written by a
 * statement trigger on every rules table. A transaction id is never handed out twice, not even after a
 * rollback, so a process that loaded the rules when the row said X may reuse them while it still says X
 * (src/automation/rules/activeRules.ts). Declared here so migrations and the dev push know the table; the
 * triggers are (re)created at start-up like the catalog's (src/catalogCache/changeLog.ts).
 */
export const addEmailRulesVersionTable: SchemaHook = ({ schema }) => ({
  ...schema,
  tables: {
    ...schema.tables,
    email_rules_version: pgTable('email_rules_version', {
      id: integer('id').primaryKey(),
      version: bigint('version', { mode: 'number' }).notNull(),
    }),
  },
})

/**
 * The rules' version (0 before any change) and whether this very transaction wrote it, as two columns any
 * statement can carry (`rules_version`, `rules_version_own`): src/automation/rules/activeRules.ts reads them
 * alone, a registration with its item (src/enrollment/registrationPrefetch.ts).
 */
export const RULES_VERSION_COLUMNS = sql`(SELECT coalesce(v.version, 0) FROM (SELECT 1) AS one LEFT JOIN email_rules_version v ON v.id = 1) AS rules_version,
  (SELECT v.version = pg_current_xact_id_if_assigned()::text::bigint FROM email_rules_version v WHERE v.id = 1) AS rules_version_own`

const TRIGGERS_SQL = `
CREATE OR REPLACE FUNCTION aula_note_email_rules_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO email_rules_version (id, version) VALUES (1, pg_current_xact_id()::text::bigint)
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '${RULE_TABLES.source}' AND tablename <> 'email_rules_version' LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER aula_email_rules_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION aula_note_email_rules_change()', t);
  END LOOP;
END $$;`

const tracked = new WeakSet<Payload>()

/** Creates (or refreshes) the triggers; idempotent, run by `onInit`. Until it has, every registration reads the rules. */
export async function trackEmailRuleChanges(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } }).pool
  if (!pool) return
  try {
    const { rows } = (await pool.query(`SELECT to_regclass('email_rules_version') IS NOT NULL AS ready`)) as { rows: { ready: boolean }[] }
    if (!rows[0]?.ready) return
    await pool.query(TRIGGERS_SQL)
    tracked.add(payload)
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'Email rule change tracking is off, so the rules are read on every change.' })
  }
}

export const emailRuleChangesTracked = (payload: Payload): boolean => tracked.has(payload)
