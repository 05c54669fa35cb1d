import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_courses_modules_sessions_modality" AS ENUM('online', 'presential', 'hybrid');
  CREATE TYPE "public"."enum__courses_v_version_modules_sessions_modality" AS ENUM('online', 'presential', 'hybrid');
  CREATE TYPE "public"."enum_attendance_source" AS ENUM('roster', 'api', 'import', 'check_in', 'admin');
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'course_session_reminder_24h';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'course_session_reminder_1h';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'course_session_access_15m';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'course_schedule_changed';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'course_session_reminder_24h';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'course_session_reminder_1h';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'course_session_access_15m';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'course_schedule_changed';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'recomputeCompletion';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'cancelItemEnrollments';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'checkCourseScheduleChange';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendCourseScheduleNotices';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'planCourseSessionReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'moveCourseStatuses';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'recomputeCompletion';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'cancelItemEnrollments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'checkCourseScheduleChange';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendCourseScheduleNotices';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'planCourseSessionReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'moveCourseStatuses';
  CREATE TABLE "attendance" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"enrollment_id" integer NOT NULL,
  	"user_id" integer,
  	"session_id" varchar,
  	"present" boolean DEFAULT false,
  	"minutes_attended" numeric,
  	"source" "enum_attendance_source" DEFAULT 'admin' NOT NULL,
  	"recorded_by_id" integer,
  	"recorded_at" timestamp(3) with time zone,
  	"key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "attendance_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"webinars_id" integer,
  	"courses_id" integer
  );
  
  ALTER TABLE "courses_modules_sessions" ALTER COLUMN "duration_hours" SET DEFAULT 2;
  ALTER TABLE "_courses_v_version_modules_sessions" ALTER COLUMN "duration_hours" SET DEFAULT 2;
  ALTER TABLE "courses_modules_sessions" ADD COLUMN "modality" "enum_courses_modules_sessions_modality";
  ALTER TABLE "courses_modules_sessions" ADD COLUMN "location" varchar;
  ALTER TABLE "courses_modules_sessions" ADD COLUMN "meeting_link" varchar;
  ALTER TABLE "courses_modules_sessions" ADD COLUMN "instructor_id" integer;
  ALTER TABLE "courses" ADD COLUMN "timezone" varchar;
  ALTER TABLE "courses" ADD COLUMN "completion_threshold" numeric DEFAULT 80;
  ALTER TABLE "courses" ADD COLUMN "manual_status" boolean DEFAULT false;
  ALTER TABLE "courses" ADD COLUMN "schedule_sequence" numeric DEFAULT 0;
  ALTER TABLE "courses" ADD COLUMN "notified_sessions" jsonb;
  ALTER TABLE "_courses_v_version_modules_sessions" ADD COLUMN "modality" "enum__courses_v_version_modules_sessions_modality";
  ALTER TABLE "_courses_v_version_modules_sessions" ADD COLUMN "location" varchar;
  ALTER TABLE "_courses_v_version_modules_sessions" ADD COLUMN "meeting_link" varchar;
  ALTER TABLE "_courses_v_version_modules_sessions" ADD COLUMN "instructor_id" integer;
  ALTER TABLE "_courses_v" ADD COLUMN "version_timezone" varchar;
  ALTER TABLE "_courses_v" ADD COLUMN "version_completion_threshold" numeric DEFAULT 80;
  ALTER TABLE "_courses_v" ADD COLUMN "version_manual_status" boolean DEFAULT false;
  ALTER TABLE "_courses_v" ADD COLUMN "version_schedule_sequence" numeric DEFAULT 0;
  ALTER TABLE "_courses_v" ADD COLUMN "version_notified_sessions" jsonb;
  ALTER TABLE "enrollments" ADD COLUMN "completed_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "attendance_id" integer;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance_rels" ADD CONSTRAINT "attendance_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."attendance"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "attendance_rels" ADD CONSTRAINT "attendance_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "attendance_rels" ADD CONSTRAINT "attendance_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "attendance_enrollment_idx" ON "attendance" USING btree ("enrollment_id");
  CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");
  CREATE INDEX "attendance_session_id_idx" ON "attendance" USING btree ("session_id");
  CREATE INDEX "attendance_recorded_by_idx" ON "attendance" USING btree ("recorded_by_id");
  CREATE UNIQUE INDEX "attendance_key_idx" ON "attendance" USING btree ("key");
  CREATE INDEX "attendance_updated_at_idx" ON "attendance" USING btree ("updated_at");
  CREATE INDEX "attendance_created_at_idx" ON "attendance" USING btree ("created_at");
  CREATE INDEX "enrollment_sessionId_idx" ON "attendance" USING btree ("enrollment_id","session_id");
  CREATE INDEX "attendance_rels_order_idx" ON "attendance_rels" USING btree ("order");
  CREATE INDEX "attendance_rels_parent_idx" ON "attendance_rels" USING btree ("parent_id");
  CREATE INDEX "attendance_rels_path_idx" ON "attendance_rels" USING btree ("path");
  CREATE INDEX "attendance_rels_webinars_id_idx" ON "attendance_rels" USING btree ("webinars_id");
  CREATE INDEX "attendance_rels_courses_id_idx" ON "attendance_rels" USING btree ("courses_id");
  ALTER TABLE "courses_modules_sessions" ADD CONSTRAINT "courses_modules_sessions_instructor_id_speakers_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."speakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v_version_modules_sessions" ADD CONSTRAINT "_courses_v_version_modules_sessions_instructor_id_speakers_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."speakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_attendance_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendance"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "courses_modules_sessions_instructor_idx" ON "courses_modules_sessions" USING btree ("instructor_id");
  CREATE INDEX "_courses_v_version_modules_sessions_instructor_idx" ON "_courses_v_version_modules_sessions" USING btree ("instructor_id");
  CREATE INDEX "payload_locked_documents_rels_attendance_id_idx" ON "payload_locked_documents_rels" USING btree ("attendance_id");`)

  // Courses that exist already run in the business's zone (what their times meant until now).
  await db.execute(sql`
  UPDATE "courses" SET "timezone" = COALESCE((SELECT "timezone" FROM "business_settings" LIMIT 1), 'America/Lima') WHERE "timezone" IS NULL;
  UPDATE "_courses_v" SET "version_timezone" = COALESCE((SELECT "timezone" FROM "business_settings" LIMIT 1), 'America/Lima') WHERE "version_timezone" IS NULL;
  ALTER TABLE "courses" ALTER COLUMN "timezone" SET NOT NULL;
  ALTER TABLE "_courses_v" ALTER COLUMN "version_timezone" SET NOT NULL;`)

  // A webinar attendance ticked before attendance records existed becomes its record (present,
  // completed), so the show rate and completion keep what staff recorded. Course enrollments had no
  // per-session attendance to carry over.
  await db.execute(sql`
  WITH ticked AS (
    SELECT e."id" AS enrollment_id, e."user_id", r."webinars_id", e."updated_at"
    FROM "enrollments" e JOIN "enrollments_rels" r ON r."parent_id" = e."id" AND r."path" = 'item' AND r."webinars_id" IS NOT NULL
    WHERE e."attended" = true
      AND NOT EXISTS (SELECT 1 FROM "attendance" a WHERE a."key" = e."id" || ':webinar')
  ), inserted AS (
    INSERT INTO "attendance" ("enrollment_id", "user_id", "session_id", "present", "source", "recorded_at", "key")
    SELECT enrollment_id, "user_id", NULL, true, 'admin', "updated_at", enrollment_id || ':webinar' FROM ticked
    RETURNING "id", "enrollment_id"
  )
  INSERT INTO "attendance_rels" ("order", "parent_id", "path", "webinars_id")
  SELECT NULL, inserted."id", 'item', ticked."webinars_id" FROM inserted JOIN ticked ON ticked.enrollment_id = inserted."enrollment_id";
  UPDATE "enrollments" e SET "completion_percentage" = 100, "completed_at" = COALESCE(e."completed_at", e."updated_at")
  FROM "enrollments_rels" r WHERE r."parent_id" = e."id" AND r."path" = 'item' AND r."webinars_id" IS NOT NULL AND e."attended" = true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "attendance" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "attendance_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "attendance" CASCADE;
  DROP TABLE "attendance_rels" CASCADE;
  ALTER TABLE "courses_modules_sessions" DROP CONSTRAINT "courses_modules_sessions_instructor_id_speakers_id_fk";
  
  ALTER TABLE "_courses_v_version_modules_sessions" DROP CONSTRAINT "_courses_v_version_modules_sessions_instructor_id_speakers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_attendance_fk";
  
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deleteExpiredRateLimits', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'sendSalesFollowupDigest', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession', 'sendParticipantsMessage');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "courses_modules_sessions_instructor_idx";
  DROP INDEX "_courses_v_version_modules_sessions_instructor_idx";
  DROP INDEX "payload_locked_documents_rels_attendance_id_idx";
  ALTER TABLE "courses_modules_sessions" ALTER COLUMN "duration_hours" DROP DEFAULT;
  ALTER TABLE "_courses_v_version_modules_sessions" ALTER COLUMN "duration_hours" DROP DEFAULT;
  ALTER TABLE "courses_modules_sessions" DROP COLUMN "modality";
  ALTER TABLE "courses_modules_sessions" DROP COLUMN "location";
  ALTER TABLE "courses_modules_sessions" DROP COLUMN "meeting_link";
  ALTER TABLE "courses_modules_sessions" DROP COLUMN "instructor_id";
  ALTER TABLE "courses" DROP COLUMN "timezone";
  ALTER TABLE "courses" DROP COLUMN "completion_threshold";
  ALTER TABLE "courses" DROP COLUMN "manual_status";
  ALTER TABLE "courses" DROP COLUMN "schedule_sequence";
  ALTER TABLE "courses" DROP COLUMN "notified_sessions";
  ALTER TABLE "_courses_v_version_modules_sessions" DROP COLUMN "modality";
  ALTER TABLE "_courses_v_version_modules_sessions" DROP COLUMN "location";
  ALTER TABLE "_courses_v_version_modules_sessions" DROP COLUMN "meeting_link";
  ALTER TABLE "_courses_v_version_modules_sessions" DROP COLUMN "instructor_id";
  ALTER TABLE "_courses_v" DROP COLUMN "version_timezone";
  ALTER TABLE "_courses_v" DROP COLUMN "version_completion_threshold";
  ALTER TABLE "_courses_v" DROP COLUMN "version_manual_status";
  ALTER TABLE "_courses_v" DROP COLUMN "version_schedule_sequence";
  ALTER TABLE "_courses_v" DROP COLUMN "version_notified_sessions";
  ALTER TABLE "enrollments" DROP COLUMN "completed_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "attendance_id";
  DROP TYPE "public"."enum_courses_modules_sessions_modality";
  DROP TYPE "public"."enum__courses_v_version_modules_sessions_modality";
  DROP TYPE "public"."enum_attendance_source";`)
}
