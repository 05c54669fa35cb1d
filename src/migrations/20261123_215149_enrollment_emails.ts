import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "webinars" ADD COLUMN "schedule_sequence" numeric DEFAULT 0;
  ALTER TABLE "_webinars_v" ADD COLUMN "version_schedule_sequence" numeric DEFAULT 0;
  ALTER TABLE "email_log_rels" ADD COLUMN "enrollments_id" integer;
  ALTER TABLE "email_log_rels" ADD CONSTRAINT "email_log_rels_enrollments_fk" FOREIGN KEY ("enrollments_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "email_log_rels_enrollments_id_idx" ON "email_log_rels" USING btree ("enrollments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_log_rels" DROP CONSTRAINT "email_log_rels_enrollments_fk";
  
  DROP INDEX "email_log_rels_enrollments_id_idx";
  ALTER TABLE "webinars" DROP COLUMN "schedule_sequence";
  ALTER TABLE "_webinars_v" DROP COLUMN "version_schedule_sequence";
  ALTER TABLE "email_log_rels" DROP COLUMN "enrollments_id";`)
}
