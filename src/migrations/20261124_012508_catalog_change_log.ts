import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "catalog_changes" (
  	"xid" bigint NOT NULL,
  	"at" timestamp with time zone DEFAULT now() NOT NULL
  );
  
  CREATE INDEX "catalog_changes_xid_idx" ON "catalog_changes" USING btree ("xid");
  CREATE INDEX "catalog_changes_at_idx" ON "catalog_changes" USING btree ("at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The triggers the app creates at start-up (src/catalogCache/changeLog.ts) write to the table: drop them first.
  await db.execute(sql`
   DROP FUNCTION IF EXISTS aula_note_catalog_change() CASCADE;
   DROP TABLE "catalog_changes" CASCADE;`)
}
