import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'email_change_confirm';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'email_change_notice';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'enrollment_already_registered';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'email_change_confirm';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'email_change_notice';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'enrollment_already_registered';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deleteExpiredRateLimits' BEFORE 'sendEmail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deleteExpiredRateLimits' BEFORE 'sendEmail';
  ALTER TABLE "users" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "users" ADD COLUMN "pending_email_token_hash" varchar;
  ALTER TABLE "users" ADD COLUMN "pending_email_expires_at" timestamp(3) with time zone;
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "enrollments" ADD COLUMN "idempotency_request" varchar;
  CREATE INDEX "users_pending_email_token_hash_idx" ON "users" USING btree ("pending_email_token_hash");`)
  // Idempotency keys are now stored as a hash of the caller and the key (src/enrollment/idempotency.ts):
  // a raw key written before would never match again, and it is nobody's business to keep.
  await db.execute(sql`UPDATE "enrollments" SET "idempotency_key" = NULL WHERE "idempotency_key" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_pending_email_token_hash_idx";
  ALTER TABLE "users" DROP COLUMN "pending_email";
  ALTER TABLE "users" DROP COLUMN "pending_email_token_hash";
  ALTER TABLE "users" DROP COLUMN "pending_email_expires_at";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "enrollments" DROP COLUMN "idempotency_request";`)
}
