import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_marketing_consent_method" AS ENUM('form', 'import', 'staff');
  CREATE TYPE "public"."enum_leads_marketing_consent_method" AS ENUM('form', 'import', 'staff');
  CREATE TYPE "public"."enum_email_rules_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released', 'bank_transfer_instructions', 'receipt_issued', 'credit_note_issued', 'group_booking_confirmed', 'booking_attendee_replaced');
  CREATE TYPE "public"."enum_email_rules_trigger" AS ENUM('before_start', 'after_start', 'before_end', 'after_end', 'enrollment_change');
  CREATE TYPE "public"."enum_email_rules_enrollment_event" AS ENUM('confirmed', 'waitlisted', 'promoted', 'cancelled', 'completed');
  CREATE TYPE "public"."enum_email_rules_offset_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum_email_rules_audience" AS ENUM('confirmed', 'waitlisted', 'attended', 'no_shows', 'enrolled');
  CREATE TYPE "public"."enum_email_rules_scope" AS ENUM('all_webinars', 'all_courses', 'all_items', 'categories', 'items');
  CREATE TYPE "public"."enum_email_rules_timing" AS ENUM('item', 'each_session');
  CREATE TYPE "public"."enum_campaigns_segment_statuses" AS ENUM('confirmed', 'attended', 'no_show', 'completed', 'waitlisted');
  CREATE TYPE "public"."enum_campaigns_segment_stages" AS ENUM('new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
  CREATE TYPE "public"."enum_campaigns_segment_sources" AS ENUM('web_form', 'webinar', 'referral', 'social', 'event', 'other');
  CREATE TYPE "public"."enum_campaigns_segment_kind" AS ENUM('enrolled', 'leads', 'lapsed_students');
  CREATE TYPE "public"."enum_campaigns_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'cancelled');
  CREATE TYPE "public"."enum_email_suppressions_reason" AS ENUM('unsubscribed', 'staff');
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'campaign';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'replanRuleEmails';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'startDueCampaigns';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendCampaignBatch';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'replanRuleEmails';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'startDueCampaigns';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendCampaignBatch';
  CREATE TABLE "email_rules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"key" varchar,
  	"template_key" "enum_email_rules_template_key" NOT NULL,
  	"trigger" "enum_email_rules_trigger" DEFAULT 'before_start' NOT NULL,
  	"enrollment_event" "enum_email_rules_enrollment_event",
  	"offset_amount" numeric DEFAULT 0 NOT NULL,
  	"offset_unit" "enum_email_rules_offset_unit" DEFAULT 'hours' NOT NULL,
  	"audience" "enum_email_rules_audience" DEFAULT 'confirmed',
  	"scope" "enum_email_rules_scope" DEFAULT 'all_webinars' NOT NULL,
  	"timing" "enum_email_rules_timing" DEFAULT 'item',
  	"online_only" boolean DEFAULT false,
  	"send_late_until_start" boolean DEFAULT false,
  	"quiet_hours_enabled" boolean DEFAULT false,
  	"quiet_hours_from" varchar,
  	"quiet_hours_until" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_rules_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"webinars_id" integer,
  	"courses_id" integer
  );
  
  CREATE TABLE "campaigns_segment_statuses" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_campaigns_segment_statuses",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "campaigns_segment_stages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_campaigns_segment_stages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "campaigns_segment_sources" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_campaigns_segment_sources",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "campaigns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"subject_es" varchar,
  	"body_es" jsonb,
  	"subject_en" varchar,
  	"body_en" jsonb,
  	"segment_kind" "enum_campaigns_segment_kind" DEFAULT 'enrolled' NOT NULL,
  	"segment_from" timestamp(3) with time zone,
  	"segment_until" timestamp(3) with time zone,
  	"segment_last_enrolled_before" timestamp(3) with time zone,
  	"status" "enum_campaigns_status" DEFAULT 'draft' NOT NULL,
  	"send_at" timestamp(3) with time zone,
  	"recipients" numeric DEFAULT 0,
  	"sent" numeric DEFAULT 0,
  	"failed" numeric DEFAULT 0,
  	"unsubscribed" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "campaigns_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "campaigns_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"webinars_id" integer,
  	"courses_id" integer,
  	"categories_id" integer
  );
  
  CREATE TABLE "email_suppressions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"reason" "enum_email_suppressions_reason" DEFAULT 'staff' NOT NULL,
  	"campaign_id" integer,
  	"added_by_id" integer,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "timezone" varchar;
  ALTER TABLE "users" ADD COLUMN "marketing_consent_granted" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "marketing_consent_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "marketing_consent_method" "enum_users_marketing_consent_method";
  ALTER TABLE "users" ADD COLUMN "marketing_consent_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "webinars_rels" ADD COLUMN "email_rules_id" integer;
  ALTER TABLE "_webinars_v_rels" ADD COLUMN "email_rules_id" integer;
  ALTER TABLE "courses_rels" ADD COLUMN "email_rules_id" integer;
  ALTER TABLE "_courses_v_rels" ADD COLUMN "email_rules_id" integer;
  ALTER TABLE "leads" ADD COLUMN "marketing_consent_granted" boolean DEFAULT false;
  ALTER TABLE "leads" ADD COLUMN "marketing_consent_at" timestamp(3) with time zone;
  ALTER TABLE "leads" ADD COLUMN "marketing_consent_method" "enum_leads_marketing_consent_method";
  ALTER TABLE "leads" ADD COLUMN "marketing_consent_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "email_log" ADD COLUMN "rule_id" integer;
  ALTER TABLE "email_log" ADD COLUMN "campaign_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_rules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "campaigns_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_suppressions_id" integer;
  ALTER TABLE "email_rules_rels" ADD CONSTRAINT "email_rules_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_rules_rels" ADD CONSTRAINT "email_rules_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_rules_rels" ADD CONSTRAINT "email_rules_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_rules_rels" ADD CONSTRAINT "email_rules_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_segment_statuses" ADD CONSTRAINT "campaigns_segment_statuses_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_segment_stages" ADD CONSTRAINT "campaigns_segment_stages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_segment_sources" ADD CONSTRAINT "campaigns_segment_sources_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_texts" ADD CONSTRAINT "campaigns_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaigns_rels" ADD CONSTRAINT "campaigns_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "email_rules_key_idx" ON "email_rules" USING btree ("key");
  CREATE INDEX "email_rules_updated_at_idx" ON "email_rules" USING btree ("updated_at");
  CREATE INDEX "email_rules_created_at_idx" ON "email_rules" USING btree ("created_at");
  CREATE INDEX "email_rules_rels_order_idx" ON "email_rules_rels" USING btree ("order");
  CREATE INDEX "email_rules_rels_parent_idx" ON "email_rules_rels" USING btree ("parent_id");
  CREATE INDEX "email_rules_rels_path_idx" ON "email_rules_rels" USING btree ("path");
  CREATE INDEX "email_rules_rels_categories_id_idx" ON "email_rules_rels" USING btree ("categories_id");
  CREATE INDEX "email_rules_rels_webinars_id_idx" ON "email_rules_rels" USING btree ("webinars_id");
  CREATE INDEX "email_rules_rels_courses_id_idx" ON "email_rules_rels" USING btree ("courses_id");
  CREATE INDEX "campaigns_segment_statuses_order_idx" ON "campaigns_segment_statuses" USING btree ("order");
  CREATE INDEX "campaigns_segment_statuses_parent_idx" ON "campaigns_segment_statuses" USING btree ("parent_id");
  CREATE INDEX "campaigns_segment_stages_order_idx" ON "campaigns_segment_stages" USING btree ("order");
  CREATE INDEX "campaigns_segment_stages_parent_idx" ON "campaigns_segment_stages" USING btree ("parent_id");
  CREATE INDEX "campaigns_segment_sources_order_idx" ON "campaigns_segment_sources" USING btree ("order");
  CREATE INDEX "campaigns_segment_sources_parent_idx" ON "campaigns_segment_sources" USING btree ("parent_id");
  CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status");
  CREATE INDEX "campaigns_send_at_idx" ON "campaigns" USING btree ("send_at");
  CREATE INDEX "campaigns_updated_at_idx" ON "campaigns" USING btree ("updated_at");
  CREATE INDEX "campaigns_created_at_idx" ON "campaigns" USING btree ("created_at");
  CREATE INDEX "campaigns_texts_order_parent" ON "campaigns_texts" USING btree ("order","parent_id");
  CREATE INDEX "campaigns_rels_order_idx" ON "campaigns_rels" USING btree ("order");
  CREATE INDEX "campaigns_rels_parent_idx" ON "campaigns_rels" USING btree ("parent_id");
  CREATE INDEX "campaigns_rels_path_idx" ON "campaigns_rels" USING btree ("path");
  CREATE INDEX "campaigns_rels_webinars_id_idx" ON "campaigns_rels" USING btree ("webinars_id");
  CREATE INDEX "campaigns_rels_courses_id_idx" ON "campaigns_rels" USING btree ("courses_id");
  CREATE INDEX "campaigns_rels_categories_id_idx" ON "campaigns_rels" USING btree ("categories_id");
  CREATE UNIQUE INDEX "email_suppressions_email_idx" ON "email_suppressions" USING btree ("email");
  CREATE INDEX "email_suppressions_campaign_idx" ON "email_suppressions" USING btree ("campaign_id");
  CREATE INDEX "email_suppressions_added_by_idx" ON "email_suppressions" USING btree ("added_by_id");
  CREATE INDEX "email_suppressions_updated_at_idx" ON "email_suppressions" USING btree ("updated_at");
  CREATE INDEX "email_suppressions_created_at_idx" ON "email_suppressions" USING btree ("created_at");
  ALTER TABLE "webinars_rels" ADD CONSTRAINT "webinars_rels_email_rules_fk" FOREIGN KEY ("email_rules_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_webinars_v_rels" ADD CONSTRAINT "_webinars_v_rels_email_rules_fk" FOREIGN KEY ("email_rules_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_email_rules_fk" FOREIGN KEY ("email_rules_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_email_rules_fk" FOREIGN KEY ("email_rules_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_log" ADD CONSTRAINT "email_log_rule_id_email_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."email_rules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_log" ADD CONSTRAINT "email_log_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_rules_fk" FOREIGN KEY ("email_rules_id") REFERENCES "public"."email_rules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_campaigns_fk" FOREIGN KEY ("campaigns_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_suppressions_fk" FOREIGN KEY ("email_suppressions_id") REFERENCES "public"."email_suppressions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "webinars_rels_email_rules_id_idx" ON "webinars_rels" USING btree ("email_rules_id");
  CREATE INDEX "_webinars_v_rels_email_rules_id_idx" ON "_webinars_v_rels" USING btree ("email_rules_id");
  CREATE INDEX "courses_rels_email_rules_id_idx" ON "courses_rels" USING btree ("email_rules_id");
  CREATE INDEX "_courses_v_rels_email_rules_id_idx" ON "_courses_v_rels" USING btree ("email_rules_id");
  CREATE INDEX "email_log_rule_idx" ON "email_log" USING btree ("rule_id");
  CREATE INDEX "email_log_campaign_idx" ON "email_log" USING btree ("campaign_id");
  CREATE INDEX "payload_locked_documents_rels_email_rules_id_idx" ON "payload_locked_documents_rels" USING btree ("email_rules_id");
  CREATE INDEX "payload_locked_documents_rels_campaigns_id_idx" ON "payload_locked_documents_rels" USING btree ("campaigns_id");
  CREATE INDEX "payload_locked_documents_rels_email_suppressions_id_idx" ON "payload_locked_documents_rels" USING btree ("email_suppressions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "email_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_rules_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_segment_statuses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_segment_stages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_segment_sources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "campaigns_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_suppressions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "email_rules" CASCADE;
  DROP TABLE "email_rules_rels" CASCADE;
  DROP TABLE "campaigns_segment_statuses" CASCADE;
  DROP TABLE "campaigns_segment_stages" CASCADE;
  DROP TABLE "campaigns_segment_sources" CASCADE;
  DROP TABLE "campaigns" CASCADE;
  DROP TABLE "campaigns_texts" CASCADE;
  DROP TABLE "campaigns_rels" CASCADE;
  DROP TABLE "email_suppressions" CASCADE;
  ALTER TABLE "webinars_rels" DROP CONSTRAINT "webinars_rels_email_rules_fk";
  
  ALTER TABLE "_webinars_v_rels" DROP CONSTRAINT "_webinars_v_rels_email_rules_fk";
  
  ALTER TABLE "courses_rels" DROP CONSTRAINT "courses_rels_email_rules_fk";
  
  ALTER TABLE "_courses_v_rels" DROP CONSTRAINT "_courses_v_rels_email_rules_fk";
  
  ALTER TABLE "email_log" DROP CONSTRAINT "email_log_rule_id_email_rules_id_fk";
  
  ALTER TABLE "email_log" DROP CONSTRAINT "email_log_campaign_id_campaigns_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_rules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_campaigns_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_suppressions_fk";
  
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released', 'bank_transfer_instructions', 'receipt_issued', 'credit_note_issued', 'group_booking_confirmed', 'booking_attendee_replaced');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "webinars_rels_email_rules_id_idx";
  DROP INDEX "_webinars_v_rels_email_rules_id_idx";
  DROP INDEX "courses_rels_email_rules_id_idx";
  DROP INDEX "_courses_v_rels_email_rules_id_idx";
  DROP INDEX "email_log_rule_idx";
  DROP INDEX "email_log_campaign_idx";
  DROP INDEX "payload_locked_documents_rels_email_rules_id_idx";
  DROP INDEX "payload_locked_documents_rels_campaigns_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_suppressions_id_idx";
  ALTER TABLE "users" DROP COLUMN "timezone";
  ALTER TABLE "users" DROP COLUMN "marketing_consent_granted";
  ALTER TABLE "users" DROP COLUMN "marketing_consent_at";
  ALTER TABLE "users" DROP COLUMN "marketing_consent_method";
  ALTER TABLE "users" DROP COLUMN "marketing_consent_withdrawn_at";
  ALTER TABLE "webinars_rels" DROP COLUMN "email_rules_id";
  ALTER TABLE "_webinars_v_rels" DROP COLUMN "email_rules_id";
  ALTER TABLE "courses_rels" DROP COLUMN "email_rules_id";
  ALTER TABLE "_courses_v_rels" DROP COLUMN "email_rules_id";
  ALTER TABLE "leads" DROP COLUMN "marketing_consent_granted";
  ALTER TABLE "leads" DROP COLUMN "marketing_consent_at";
  ALTER TABLE "leads" DROP COLUMN "marketing_consent_method";
  ALTER TABLE "leads" DROP COLUMN "marketing_consent_withdrawn_at";
  ALTER TABLE "email_log" DROP COLUMN "rule_id";
  ALTER TABLE "email_log" DROP COLUMN "campaign_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_rules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "campaigns_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_suppressions_id";
  DROP TYPE "public"."enum_users_marketing_consent_method";
  DROP TYPE "public"."enum_leads_marketing_consent_method";
  DROP TYPE "public"."enum_email_rules_template_key";
  DROP TYPE "public"."enum_email_rules_trigger";
  DROP TYPE "public"."enum_email_rules_enrollment_event";
  DROP TYPE "public"."enum_email_rules_offset_unit";
  DROP TYPE "public"."enum_email_rules_audience";
  DROP TYPE "public"."enum_email_rules_scope";
  DROP TYPE "public"."enum_email_rules_timing";
  DROP TYPE "public"."enum_campaigns_segment_statuses";
  DROP TYPE "public"."enum_campaigns_segment_stages";
  DROP TYPE "public"."enum_campaigns_segment_sources";
  DROP TYPE "public"."enum_campaigns_segment_kind";
  DROP TYPE "public"."enum_campaigns_status";
  DROP TYPE "public"."enum_email_suppressions_reason";`)
}
