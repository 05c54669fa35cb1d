import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "catalog_changes" ADD COLUMN "seats_only" boolean DEFAULT false NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The app's start-up (src/catalogCache/changeLog.ts) gave webinars and courses an UPDATE trigger that writes
  // seats_only: drop it first, and let their change trigger cover updates again as it did before.
  await db.execute(sql`
   DROP FUNCTION IF EXISTS aula_note_catalog_update() CASCADE;
   DO $$
   BEGIN
     IF to_regproc('aula_note_catalog_change') IS NOT NULL THEN
       CREATE OR REPLACE TRIGGER aula_catalog_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webinars FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_change();
       CREATE OR REPLACE TRIGGER aula_catalog_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON courses FOR EACH STATEMENT EXECUTE FUNCTION aula_note_catalog_change();
     END IF;
   END $$;
   ALTER TABLE "catalog_changes" DROP COLUMN "seats_only";`)
}
