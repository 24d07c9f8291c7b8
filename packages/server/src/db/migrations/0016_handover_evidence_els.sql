ALTER TABLE "handover_items" ADD COLUMN "required_override" boolean;--> statement-breakpoint
ALTER TABLE "handover_items" ADD COLUMN "required_reason" text;--> statement-breakpoint
ALTER TABLE "handover_packages" ADD COLUMN "els_days" integer;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD COLUMN "handover_package_id" uuid;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD COLUMN "handover_item_id" text;--> statement-breakpoint
ALTER TABLE "uat_attachments" ADD CONSTRAINT "uat_attachments_handover_package_id_handover_packages_id_fk" FOREIGN KEY ("handover_package_id") REFERENCES "public"."handover_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uat_attachments_handover_idx" ON "uat_attachments" USING btree ("handover_package_id","handover_item_id");