import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payments_status" AS ENUM('pending', 'failed', 'expired', 'succeeded', 'refunded');
  CREATE TYPE "public"."enum_payments_provider" AS ENUM('stripe');
  CREATE TYPE "public"."enum_stripe_events_status" AS ENUM('received', 'processed', 'ignored', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'processStripeEvent';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expirePaymentHolds';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'refundPayment';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'openCheckoutSession';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'processStripeEvent';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expirePaymentHolds';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'refundPayment';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'openCheckoutSession';
  CREATE TABLE "payments_stripe_events" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar,
  	"outcome" varchar
  );
  
  CREATE TABLE "payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"enrollment_id" integer NOT NULL,
  	"user_id" integer,
  	"status" "enum_payments_status" DEFAULT 'pending' NOT NULL,
  	"provider" "enum_payments_provider" DEFAULT 'stripe',
  	"amount" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"hold_expires_at" timestamp(3) with time zone,
  	"needs_review" boolean DEFAULT false,
  	"review_reason" varchar,
  	"checkout_session_id" varchar,
  	"checkout_url" varchar,
  	"payment_intent_id" varchar,
  	"failure_message" varchar,
  	"refund_requested_at" timestamp(3) with time zone,
  	"refund_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "stripe_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"status" "enum_stripe_events_status" DEFAULT 'received' NOT NULL,
  	"processed_at" timestamp(3) with time zone,
  	"payment_id" integer,
  	"outcome" varchar,
  	"livemode" boolean,
  	"payload" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "email_log_rels" ADD COLUMN "payments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "stripe_events_id" integer;
  ALTER TABLE "payments_stripe_events" ADD CONSTRAINT "payments_stripe_events_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payments_stripe_events_order_idx" ON "payments_stripe_events" USING btree ("_order");
  CREATE INDEX "payments_stripe_events_parent_id_idx" ON "payments_stripe_events" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "payments_enrollment_idx" ON "payments" USING btree ("enrollment_id");
  CREATE INDEX "payments_user_idx" ON "payments" USING btree ("user_id");
  CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");
  CREATE INDEX "payments_hold_expires_at_idx" ON "payments" USING btree ("hold_expires_at");
  CREATE INDEX "payments_needs_review_idx" ON "payments" USING btree ("needs_review");
  CREATE UNIQUE INDEX "payments_checkout_session_id_idx" ON "payments" USING btree ("checkout_session_id");
  CREATE INDEX "payments_payment_intent_id_idx" ON "payments" USING btree ("payment_intent_id");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE UNIQUE INDEX "stripe_events_event_id_idx" ON "stripe_events" USING btree ("event_id");
  CREATE INDEX "stripe_events_type_idx" ON "stripe_events" USING btree ("type");
  CREATE INDEX "stripe_events_status_idx" ON "stripe_events" USING btree ("status");
  CREATE INDEX "stripe_events_payment_idx" ON "stripe_events" USING btree ("payment_id");
  CREATE INDEX "stripe_events_updated_at_idx" ON "stripe_events" USING btree ("updated_at");
  CREATE INDEX "stripe_events_created_at_idx" ON "stripe_events" USING btree ("created_at");
  ALTER TABLE "email_log_rels" ADD CONSTRAINT "email_log_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stripe_events_fk" FOREIGN KEY ("stripe_events_id") REFERENCES "public"."stripe_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "email_log_rels_payments_id_idx" ON "email_log_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_stripe_events_id_idx" ON "payload_locked_documents_rels" USING btree ("stripe_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payments_stripe_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "stripe_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payments_stripe_events" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "stripe_events" CASCADE;
  ALTER TABLE "email_log_rels" DROP CONSTRAINT "email_log_rels_payments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_stripe_events_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "email_log_rels_payments_id_idx";
  DROP INDEX "payload_locked_documents_rels_payments_id_idx";
  DROP INDEX "payload_locked_documents_rels_stripe_events_id_idx";
  ALTER TABLE "email_log_rels" DROP COLUMN "payments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "stripe_events_id";
  DROP TYPE "public"."enum_payments_status";
  DROP TYPE "public"."enum_payments_provider";
  DROP TYPE "public"."enum_stripe_events_status";`)
}
