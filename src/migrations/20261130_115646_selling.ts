import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_bookings_status" AS ENUM('pending_payment', 'confirmed', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_bookings_payment_method" AS ENUM('card', 'bank_transfer');
  CREATE TYPE "public"."enum_bookings_price_tier" AS ENUM('free', 'regular', 'early_bird');
  CREATE TYPE "public"."enum_coupons_discount_type" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_coupons_applies_to" AS ENUM('all', 'categories', 'items');
  CREATE TYPE "public"."enum_payments_manual_entries_method" AS ENUM('bank_transfer', 'cash', 'deposit');
  CREATE TYPE "public"."enum_payments_refund_requests_status" AS ENUM('requested', 'failed');
  CREATE TYPE "public"."enum_payments_method" AS ENUM('card', 'bank_transfer', 'cash', 'deposit');
  CREATE TYPE "public"."enum_receipts_kind" AS ENUM('receipt', 'credit_note');
  ALTER TYPE "public"."enum_payments_provider" ADD VALUE 'manual';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'bank_transfer_instructions';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'receipt_issued';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'credit_note_issued';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'group_booking_confirmed';
  ALTER TYPE "public"."enum_email_templates_key" ADD VALUE 'booking_attendee_replaced';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'bank_transfer_instructions';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'receipt_issued';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'credit_note_issued';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'group_booking_confirmed';
  ALTER TYPE "public"."enum_email_log_template_key" ADD VALUE 'booking_attendee_replaced';
  CREATE TABLE "bookings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"status" "enum_bookings_status" DEFAULT 'pending_payment' NOT NULL,
  	"buyer_id" integer NOT NULL,
  	"buyer_name" varchar,
  	"buyer_email" varchar NOT NULL,
  	"company" varchar,
  	"tax_id" varchar,
  	"seats" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"payment_method" "enum_bookings_payment_method" DEFAULT 'card',
  	"price_tier" "enum_bookings_price_tier",
  	"unit_list_price" numeric,
  	"unit_discount" numeric,
  	"unit_amount" numeric,
  	"total" numeric NOT NULL,
  	"coupon_id" integer,
  	"coupon_code" varchar,
  	"idempotency_key" varchar,
  	"idempotency_request" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bookings_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"webinars_id" integer,
  	"courses_id" integer
  );
  
  CREATE TABLE "coupons" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"discount_type" "enum_coupons_discount_type" DEFAULT 'percentage' NOT NULL,
  	"percent_off" numeric,
  	"amount_off" numeric,
  	"currency" varchar,
  	"applies_to" "enum_coupons_applies_to" DEFAULT 'all' NOT NULL,
  	"valid_from" timestamp(3) with time zone,
  	"valid_until" timestamp(3) with time zone,
  	"max_redemptions" numeric,
  	"max_redemptions_per_person" numeric,
  	"active" boolean DEFAULT true,
  	"combines_with_early_bird" boolean DEFAULT false,
  	"internal_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupons_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"webinars_id" integer,
  	"courses_id" integer
  );
  
  CREATE TABLE "payments_manual_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"method" "enum_payments_manual_entries_method",
  	"reference" varchar,
  	"received_on" timestamp(3) with time zone,
  	"amount" numeric,
  	"recorded_by_id" integer,
  	"recorded_at" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "payments_refund_requests" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"amount" numeric,
  	"status" "enum_payments_refund_requests_status" DEFAULT 'requested',
  	"reason" varchar,
  	"requested_at" timestamp(3) with time zone,
  	"requested_by_id" integer,
  	"stripe_refund_id" varchar,
  	"failure" varchar
  );
  
  CREATE TABLE "receipts_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"quantity" numeric,
  	"unit_price" numeric,
  	"amount" numeric
  );
  
  CREATE TABLE "receipts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"kind" "enum_receipts_kind" NOT NULL,
  	"issued_at" timestamp(3) with time zone NOT NULL,
  	"payment_id" integer NOT NULL,
  	"credit_for_id" integer,
  	"user_id" integer,
  	"buyer_user_id" integer,
  	"currency" varchar NOT NULL,
  	"total" numeric NOT NULL,
  	"tax_base" numeric,
  	"tax" numeric,
  	"seller_legal_name" varchar,
  	"seller_tax_id" varchar,
  	"seller_address" varchar,
  	"seller_email" varchar,
  	"buyer_name" varchar,
  	"buyer_email" varchar,
  	"buyer_company" varchar,
  	"buyer_tax_id" varchar,
  	"tax_name" varchar,
  	"tax_rate_percent" numeric,
  	"method" varchar,
  	"language" varchar,
  	"issued_on" varchar,
  	"credit_for_number" varchar,
  	"reason" varchar,
  	"issue_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "receipt_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"series" varchar NOT NULL,
  	"year" numeric NOT NULL,
  	"last_number" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "billing_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"legal_name" varchar,
  	"tax_id" varchar,
  	"address" varchar,
  	"email" varchar,
  	"tax_name" varchar DEFAULT 'IGV',
  	"tax_rate_percent" numeric DEFAULT 0,
  	"prices_include_tax" boolean DEFAULT true,
  	"bank_transfer_details" varchar,
  	"bank_transfer_hold_days" numeric DEFAULT 3,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "webinars" ADD COLUMN "max_group_size" numeric DEFAULT 20;
  ALTER TABLE "webinars" ADD COLUMN "allow_bank_transfer" boolean DEFAULT false;
  ALTER TABLE "webinars" ADD COLUMN "bank_transfer_hold_days" numeric;
  ALTER TABLE "_webinars_v" ADD COLUMN "version_max_group_size" numeric DEFAULT 20;
  ALTER TABLE "_webinars_v" ADD COLUMN "version_allow_bank_transfer" boolean DEFAULT false;
  ALTER TABLE "_webinars_v" ADD COLUMN "version_bank_transfer_hold_days" numeric;
  ALTER TABLE "courses" ADD COLUMN "max_group_size" numeric DEFAULT 20;
  ALTER TABLE "courses" ADD COLUMN "allow_bank_transfer" boolean DEFAULT false;
  ALTER TABLE "courses" ADD COLUMN "bank_transfer_hold_days" numeric;
  ALTER TABLE "_courses_v" ADD COLUMN "version_max_group_size" numeric DEFAULT 20;
  ALTER TABLE "_courses_v" ADD COLUMN "version_allow_bank_transfer" boolean DEFAULT false;
  ALTER TABLE "_courses_v" ADD COLUMN "version_bank_transfer_hold_days" numeric;
  ALTER TABLE "enrollments" ADD COLUMN "coupon_id" integer;
  ALTER TABLE "enrollments" ADD COLUMN "list_price" numeric;
  ALTER TABLE "enrollments" ADD COLUMN "discount" numeric DEFAULT 0;
  ALTER TABLE "enrollments" ADD COLUMN "booking_id" integer;
  ALTER TABLE "enrollments" ADD COLUMN "replaced_by_id" integer;
  ALTER TABLE "enrollments" ADD COLUMN "replaces_id" integer;
  ALTER TABLE "payments" ADD COLUMN "booking_id" integer;
  ALTER TABLE "payments" ADD COLUMN "seats" numeric DEFAULT 1;
  ALTER TABLE "payments" ADD COLUMN "method" "enum_payments_method" DEFAULT 'card';
  ALTER TABLE "payments" ADD COLUMN "reference" varchar;
  ALTER TABLE "payments" ADD COLUMN "received_at" timestamp(3) with time zone;
  ALTER TABLE "payments" ADD COLUMN "amount_refunded" numeric DEFAULT 0;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "bookings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "coupons_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "receipts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "receipt_counters_id" integer;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings_rels" ADD CONSTRAINT "bookings_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "bookings_rels" ADD CONSTRAINT "bookings_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "bookings_rels" ADD CONSTRAINT "bookings_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_manual_entries" ADD CONSTRAINT "payments_manual_entries_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments_manual_entries" ADD CONSTRAINT "payments_manual_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments_refund_requests" ADD CONSTRAINT "payments_refund_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments_refund_requests" ADD CONSTRAINT "payments_refund_requests_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "receipts_lines" ADD CONSTRAINT "receipts_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_credit_for_id_receipts_id_fk" FOREIGN KEY ("credit_for_id") REFERENCES "public"."receipts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "bookings_status_idx" ON "bookings" USING btree ("status");
  CREATE INDEX "bookings_buyer_idx" ON "bookings" USING btree ("buyer_id");
  CREATE INDEX "bookings_coupon_idx" ON "bookings" USING btree ("coupon_id");
  CREATE UNIQUE INDEX "bookings_idempotency_key_idx" ON "bookings" USING btree ("idempotency_key");
  CREATE INDEX "bookings_updated_at_idx" ON "bookings" USING btree ("updated_at");
  CREATE INDEX "bookings_created_at_idx" ON "bookings" USING btree ("created_at");
  CREATE INDEX "bookings_rels_order_idx" ON "bookings_rels" USING btree ("order");
  CREATE INDEX "bookings_rels_parent_idx" ON "bookings_rels" USING btree ("parent_id");
  CREATE INDEX "bookings_rels_path_idx" ON "bookings_rels" USING btree ("path");
  CREATE INDEX "bookings_rels_webinars_id_idx" ON "bookings_rels" USING btree ("webinars_id");
  CREATE INDEX "bookings_rels_courses_id_idx" ON "bookings_rels" USING btree ("courses_id");
  CREATE UNIQUE INDEX "coupons_code_idx" ON "coupons" USING btree ("code");
  CREATE INDEX "coupons_active_idx" ON "coupons" USING btree ("active");
  CREATE INDEX "coupons_updated_at_idx" ON "coupons" USING btree ("updated_at");
  CREATE INDEX "coupons_created_at_idx" ON "coupons" USING btree ("created_at");
  CREATE INDEX "coupons_rels_order_idx" ON "coupons_rels" USING btree ("order");
  CREATE INDEX "coupons_rels_parent_idx" ON "coupons_rels" USING btree ("parent_id");
  CREATE INDEX "coupons_rels_path_idx" ON "coupons_rels" USING btree ("path");
  CREATE INDEX "coupons_rels_categories_id_idx" ON "coupons_rels" USING btree ("categories_id");
  CREATE INDEX "coupons_rels_webinars_id_idx" ON "coupons_rels" USING btree ("webinars_id");
  CREATE INDEX "coupons_rels_courses_id_idx" ON "coupons_rels" USING btree ("courses_id");
  CREATE INDEX "payments_manual_entries_order_idx" ON "payments_manual_entries" USING btree ("_order");
  CREATE INDEX "payments_manual_entries_parent_id_idx" ON "payments_manual_entries" USING btree ("_parent_id");
  CREATE INDEX "payments_manual_entries_recorded_by_idx" ON "payments_manual_entries" USING btree ("recorded_by_id");
  CREATE INDEX "payments_refund_requests_order_idx" ON "payments_refund_requests" USING btree ("_order");
  CREATE INDEX "payments_refund_requests_parent_id_idx" ON "payments_refund_requests" USING btree ("_parent_id");
  CREATE INDEX "payments_refund_requests_requested_by_idx" ON "payments_refund_requests" USING btree ("requested_by_id");
  CREATE INDEX "receipts_lines_order_idx" ON "receipts_lines" USING btree ("_order");
  CREATE INDEX "receipts_lines_parent_id_idx" ON "receipts_lines" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "receipts_number_idx" ON "receipts" USING btree ("number");
  CREATE INDEX "receipts_kind_idx" ON "receipts" USING btree ("kind");
  CREATE INDEX "receipts_payment_idx" ON "receipts" USING btree ("payment_id");
  CREATE INDEX "receipts_credit_for_idx" ON "receipts" USING btree ("credit_for_id");
  CREATE INDEX "receipts_user_idx" ON "receipts" USING btree ("user_id");
  CREATE INDEX "receipts_buyer_user_idx" ON "receipts" USING btree ("buyer_user_id");
  CREATE UNIQUE INDEX "receipts_issue_key_idx" ON "receipts" USING btree ("issue_key");
  CREATE INDEX "receipts_updated_at_idx" ON "receipts" USING btree ("updated_at");
  CREATE INDEX "receipts_created_at_idx" ON "receipts" USING btree ("created_at");
  CREATE INDEX "receipt_counters_updated_at_idx" ON "receipt_counters" USING btree ("updated_at");
  CREATE INDEX "receipt_counters_created_at_idx" ON "receipt_counters" USING btree ("created_at");
  CREATE UNIQUE INDEX "series_year_idx" ON "receipt_counters" USING btree ("series","year");
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_replaced_by_id_enrollments_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_replaces_id_enrollments_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bookings_fk" FOREIGN KEY ("bookings_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_coupons_fk" FOREIGN KEY ("coupons_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_receipts_fk" FOREIGN KEY ("receipts_id") REFERENCES "public"."receipts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_receipt_counters_fk" FOREIGN KEY ("receipt_counters_id") REFERENCES "public"."receipt_counters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "enrollments_coupon_idx" ON "enrollments" USING btree ("coupon_id");
  CREATE INDEX "enrollments_booking_idx" ON "enrollments" USING btree ("booking_id");
  CREATE INDEX "enrollments_replaced_by_idx" ON "enrollments" USING btree ("replaced_by_id");
  CREATE INDEX "enrollments_replaces_idx" ON "enrollments" USING btree ("replaces_id");
  CREATE INDEX "payments_booking_idx" ON "payments" USING btree ("booking_id");
  CREATE INDEX "payments_method_idx" ON "payments" USING btree ("method");
  CREATE UNIQUE INDEX "payments_reference_idx" ON "payments" USING btree ("reference");
  CREATE INDEX "payload_locked_documents_rels_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("bookings_id");
  CREATE INDEX "payload_locked_documents_rels_coupons_id_idx" ON "payload_locked_documents_rels" USING btree ("coupons_id");
  CREATE INDEX "payload_locked_documents_rels_receipts_id_idx" ON "payload_locked_documents_rels" USING btree ("receipts_id");
  CREATE INDEX "payload_locked_documents_rels_receipt_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("receipt_counters_id");`)
  // Enrollments made before coupons existed paid their list price: say so, so exports and receipts read
  // "list price = amount" instead of a blank. A payment already refunded was refunded in full (Aula
  // refused partial refunds until now). New columns with defaults are filled by ADD COLUMN itself.
  await db.execute(sql`
  UPDATE "enrollments" SET "list_price" = "amount" WHERE "list_price" IS NULL AND "amount" IS NOT NULL;
  UPDATE "payments" SET "amount_refunded" = "amount" WHERE "status" = 'refunded';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "bookings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "bookings_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payments_manual_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payments_refund_requests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "receipts_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "receipts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "receipt_counters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "billing_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "bookings" CASCADE;
  DROP TABLE "bookings_rels" CASCADE;
  DROP TABLE "coupons" CASCADE;
  DROP TABLE "coupons_rels" CASCADE;
  DROP TABLE "payments_manual_entries" CASCADE;
  DROP TABLE "payments_refund_requests" CASCADE;
  DROP TABLE "receipts_lines" CASCADE;
  DROP TABLE "receipts" CASCADE;
  DROP TABLE "receipt_counters" CASCADE;
  DROP TABLE "billing_settings" CASCADE;
  ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_coupon_id_coupons_id_fk";
  
  ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_booking_id_bookings_id_fk";
  
  ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_replaced_by_id_enrollments_id_fk";
  
  ALTER TABLE "enrollments" DROP CONSTRAINT "enrollments_replaces_id_enrollments_id_fk";
  
  ALTER TABLE "payments" DROP CONSTRAINT "payments_booking_id_bookings_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_bookings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_coupons_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_receipts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_receipt_counters_fk";
  
  ALTER TABLE "payments" ALTER COLUMN "provider" SET DATA TYPE text;
  ALTER TABLE "payments" ALTER COLUMN "provider" SET DEFAULT 'stripe'::text;
  DROP TYPE "public"."enum_payments_provider";
  CREATE TYPE "public"."enum_payments_provider" AS ENUM('stripe');
  ALTER TABLE "payments" ALTER COLUMN "provider" SET DEFAULT 'stripe'::"public"."enum_payments_provider";
  ALTER TABLE "payments" ALTER COLUMN "provider" SET DATA TYPE "public"."enum_payments_provider" USING "provider"::"public"."enum_payments_provider";
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_templates_key";
  CREATE TYPE "public"."enum_email_templates_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released');
  ALTER TABLE "email_templates" ALTER COLUMN "key" SET DATA TYPE "public"."enum_email_templates_key" USING "key"::"public"."enum_email_templates_key";
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE text;
  DROP TYPE "public"."enum_email_log_template_key";
  CREATE TYPE "public"."enum_email_log_template_key" AS ENUM('enrollment_confirmed', 'enrollment_waitlisted', 'waitlist_promoted', 'payment_failed', 'enrollment_cancelled', 'webinar_reminder_24h', 'webinar_reminder_1h', 'webinar_access_15m', 'webinar_rescheduled', 'lead_received', 'lead_assigned', 'sales_followup_digest', 'email_change_confirm', 'email_change_notice', 'enrollment_already_registered', 'participants_message', 'staff_invitation', 'course_session_reminder_24h', 'course_session_reminder_1h', 'course_session_access_15m', 'course_schedule_changed', 'certificate_issued', 'followup_attended', 'followup_missed', 'followup_released');
  ALTER TABLE "email_log" ALTER COLUMN "template_key" SET DATA TYPE "public"."enum_email_log_template_key" USING "template_key"::"public"."enum_email_log_template_key";
  DROP INDEX "enrollments_coupon_idx";
  DROP INDEX "enrollments_booking_idx";
  DROP INDEX "enrollments_replaced_by_idx";
  DROP INDEX "enrollments_replaces_idx";
  DROP INDEX "payments_booking_idx";
  DROP INDEX "payments_method_idx";
  DROP INDEX "payments_reference_idx";
  DROP INDEX "payload_locked_documents_rels_bookings_id_idx";
  DROP INDEX "payload_locked_documents_rels_coupons_id_idx";
  DROP INDEX "payload_locked_documents_rels_receipts_id_idx";
  DROP INDEX "payload_locked_documents_rels_receipt_counters_id_idx";
  ALTER TABLE "webinars" DROP COLUMN "max_group_size";
  ALTER TABLE "webinars" DROP COLUMN "allow_bank_transfer";
  ALTER TABLE "webinars" DROP COLUMN "bank_transfer_hold_days";
  ALTER TABLE "_webinars_v" DROP COLUMN "version_max_group_size";
  ALTER TABLE "_webinars_v" DROP COLUMN "version_allow_bank_transfer";
  ALTER TABLE "_webinars_v" DROP COLUMN "version_bank_transfer_hold_days";
  ALTER TABLE "courses" DROP COLUMN "max_group_size";
  ALTER TABLE "courses" DROP COLUMN "allow_bank_transfer";
  ALTER TABLE "courses" DROP COLUMN "bank_transfer_hold_days";
  ALTER TABLE "_courses_v" DROP COLUMN "version_max_group_size";
  ALTER TABLE "_courses_v" DROP COLUMN "version_allow_bank_transfer";
  ALTER TABLE "_courses_v" DROP COLUMN "version_bank_transfer_hold_days";
  ALTER TABLE "enrollments" DROP COLUMN "coupon_id";
  ALTER TABLE "enrollments" DROP COLUMN "list_price";
  ALTER TABLE "enrollments" DROP COLUMN "discount";
  ALTER TABLE "enrollments" DROP COLUMN "booking_id";
  ALTER TABLE "enrollments" DROP COLUMN "replaced_by_id";
  ALTER TABLE "enrollments" DROP COLUMN "replaces_id";
  ALTER TABLE "payments" DROP COLUMN "booking_id";
  ALTER TABLE "payments" DROP COLUMN "seats";
  ALTER TABLE "payments" DROP COLUMN "method";
  ALTER TABLE "payments" DROP COLUMN "reference";
  ALTER TABLE "payments" DROP COLUMN "received_at";
  ALTER TABLE "payments" DROP COLUMN "amount_refunded";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "bookings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "coupons_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "receipts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "receipt_counters_id";
  DROP TYPE "public"."enum_bookings_status";
  DROP TYPE "public"."enum_bookings_payment_method";
  DROP TYPE "public"."enum_bookings_price_tier";
  DROP TYPE "public"."enum_coupons_discount_type";
  DROP TYPE "public"."enum_coupons_applies_to";
  DROP TYPE "public"."enum_payments_manual_entries_method";
  DROP TYPE "public"."enum_payments_refund_requests_status";
  DROP TYPE "public"."enum_payments_method";
  DROP TYPE "public"."enum_receipts_kind";`)
}
