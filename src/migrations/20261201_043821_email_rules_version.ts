import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "email_rules_version" (
  	"id" integer PRIMARY KEY NOT NULL,
  	"version" bigint NOT NULL
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The triggers the app creates at start-up (src/automation/rules/rulesVersion.ts) write to the table: drop them first.
  await db.execute(sql`
   DROP FUNCTION IF EXISTS aula_note_email_rules_change() CASCADE;
   DROP TABLE "email_rules_version" CASCADE;`)
}
