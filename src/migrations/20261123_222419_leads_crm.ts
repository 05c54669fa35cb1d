import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_leads_interactions_type" AS ENUM('call', 'email', 'meeting', 'whatsapp', 'note');
  CREATE TYPE "public"."enum_leads_stage_history_from" AS ENUM('new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
  CREATE TYPE "public"."enum_leads_stage_history_to" AS ENUM('new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
  CREATE TYPE "public"."enum_leads_stage" AS ENUM('new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost');
  CREATE TYPE "public"."enum_leads_source" AS ENUM('web_form', 'webinar', 'referral', 'social', 'event', 'other');
  CREATE TYPE "public"."enum_leads_type" AS ENUM('individual', 'corporate');
  CREATE TYPE "public"."enum_crm_settings_scoring_rules_condition" AS ENUM('typeIs', 'headcountAtLeast', 'interestIsPaid', 'sourceIs', 'hasPhone', 'hasCompany');
  CREATE TYPE "public"."enum_crm_settings_scoring_rules_lead_type" AS ENUM('individual', 'corporate');
  CREATE TYPE "public"."enum_crm_settings_scoring_rules_source" AS ENUM('web_form', 'webinar', 'referral', 'social', 'event', 'other');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendSalesFollowupDigest' BEFORE 'processStripeEvent';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendSalesFollowupDigest' BEFORE 'processStripeEvent';
  CREATE TABLE "leads_score_reasons" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"reason" varchar,
  	"points" numeric
  );
  
  CREATE TABLE "leads_interactions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_leads_interactions_type" DEFAULT 'call' NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by_id" integer,
  	"summary" varchar NOT NULL,
  	"outcome" varchar,
  	"next_action" varchar,
  	"next_action_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "leads_stage_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" "enum_leads_stage_history_from",
  	"to" "enum_leads_stage_history_to",
  	"moved_back" boolean,
  	"at" timestamp(3) with time zone,
  	"by_id" integer
  );
  
  CREATE TABLE "leads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stage" "enum_leads_stage" DEFAULT 'new' NOT NULL,
  	"lost_reason" varchar,
  	"assigned_to_id" integer,
  	"score" numeric,
  	"source" "enum_leads_source" DEFAULT 'web_form',
  	"next_action_at" timestamp(3) with time zone,
  	"last_contacted_at" timestamp(3) with time zone,
  	"converted_at" timestamp(3) with time zone,
  	"assignment_sequence" numeric,
  	"first_name" varchar NOT NULL,
  	"last_name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"company" varchar,
  	"position" varchar,
  	"type" "enum_leads_type" DEFAULT 'individual' NOT NULL,
  	"headcount" numeric,
  	"message" varchar,
  	"preferred_dates" varchar,
  	"utm_source" varchar,
  	"utm_medium" varchar,
  	"utm_campaign" varchar,
  	"utm_term" varchar,
  	"utm_content" varchar,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "leads_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "leads_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"courses_id" integer,
  	"webinars_id" integer,
  	"enrollments_id" integer
  );
  
  CREATE TABLE "crm_settings_scoring_rules" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"condition" "enum_crm_settings_scoring_rules_condition" NOT NULL,
  	"lead_type" "enum_crm_settings_scoring_rules_lead_type",
  	"minimum" numeric,
  	"source" "enum_crm_settings_scoring_rules_source",
  	"points" numeric NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "crm_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"auto_assign" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "crm_settings_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "email_log_rels" ADD COLUMN "leads_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "leads_id" integer;
  ALTER TABLE "leads_score_reasons" ADD CONSTRAINT "leads_score_reasons_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_interactions" ADD CONSTRAINT "leads_interactions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads_interactions" ADD CONSTRAINT "leads_interactions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_stage_history" ADD CONSTRAINT "leads_stage_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads_stage_history" ADD CONSTRAINT "leads_stage_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "leads_texts" ADD CONSTRAINT "leads_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_rels" ADD CONSTRAINT "leads_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_rels" ADD CONSTRAINT "leads_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_rels" ADD CONSTRAINT "leads_rels_webinars_fk" FOREIGN KEY ("webinars_id") REFERENCES "public"."webinars"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "leads_rels" ADD CONSTRAINT "leads_rels_enrollments_fk" FOREIGN KEY ("enrollments_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crm_settings_scoring_rules" ADD CONSTRAINT "crm_settings_scoring_rules_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."crm_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crm_settings_rels" ADD CONSTRAINT "crm_settings_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."crm_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "crm_settings_rels" ADD CONSTRAINT "crm_settings_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "leads_score_reasons_order_idx" ON "leads_score_reasons" USING btree ("_order");
  CREATE INDEX "leads_score_reasons_parent_id_idx" ON "leads_score_reasons" USING btree ("_parent_id");
  CREATE INDEX "leads_interactions_order_idx" ON "leads_interactions" USING btree ("_order");
  CREATE INDEX "leads_interactions_parent_id_idx" ON "leads_interactions" USING btree ("_parent_id");
  CREATE INDEX "leads_interactions_by_idx" ON "leads_interactions" USING btree ("by_id");
  CREATE INDEX "leads_stage_history_order_idx" ON "leads_stage_history" USING btree ("_order");
  CREATE INDEX "leads_stage_history_parent_id_idx" ON "leads_stage_history" USING btree ("_parent_id");
  CREATE INDEX "leads_stage_history_by_idx" ON "leads_stage_history" USING btree ("by_id");
  CREATE INDEX "leads_stage_idx" ON "leads" USING btree ("stage");
  CREATE INDEX "leads_assigned_to_idx" ON "leads" USING btree ("assigned_to_id");
  CREATE INDEX "leads_score_idx" ON "leads" USING btree ("score");
  CREATE INDEX "leads_next_action_at_idx" ON "leads" USING btree ("next_action_at");
  CREATE INDEX "leads_assignment_sequence_idx" ON "leads" USING btree ("assignment_sequence");
  CREATE INDEX "leads_email_idx" ON "leads" USING btree ("email");
  CREATE INDEX "leads_type_idx" ON "leads" USING btree ("type");
  CREATE INDEX "leads_updated_at_idx" ON "leads" USING btree ("updated_at");
  CREATE INDEX "leads_created_at_idx" ON "leads" USING btree ("created_at");
  CREATE INDEX "assignedTo_stage_idx" ON "leads" USING btree ("assigned_to_id","stage");
  CREATE INDEX "leads_texts_order_parent" ON "leads_texts" USING btree ("order","parent_id");
  CREATE INDEX "leads_rels_order_idx" ON "leads_rels" USING btree ("order");
  CREATE INDEX "leads_rels_parent_idx" ON "leads_rels" USING btree ("parent_id");
  CREATE INDEX "leads_rels_path_idx" ON "leads_rels" USING btree ("path");
  CREATE INDEX "leads_rels_courses_id_idx" ON "leads_rels" USING btree ("courses_id");
  CREATE INDEX "leads_rels_webinars_id_idx" ON "leads_rels" USING btree ("webinars_id");
  CREATE INDEX "leads_rels_enrollments_id_idx" ON "leads_rels" USING btree ("enrollments_id");
  CREATE INDEX "crm_settings_scoring_rules_order_idx" ON "crm_settings_scoring_rules" USING btree ("_order");
  CREATE INDEX "crm_settings_scoring_rules_parent_id_idx" ON "crm_settings_scoring_rules" USING btree ("_parent_id");
  CREATE INDEX "crm_settings_rels_order_idx" ON "crm_settings_rels" USING btree ("order");
  CREATE INDEX "crm_settings_rels_parent_idx" ON "crm_settings_rels" USING btree ("parent_id");
  CREATE INDEX "crm_settings_rels_path_idx" ON "crm_settings_rels" USING btree ("path");
  CREATE INDEX "crm_settings_rels_users_id_idx" ON "crm_settings_rels" USING btree ("users_id");
  ALTER TABLE "email_log_rels" ADD CONSTRAINT "email_log_rels_leads_fk" FOREIGN KEY ("leads_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_leads_fk" FOREIGN KEY ("leads_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "email_log_rels_leads_id_idx" ON "email_log_rels" USING btree ("leads_id");
  CREATE INDEX "payload_locked_documents_rels_leads_id_idx" ON "payload_locked_documents_rels" USING btree ("leads_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "leads_score_reasons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads_interactions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads_stage_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "leads_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crm_settings_scoring_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crm_settings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "crm_settings_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "leads_score_reasons" CASCADE;
  DROP TABLE "leads_interactions" CASCADE;
  DROP TABLE "leads_stage_history" CASCADE;
  DROP TABLE "leads" CASCADE;
  DROP TABLE "leads_texts" CASCADE;
  DROP TABLE "leads_rels" CASCADE;
  DROP TABLE "crm_settings_scoring_rules" CASCADE;
  DROP TABLE "crm_settings" CASCADE;
  DROP TABLE "crm_settings_rels" CASCADE;
  ALTER TABLE "email_log_rels" DROP CONSTRAINT "email_log_rels_leads_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_leads_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'releaseStaleEmailClaims', 'deleteFinishedJobs', 'processStripeEvent', 'expirePaymentHolds', 'refundPayment', 'openCheckoutSession');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "email_log_rels_leads_id_idx";
  DROP INDEX "payload_locked_documents_rels_leads_id_idx";
  ALTER TABLE "email_log_rels" DROP COLUMN "leads_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "leads_id";
  DROP TYPE "public"."enum_leads_interactions_type";
  DROP TYPE "public"."enum_leads_stage_history_from";
  DROP TYPE "public"."enum_leads_stage_history_to";
  DROP TYPE "public"."enum_leads_stage";
  DROP TYPE "public"."enum_leads_source";
  DROP TYPE "public"."enum_leads_type";
  DROP TYPE "public"."enum_crm_settings_scoring_rules_condition";
  DROP TYPE "public"."enum_crm_settings_scoring_rules_lead_type";
  DROP TYPE "public"."enum_crm_settings_scoring_rules_source";`)
}
