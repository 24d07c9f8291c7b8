CREATE TABLE "adoption_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"user_id" text,
	"anonymous_id" text,
	"account_id" text,
	"properties" jsonb NOT NULL,
	"environment" text NOT NULL,
	"app_version" text,
	"timezone" text,
	"source" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"events" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adoption_events" ADD CONSTRAINT "adoption_events_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_plans" ADD CONSTRAINT "tracking_plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_plans" ADD CONSTRAINT "tracking_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adoption_events_product_event_id_uq" ON "adoption_events" USING btree ("product_id","event_id");--> statement-breakpoint
CREATE INDEX "adoption_events_product_occurred_idx" ON "adoption_events" USING btree ("product_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_plans_product_version_uq" ON "tracking_plans" USING btree ("product_id","version");