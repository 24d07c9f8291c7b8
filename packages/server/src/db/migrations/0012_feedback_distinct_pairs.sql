CREATE TABLE "feedback_distinct_pairs" (
	"product_id" uuid NOT NULL,
	"item_a" uuid NOT NULL,
	"item_b" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_distinct_pairs_pk" PRIMARY KEY("item_a","item_b"),
	CONSTRAINT "feedback_distinct_pairs_ordered" CHECK ("feedback_distinct_pairs"."item_a" < "feedback_distinct_pairs"."item_b")
);
--> statement-breakpoint
ALTER TABLE "feedback_distinct_pairs" ADD CONSTRAINT "feedback_distinct_pairs_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_distinct_pairs" ADD CONSTRAINT "feedback_distinct_pairs_item_a_feedback_items_id_fk" FOREIGN KEY ("item_a") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_distinct_pairs" ADD CONSTRAINT "feedback_distinct_pairs_item_b_feedback_items_id_fk" FOREIGN KEY ("item_b") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_distinct_pairs" ADD CONSTRAINT "feedback_distinct_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_distinct_pairs_product_idx" ON "feedback_distinct_pairs" USING btree ("product_id","decided_at");