import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_webhooks_events" AS ENUM('webinar.published', 'webinar.updated', 'webinar.cancelled', 'course.published', 'course.updated', 'course.cancelled', 'enrollment.created', 'enrollment.cancelled', 'payment.succeeded', 'certificate.issued', 'lead.created');
  CREATE TYPE "public"."enum_webhooks_receiver_role" AS ENUM('public', 'sales', 'editor');
  CREATE TYPE "public"."enum_webhook_deliveries_event_type" AS ENUM('webinar.published', 'webinar.updated', 'webinar.cancelled', 'course.published', 'course.updated', 'course.cancelled', 'enrollment.created', 'enrollment.cancelled', 'payment.succeeded', 'certificate.issued', 'lead.created');
  CREATE TYPE "public"."enum_webhook_deliveries_document_collection" AS ENUM('webinars', 'courses', 'enrollments', 'payments', 'certificates', 'leads');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('pending', 'sending', 'delivered', 'failed', 'gone', 'abandoned');
  CREATE TYPE "public"."enum_notification_settings_webhook_disabled" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  ALTER TYPE "public"."enum_users_muted_notifications" ADD VALUE 'webhook_disabled';
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'webhook_disabled';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deleteOldWebhookDeliveries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deleteOldWebhookDeliveries';
  CREATE TABLE "webhooks_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_webhooks_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "webhooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"receiver_role" "enum_webhooks_receiver_role" DEFAULT 'public' NOT NULL,
  	"failure_limit" numeric DEFAULT 10 NOT NULL,
  	"signing_secret" varchar,
  	"rotated_at" timestamp(3) with time zone,
  	"consecutive_failures" numeric DEFAULT 0,
  	"disabled_at" timestamp(3) with time zone,
  	"disabled_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries_attempts_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"attempt" numeric,
  	"at" timestamp(3) with time zone,
  	"status_code" numeric,
  	"duration_ms" numeric,
  	"error" varchar,
  	"response_excerpt" varchar
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"webhook_id" integer,
  	"event_type" "enum_webhook_deliveries_event_type" NOT NULL,
  	"event_id" varchar NOT NULL,
  	"document_collection" "enum_webhook_deliveries_document_collection" NOT NULL,
  	"document_id" varchar NOT NULL,
  	"status" "enum_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"last_status_code" numeric,
  	"last_error" varchar,
  	"next_attempt_at" timestamp(3) with time zone,
  	"first_attempt_at" timestamp(3) with time zone,
  	"claimed_at" timestamp(3) with time zone,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_settings_webhook_disabled" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_webhook_disabled",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "webhooks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "webhook_deliveries_id" integer;
  ALTER TABLE "webhooks_events" ADD CONSTRAINT "webhooks_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries_attempts_log" ADD CONSTRAINT "webhook_deliveries_attempts_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_settings_webhook_disabled" ADD CONSTRAINT "notification_settings_webhook_disabled_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "webhooks_events_order_idx" ON "webhooks_events" USING btree ("order");
  CREATE INDEX "webhooks_events_parent_idx" ON "webhooks_events" USING btree ("parent_id");
  CREATE INDEX "webhooks_active_idx" ON "webhooks" USING btree ("active");
  CREATE INDEX "webhooks_updated_at_idx" ON "webhooks" USING btree ("updated_at");
  CREATE INDEX "webhooks_created_at_idx" ON "webhooks" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_attempts_log_order_idx" ON "webhook_deliveries_attempts_log" USING btree ("_order");
  CREATE INDEX "webhook_deliveries_attempts_log_parent_id_idx" ON "webhook_deliveries_attempts_log" USING btree ("_parent_id");
  CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "webhook_deliveries_event_type_idx" ON "webhook_deliveries" USING btree ("event_type");
  CREATE UNIQUE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" USING btree ("status");
  CREATE INDEX "webhook_deliveries_next_attempt_at_idx" ON "webhook_deliveries" USING btree ("next_attempt_at");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE INDEX "webhook_eventType_documentId_status_idx" ON "webhook_deliveries" USING btree ("webhook_id","event_type","document_id","status");
  CREATE INDEX "notification_settings_webhook_disabled_order_idx" ON "notification_settings_webhook_disabled" USING btree ("order");
  CREATE INDEX "notification_settings_webhook_disabled_parent_idx" ON "notification_settings_webhook_disabled" USING btree ("parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhooks_fk" FOREIGN KEY ("webhooks_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "webhooks_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhook_deliveries_attempts_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "webhook_deliveries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_webhook_disabled" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "webhooks_events" CASCADE;
  DROP TABLE "webhooks" CASCADE;
  DROP TABLE "webhook_deliveries_attempts_log" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "notification_settings_webhook_disabled" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_webhooks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk";
  
  ALTER TABLE "users_muted_notifications" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_muted_notifications";
  CREATE TYPE "public"."enum_users_muted_notifications" AS ENUM('lead_assigned', 'corporate_lead', 'followup_overdue', 'item_nearly_full', 'waitlist_forming', 'payment_failed', 'refund_requested', 'emails_failing', 'waitlist_promoted', 'schedule_changed', 'certificate_issued');
  ALTER TABLE "users_muted_notifications" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_muted_notifications" USING "value"::"public"."enum_users_muted_notifications";
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('lead_assigned', 'corporate_lead', 'followup_overdue', 'item_nearly_full', 'waitlist_forming', 'payment_failed', 'refund_requested', 'emails_failing', 'waitlist_promoted', 'schedule_changed', 'certificate_issued');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate', 'replanRuleEmails', 'startDueCampaigns', 'sendCampaignBatch', 'buildPrivacyExport', 'deleteExpiredPrivacyExports', 'deleteExpiredAuditEntries', 'eraseInactivePeople', 'deleteOldNotifications');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate', 'replanRuleEmails', 'startDueCampaigns', 'sendCampaignBatch', 'buildPrivacyExport', 'deleteExpiredPrivacyExports', 'deleteExpiredAuditEntries', 'eraseInactivePeople', 'deleteOldNotifications');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_webhooks_id_idx";
  DROP INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "webhooks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "webhook_deliveries_id";
  DROP TYPE "public"."enum_webhooks_events";
  DROP TYPE "public"."enum_webhooks_receiver_role";
  DROP TYPE "public"."enum_webhook_deliveries_event_type";
  DROP TYPE "public"."enum_webhook_deliveries_document_collection";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_notification_settings_webhook_disabled";`)
}
