-- Issue #12, the backlog: requirements kept across PRD versions, stories and bugs with their requirement links, sprints,
-- and a per-product counter that numbers stories (never twice) and serialises changes to one product's backlog. The
-- product list and detail show no backlog data, so these tables do not notify the read caches (see 0005, 0006).
CREATE TABLE "backlog_counters" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"last_story_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"req_key" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"priority" text,
	"acceptance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"line" integer NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	"first_seen_document_version_id" uuid NOT NULL,
	"last_seen_document_version_id" uuid NOT NULL,
	"removed_in_document_version_id" uuid,
	"text_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sprints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"baseline_document_version_id" uuid,
	"committed_story_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"acceptance" text DEFAULT '' NOT NULL,
	"priority" text,
	"status" text DEFAULT 'backlog' NOT NULL,
	"estimate" integer,
	"sprint_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_requirements" (
	"story_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backlog_counters" ADD CONSTRAINT "backlog_counters_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_first_seen_document_version_id_document_versions_id_fk" FOREIGN KEY ("first_seen_document_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_last_seen_document_version_id_document_versions_id_fk" FOREIGN KEY ("last_seen_document_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_removed_in_document_version_id_document_versions_id_fk" FOREIGN KEY ("removed_in_document_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_baseline_document_version_id_document_versions_id_fk" FOREIGN KEY ("baseline_document_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprints" ADD CONSTRAINT "sprints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_sprint_id_sprints_id_fk" FOREIGN KEY ("sprint_id") REFERENCES "public"."sprints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_requirements" ADD CONSTRAINT "story_requirements_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_requirements" ADD CONSTRAINT "story_requirements_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_product_key_uq" ON "requirements" USING btree ("product_id","req_key");--> statement-breakpoint
CREATE INDEX "sprints_product_idx" ON "sprints" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sprints_one_active_uq" ON "sprints" USING btree ("product_id") WHERE "sprints"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "stories_product_number_uq" ON "stories" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "stories_product_key_uq" ON "stories" USING btree ("product_id","key");--> statement-breakpoint
CREATE INDEX "stories_product_status_idx" ON "stories" USING btree ("product_id","status","number");--> statement-breakpoint
CREATE INDEX "stories_product_type_idx" ON "stories" USING btree ("product_id","type","number");--> statement-breakpoint
CREATE INDEX "stories_sprint_idx" ON "stories" USING btree ("sprint_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "story_requirements_uq" ON "story_requirements" USING btree ("story_id","requirement_id");--> statement-breakpoint
CREATE INDEX "story_requirements_requirement_idx" ON "story_requirements" USING btree ("requirement_id","story_id");