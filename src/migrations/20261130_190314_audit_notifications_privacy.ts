import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_muted_notifications" AS ENUM('lead_assigned', 'corporate_lead', 'followup_overdue', 'item_nearly_full', 'waitlist_forming', 'payment_failed', 'refund_requested', 'emails_failing', 'waitlist_promoted', 'schedule_changed', 'certificate_issued');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'delete', 'login', 'login_failed', 'lockout', 'password_reset_requested', 'password_reset', 'role_change', 'erasure', 'export');
  CREATE TYPE "public"."enum_audit_log_actor_kind" AS ENUM('user', 'system', 'stripe', 'worker', 'anonymous');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('lead_assigned', 'corporate_lead', 'followup_overdue', 'item_nearly_full', 'waitlist_forming', 'payment_failed', 'refund_requested', 'emails_failing', 'waitlist_promoted', 'schedule_changed', 'certificate_issued');
  CREATE TYPE "public"."enum_privacy_exports_status" AS ENUM('pending', 'ready', 'failed');
  CREATE TYPE "public"."enum_notification_settings_lead_assigned" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_corporate_lead" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_followup_overdue" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_item_nearly_full" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_waitlist_forming" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_payment_failed" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_refund_requested" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_emails_failing" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_waitlist_promoted" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_schedule_changed" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  CREATE TYPE "public"."enum_notification_settings_certificate_issued" AS ENUM('admin', 'editor', 'sales', 'instructor', 'student');
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'privacy_export_ready';
  ALTER TYPE "public"."enum_email_rules_template_key" ADD VALUE 'privacy_export_ready';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'privacy_export_ready' BEFORE 'campaign';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'buildPrivacyExport';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deleteExpiredPrivacyExports';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deleteExpiredAuditEntries';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'eraseInactivePeople';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deleteOldNotifications';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'buildPrivacyExport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deleteExpiredPrivacyExports';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deleteExpiredAuditEntries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'eraseInactivePeople';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deleteOldNotifications';
  CREATE TABLE "users_muted_notifications" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_muted_notifications",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"actor_kind" "enum_audit_log_actor_kind" NOT NULL,
  	"actor_id" integer,
  	"actor_label" varchar,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar,
  	"person_id" integer,
  	"changes" jsonb,
  	"ip" varchar,
  	"user_agent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar,
  	"link" varchar,
  	"document_collection" varchar,
  	"document_id" varchar,
  	"read_at" timestamp(3) with time zone,
  	"dedupe_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "privacy_exports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer NOT NULL,
  	"status" "enum_privacy_exports_status" DEFAULT 'pending' NOT NULL,
  	"requested_at" timestamp(3) with time zone NOT NULL,
  	"ready_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"prefix" varchar DEFAULT '',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "privacy_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"audit_retention_years" numeric DEFAULT 2 NOT NULL,
  	"inactivity_years" numeric DEFAULT 3 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "notification_settings_lead_assigned" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_lead_assigned",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_corporate_lead" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_corporate_lead",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_followup_overdue" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_followup_overdue",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_item_nearly_full" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_item_nearly_full",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_waitlist_forming" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_waitlist_forming",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_payment_failed" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_payment_failed",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_refund_requested" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_refund_requested",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_emails_failing" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_emails_failing",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_waitlist_promoted" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_waitlist_promoted",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_schedule_changed" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_schedule_changed",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings_certificate_issued" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_notification_settings_certificate_issued",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notification_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users" ADD COLUMN "erased_at" timestamp(3) with time zone;
  ALTER TABLE "payments" ADD COLUMN "erasure_note" varchar;
  ALTER TABLE "receipts" ADD COLUMN "erasure_note" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "privacy_exports_id" integer;
  ALTER TABLE "users_muted_notifications" ADD CONSTRAINT "users_muted_notifications_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "privacy_exports" ADD CONSTRAINT "privacy_exports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_settings_lead_assigned" ADD CONSTRAINT "notification_settings_lead_assigned_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_corporate_lead" ADD CONSTRAINT "notification_settings_corporate_lead_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_followup_overdue" ADD CONSTRAINT "notification_settings_followup_overdue_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_item_nearly_full" ADD CONSTRAINT "notification_settings_item_nearly_full_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_waitlist_forming" ADD CONSTRAINT "notification_settings_waitlist_forming_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_payment_failed" ADD CONSTRAINT "notification_settings_payment_failed_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_refund_requested" ADD CONSTRAINT "notification_settings_refund_requested_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_emails_failing" ADD CONSTRAINT "notification_settings_emails_failing_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_waitlist_promoted" ADD CONSTRAINT "notification_settings_waitlist_promoted_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_schedule_changed" ADD CONSTRAINT "notification_settings_schedule_changed_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notification_settings_certificate_issued" ADD CONSTRAINT "notification_settings_certificate_issued_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notification_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_muted_notifications_order_idx" ON "users_muted_notifications" USING btree ("order");
  CREATE INDEX "users_muted_notifications_parent_idx" ON "users_muted_notifications" USING btree ("parent_id");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("person_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE INDEX "collectionSlug_documentId_idx" ON "audit_log" USING btree ("collection_slug","document_id");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "recipient_dedupeKey_idx" ON "notifications" USING btree ("recipient_id","dedupe_key");
  CREATE INDEX "recipient_readAt_idx" ON "notifications" USING btree ("recipient_id","read_at");
  CREATE INDEX "privacy_exports_owner_idx" ON "privacy_exports" USING btree ("owner_id");
  CREATE INDEX "privacy_exports_requested_at_idx" ON "privacy_exports" USING btree ("requested_at");
  CREATE INDEX "privacy_exports_expires_at_idx" ON "privacy_exports" USING btree ("expires_at");
  CREATE INDEX "privacy_exports_updated_at_idx" ON "privacy_exports" USING btree ("updated_at");
  CREATE INDEX "privacy_exports_created_at_idx" ON "privacy_exports" USING btree ("created_at");
  CREATE UNIQUE INDEX "privacy_exports_filename_idx" ON "privacy_exports" USING btree ("filename");
  CREATE INDEX "notification_settings_lead_assigned_order_idx" ON "notification_settings_lead_assigned" USING btree ("order");
  CREATE INDEX "notification_settings_lead_assigned_parent_idx" ON "notification_settings_lead_assigned" USING btree ("parent_id");
  CREATE INDEX "notification_settings_corporate_lead_order_idx" ON "notification_settings_corporate_lead" USING btree ("order");
  CREATE INDEX "notification_settings_corporate_lead_parent_idx" ON "notification_settings_corporate_lead" USING btree ("parent_id");
  CREATE INDEX "notification_settings_followup_overdue_order_idx" ON "notification_settings_followup_overdue" USING btree ("order");
  CREATE INDEX "notification_settings_followup_overdue_parent_idx" ON "notification_settings_followup_overdue" USING btree ("parent_id");
  CREATE INDEX "notification_settings_item_nearly_full_order_idx" ON "notification_settings_item_nearly_full" USING btree ("order");
  CREATE INDEX "notification_settings_item_nearly_full_parent_idx" ON "notification_settings_item_nearly_full" USING btree ("parent_id");
  CREATE INDEX "notification_settings_waitlist_forming_order_idx" ON "notification_settings_waitlist_forming" USING btree ("order");
  CREATE INDEX "notification_settings_waitlist_forming_parent_idx" ON "notification_settings_waitlist_forming" USING btree ("parent_id");
  CREATE INDEX "notification_settings_payment_failed_order_idx" ON "notification_settings_payment_failed" USING btree ("order");
  CREATE INDEX "notification_settings_payment_failed_parent_idx" ON "notification_settings_payment_failed" USING btree ("parent_id");
  CREATE INDEX "notification_settings_refund_requested_order_idx" ON "notification_settings_refund_requested" USING btree ("order");
  CREATE INDEX "notification_settings_refund_requested_parent_idx" ON "notification_settings_refund_requested" USING btree ("parent_id");
  CREATE INDEX "notification_settings_emails_failing_order_idx" ON "notification_settings_emails_failing" USING btree ("order");
  CREATE INDEX "notification_settings_emails_failing_parent_idx" ON "notification_settings_emails_failing" USING btree ("parent_id");
  CREATE INDEX "notification_settings_waitlist_promoted_order_idx" ON "notification_settings_waitlist_promoted" USING btree ("order");
  CREATE INDEX "notification_settings_waitlist_promoted_parent_idx" ON "notification_settings_waitlist_promoted" USING btree ("parent_id");
  CREATE INDEX "notification_settings_schedule_changed_order_idx" ON "notification_settings_schedule_changed" USING btree ("order");
  CREATE INDEX "notification_settings_schedule_changed_parent_idx" ON "notification_settings_schedule_changed" USING btree ("parent_id");
  CREATE INDEX "notification_settings_certificate_issued_order_idx" ON "notification_settings_certificate_issued" USING btree ("order");
  CREATE INDEX "notification_settings_certificate_issued_parent_idx" ON "notification_settings_certificate_issued" USING btree ("parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_privacy_exports_fk" FOREIGN KEY ("privacy_exports_id") REFERENCES "public"."privacy_exports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_erased_at_idx" ON "users" USING btree ("erased_at");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_privacy_exports_id_idx" ON "payload_locked_documents_rels" USING btree ("privacy_exports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_muted_notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "privacy_exports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "privacy_settings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_lead_assigned" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_corporate_lead" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_followup_overdue" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_item_nearly_full" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_waitlist_forming" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_payment_failed" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_refund_requested" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_emails_failing" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_waitlist_promoted" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_schedule_changed" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings_certificate_issued" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notification_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_muted_notifications" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "privacy_exports" CASCADE;
  DROP TABLE "privacy_settings" CASCADE;
  DROP TABLE "notification_settings_lead_assigned" CASCADE;
  DROP TABLE "notification_settings_corporate_lead" CASCADE;
  DROP TABLE "notification_settings_followup_overdue" CASCADE;
  DROP TABLE "notification_settings_item_nearly_full" CASCADE;
  DROP TABLE "notification_settings_waitlist_forming" CASCADE;
  DROP TABLE "notification_settings_payment_failed" CASCADE;
  DROP TABLE "notification_settings_refund_requested" CASCADE;
  DROP TABLE "notification_settings_emails_failing" CASCADE;
  DROP TABLE "notification_settings_waitlist_promoted" CASCADE;
  DROP TABLE "notification_settings_schedule_changed" CASCADE;
  DROP TABLE "notification_settings_certificate_issued" CASCADE;
  DROP TABLE "notification_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_log_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_privacy_exports_fk";
  
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released', 'bank_transfer_instructions', 'receipt_issued', 'credit_note_issued', 'group_booking_confirmed', 'booking_attendee_replaced');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_rules" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_rules_template_key";
  CREATE TYPE "public"."enum_email_rules_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released', 'bank_transfer_instructions', 'receipt_issued', 'credit_note_issued', 'group_booking_confirmed', 'booking_attendee_replaced');
  ALTER TABLE "email_rules" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_rules_template_key" USING "template_key"::"public"."enum_email_rules_template_key";
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released', 'bank_transfer_instructions', 'receipt_issued', 'credit_note_issued', 'group_booking_confirmed', 'booking_attendee_replaced', 'campaign');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate', 'replanRuleEmails', 'startDueCampaigns', 'sendCampaignBatch');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage', 'recomputeCompletion', 'cancelItemEnrollments', 'checkCourseScheduleChange', 'sendCourseScheduleNotices', 'planCourseSessionReminders', 'moveCourseStatuses', 'sendFollowUps', 'issueCertificate', 'replanRuleEmails', 'startDueCampaigns', 'sendCampaignBatch');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_erased_at_idx";
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  DROP INDEX "payload_locked_documents_rels_privacy_exports_id_idx";
  ALTER TABLE "users" DROP COLUMN "erased_at";
  ALTER TABLE "payments" DROP COLUMN "erasure_note";
  ALTER TABLE "receipts" DROP COLUMN "erasure_note";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "privacy_exports_id";
  DROP TYPE "public"."enum_users_muted_notifications";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_actor_kind";
  DROP TYPE "public"."enum_notifications_kind";
  DROP TYPE "public"."enum_privacy_exports_status";
  DROP TYPE "public"."enum_notification_settings_lead_assigned";
  DROP TYPE "public"."enum_notification_settings_corporate_lead";
  DROP TYPE "public"."enum_notification_settings_followup_overdue";
  DROP TYPE "public"."enum_notification_settings_item_nearly_full";
  DROP TYPE "public"."enum_notification_settings_waitlist_forming";
  DROP TYPE "public"."enum_notification_settings_payment_failed";
  DROP TYPE "public"."enum_notification_settings_refund_requested";
  DROP TYPE "public"."enum_notification_settings_emails_failing";
  DROP TYPE "public"."enum_notification_settings_waitlist_promoted";
  DROP TYPE "public"."enum_notification_settings_schedule_changed";
  DROP TYPE "public"."enum_notification_settings_certificate_issued";`)
}
