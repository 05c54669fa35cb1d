import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { personName, personSearchText, type PersonContact } from '../people/personSearch'

/**
 * Staff admin round two: business settings, people's search text and display names, enrollment
 * staff notes, rich-text email templates, two new emails and a job. Existing people get their search
 * text and name here (raw SQL: a migration's Local API would read columns later migrations add);
 * stock templates for the new emails come from `npm run migrate`'s reference data (src/db/referenceData.ts).
 */
async function backfillPeople(db: MigrateUpArgs['db']) {
  for (const table of ['users', 'leads'] as const) {
    const rows = (await db.execute(sql.raw(`SELECT id, first_name, last_name, email, company FROM "${table}"`))).rows as {
      id: number
      first_name: string | null
      last_name: string | null
      email: string | null
      company: string | null
    }[]
    for (const row of rows) {
      const person: PersonContact = { firstName: row.first_name, lastName: row.last_name, email: row.email, company: row.company }
      if (table === 'users') {
        await db.execute(sql`UPDATE users SET search_text = ${personSearchText(person)}, display_name = ${personName(person)} WHERE id = ${row.id}`)
      } else {
        await db.execute(sql`UPDATE leads SET search_text = ${personSearchText(person)} WHERE id = ${row.id}`)
      }
    }
  }
  // Rows that point at a person carry a copy of that person's search text.
  await db.execute(sql`UPDATE enrollments e SET search_text = u.search_text FROM users u WHERE e.user_id = u.id`)
  await db.execute(sql`UPDATE payments p SET search_text = u.search_text FROM users u WHERE p.user_id = u.id`)
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'participants_message';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'staff_invitation';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'participants_message';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'staff_invitation';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendParticipantsMessage';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendParticipantsMessage';
  CREATE TABLE "business_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"timezone" varchar DEFAULT 'America/Lima' NOT NULL,
  	"default_currency" varchar DEFAULT 'PEN' NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "webinars" ALTER COLUMN "startsat_tz" DROP DEFAULT;
  ALTER TABLE "webinars" ALTER COLUMN "currency" DROP DEFAULT;
  ALTER TABLE "_webinars_v" ALTER COLUMN "version_startsat_tz" DROP DEFAULT;
  ALTER TABLE "_webinars_v" ALTER COLUMN "version_currency" DROP DEFAULT;
  ALTER TABLE "courses" ALTER COLUMN "currency" DROP DEFAULT;
  ALTER TABLE "_courses_v" ALTER COLUMN "version_currency" DROP DEFAULT;
  ALTER TABLE "email_templates" ALTER COLUMN "body" DROP NOT NULL;
  ALTER TABLE "users" ADD COLUMN "display_name" varchar;
  ALTER TABLE "users" ADD COLUMN "search_text" varchar;
  ALTER TABLE "enrollments" ADD COLUMN "staff_note" varchar;
  ALTER TABLE "enrollments" ADD COLUMN "search_text" varchar;
  ALTER TABLE "leads" ADD COLUMN "search_text" varchar;
  ALTER TABLE "payments" ADD COLUMN "search_text" varchar;
  ALTER TABLE "email_templates" ADD COLUMN "content" jsonb;
  CREATE INDEX "users_display_name_idx" ON "users" USING btree ("display_name");
  CREATE INDEX "users_search_text_idx" ON "users" USING btree ("search_text");
  CREATE INDEX "enrollments_search_text_idx" ON "enrollments" USING btree ("search_text");
  CREATE INDEX "leads_search_text_idx" ON "leads" USING btree ("search_text");
  CREATE INDEX "payments_search_text_idx" ON "payments" USING btree ("search_text");`)
  await backfillPeople(db)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "business_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "business_settings" CASCADE;
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_display_name_idx";
  DROP INDEX "users_search_text_idx";
  DROP INDEX "enrollments_search_text_idx";
  DROP INDEX "leads_search_text_idx";
  DROP INDEX "payments_search_text_idx";
  ALTER TABLE "webinars" ALTER COLUMN "startsat_tz" SET DEFAULT 'America/Lima';
  ALTER TABLE "webinars" ALTER COLUMN "currency" SET DEFAULT 'USD';
  ALTER TABLE "_webinars_v" ALTER COLUMN "version_startsat_tz" SET DEFAULT 'America/Lima';
  ALTER TABLE "_webinars_v" ALTER COLUMN "version_currency" SET DEFAULT 'USD';
  ALTER TABLE "courses" ALTER COLUMN "currency" SET DEFAULT 'USD';
  ALTER TABLE "_courses_v" ALTER COLUMN "version_currency" SET DEFAULT 'USD';
  ALTER TABLE "email_templates" ALTER COLUMN "body" SET NOT NULL;
  ALTER TABLE "users" DROP COLUMN "display_name";
  ALTER TABLE "users" DROP COLUMN "search_text";
  ALTER TABLE "enrollments" DROP COLUMN "staff_note";
  ALTER TABLE "enrollments" DROP COLUMN "search_text";
  ALTER TABLE "leads" DROP COLUMN "search_text";
  ALTER TABLE "payments" DROP COLUMN "search_text";
  ALTER TABLE "email_templates" DROP COLUMN "content";`)
}
