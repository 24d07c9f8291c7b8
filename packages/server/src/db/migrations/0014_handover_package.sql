CREATE TABLE "handover_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"item_id" text,
	"reported_on" date NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_items" (
	"package_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"owner" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"approver" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handover_items_package_id_item_id_pk" PRIMARY KEY("package_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "handover_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"release" text NOT NULL,
	"target_date" date,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"profile_type" text NOT NULL,
	"profile_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signoff_key" text,
	"status" text DEFAULT 'open' NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_on_first_handover" boolean,
	"ownership" jsonb,
	"ownership_confirmed_by" uuid,
	"ownership_confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"review_date" date NOT NULL,
	"decision" text NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rejection_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"score" integer NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handover_artifacts" ADD CONSTRAINT "handover_artifacts_package_id_handover_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."handover_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_artifacts" ADD CONSTRAINT "handover_artifacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_gaps" ADD CONSTRAINT "handover_gaps_package_id_handover_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."handover_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_gaps" ADD CONSTRAINT "handover_gaps_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_package_id_handover_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."handover_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_packages" ADD CONSTRAINT "handover_packages_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_packages" ADD CONSTRAINT "handover_packages_ownership_confirmed_by_users_id_fk" FOREIGN KEY ("ownership_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_packages" ADD CONSTRAINT "handover_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_reviews" ADD CONSTRAINT "handover_reviews_package_id_handover_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."handover_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_reviews" ADD CONSTRAINT "handover_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handover_artifacts_package_kind_version_uq" ON "handover_artifacts" USING btree ("package_id","kind","version");--> statement-breakpoint
CREATE INDEX "handover_gaps_package_idx" ON "handover_gaps" USING btree ("package_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "handover_packages_product_release_uq" ON "handover_packages" USING btree ("product_id","release");--> statement-breakpoint
CREATE UNIQUE INDEX "handover_packages_one_open_uq" ON "handover_packages" USING btree ("product_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "handover_reviews_package_number_uq" ON "handover_reviews" USING btree ("package_id","number");