CREATE TABLE "feedback_counters" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_imported_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"message_ref" text NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_name" text,
	"messages" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"author_name" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"provenance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"triaged_at" timestamp with time zone,
	"triaged_by" uuid,
	"story_id" uuid,
	"story_key" text,
	"story_type" text,
	"duplicate_of_key" text,
	"decline_reason" text,
	"clarification_id" uuid,
	"clarification_sprint_id" uuid
);
--> statement-breakpoint
ALTER TABLE "feedback_counters" ADD CONSTRAINT "feedback_counters_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_imported_messages" ADD CONSTRAINT "feedback_imported_messages_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_imported_messages" ADD CONSTRAINT "feedback_imported_messages_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_imports" ADD CONSTRAINT "feedback_imports_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_imports" ADD CONSTRAINT "feedback_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_triaged_by_users_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_clarification_id_sprint_clarifications_id_fk" FOREIGN KEY ("clarification_id") REFERENCES "public"."sprint_clarifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_imported_messages_ref_uq" ON "feedback_imported_messages" USING btree ("product_id","file_hash","message_ref");--> statement-breakpoint
CREATE INDEX "feedback_imported_messages_fingerprint_idx" ON "feedback_imported_messages" USING btree ("product_id","fingerprint");--> statement-breakpoint
CREATE INDEX "feedback_imports_product_hash_idx" ON "feedback_imports" USING btree ("product_id","file_hash","status");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_product_number_uq" ON "feedback_items" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_product_key_uq" ON "feedback_items" USING btree ("product_id","key");--> statement-breakpoint
CREATE INDEX "feedback_items_product_status_idx" ON "feedback_items" USING btree ("product_id","status","number");--> statement-breakpoint
CREATE INDEX "feedback_items_product_source_idx" ON "feedback_items" USING btree ("product_id","source","number");