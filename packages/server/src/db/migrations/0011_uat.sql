CREATE TABLE "uat_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"session_id" uuid,
	"run_id" uuid,
	"signoff_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_by" uuid,
	"guest_link_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"story_id" uuid,
	"story_key" text,
	"story_revision" integer,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'untested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_counters" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"last_session_number" integer DEFAULT 0 NOT NULL,
	"last_case_number" integer DEFAULT 0 NOT NULL,
	"last_signoff_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_defects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"bug_story_id" uuid,
	"bug_key" text NOT NULL,
	"opened_run_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"retest_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_guest_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"guest_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text DEFAULT 'run' NOT NULL,
	"result" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"tester_name" text NOT NULL,
	"tester_user_id" uuid,
	"guest_link_id" uuid,
	"defect_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"sprint_id" uuid,
	"build_version" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "uat_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"session_id" uuid,
	"build_version" text NOT NULL,
	"decision" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"signed_stories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"signer_id" uuid,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"record_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_run_id_uat_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."uat_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_signoff_id_uat_signoffs_id_fk" FOREIGN KEY ("signoff_id") REFERENCES "public"."uat_signoffs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_guest_link_id_uat_guest_links_id_fk" FOREIGN KEY ("guest_link_id") REFERENCES "public"."uat_guest_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_cases" ADD CONSTRAINT "uat_cases_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_cases" ADD CONSTRAINT "uat_cases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_cases" ADD CONSTRAINT "uat_cases_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_counters" ADD CONSTRAINT "uat_counters_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_defects" ADD CONSTRAINT "uat_defects_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_defects" ADD CONSTRAINT "uat_defects_case_id_uat_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."uat_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_defects" ADD CONSTRAINT "uat_defects_bug_story_id_stories_id_fk" FOREIGN KEY ("bug_story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_defects" ADD CONSTRAINT "uat_defects_opened_run_id_uat_runs_id_fk" FOREIGN KEY ("opened_run_id") REFERENCES "public"."uat_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_defects" ADD CONSTRAINT "uat_defects_retest_run_id_uat_runs_id_fk" FOREIGN KEY ("retest_run_id") REFERENCES "public"."uat_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_guest_links" ADD CONSTRAINT "uat_guest_links_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_guest_links" ADD CONSTRAINT "uat_guest_links_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_guest_links" ADD CONSTRAINT "uat_guest_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_guest_links" ADD CONSTRAINT "uat_guest_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_runs" ADD CONSTRAINT "uat_runs_case_id_uat_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."uat_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_runs" ADD CONSTRAINT "uat_runs_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_runs" ADD CONSTRAINT "uat_runs_tester_user_id_users_id_fk" FOREIGN KEY ("tester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_runs" ADD CONSTRAINT "uat_runs_guest_link_id_uat_guest_links_id_fk" FOREIGN KEY ("guest_link_id") REFERENCES "public"."uat_guest_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_sessions" ADD CONSTRAINT "uat_sessions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_sessions" ADD CONSTRAINT "uat_sessions_sprint_id_sprints_id_fk" FOREIGN KEY ("sprint_id") REFERENCES "public"."sprints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_sessions" ADD CONSTRAINT "uat_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_signoffs" ADD CONSTRAINT "uat_signoffs_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_signoffs" ADD CONSTRAINT "uat_signoffs_session_id_uat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."uat_sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uat_signoffs" ADD CONSTRAINT "uat_signoffs_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uat_attachments_run_idx" ON "uat_attachments" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "uat_attachments_signoff_idx" ON "uat_attachments" USING btree ("signoff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_cases_product_number_uq" ON "uat_cases" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_cases_product_key_uq" ON "uat_cases" USING btree ("product_id","key");--> statement-breakpoint
CREATE INDEX "uat_cases_session_idx" ON "uat_cases" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "uat_cases_story_idx" ON "uat_cases" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "uat_defects_session_idx" ON "uat_defects" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "uat_defects_case_idx" ON "uat_defects" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_guest_links_token_uq" ON "uat_guest_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "uat_guest_links_session_idx" ON "uat_guest_links" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "uat_runs_case_idx" ON "uat_runs" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "uat_runs_session_idx" ON "uat_runs" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_sessions_product_number_uq" ON "uat_sessions" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_sessions_product_key_uq" ON "uat_sessions" USING btree ("product_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_signoffs_product_number_uq" ON "uat_signoffs" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "uat_signoffs_product_key_uq" ON "uat_signoffs" USING btree ("product_id","key");