-- Issue #11 §3, the stage follows the gate. A studio administrator's forced move keeps who, when, why and the stage
-- it left (shown on the product page until the gate moves the product again); each subsidiary keeps the gate's
-- four-eyes rule (on by default: the author of a submitted PRD version cannot decide its review). The product page
-- and the board now show the gate status, so writes to gate_reviews and gate_conditions notify the read caches,
-- naming the products they touch as products' own writes do (migration 0005).
ALTER TABLE "subsidiaries" ADD COLUMN "gate_four_eyes" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stage_forced_from" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stage_forced_reason" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stage_forced_by" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stage_forced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stage_forced_by_users_id_fk" FOREIGN KEY ("stage_forced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The products of the changed reviews (through their PRD), or of the changed conditions' reviews. None found (the
-- document was deleted in the same statement) or more than 100: the table's name, so every cached page is dropped.
CREATE FUNCTION pistudio_notify_gate_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched int;
  ids text;
BEGIN
  IF TG_TABLE_NAME = 'gate_reviews' THEN
    SELECT count(*), string_agg(pid::text, ',') INTO touched, ids FROM (
      SELECT DISTINCT d.product_id AS pid FROM changed c JOIN documents d ON d.id = c.document_id LIMIT 101) p;
  ELSE
    SELECT count(*), string_agg(pid::text, ',') INTO touched, ids FROM (
      SELECT DISTINCT d.product_id AS pid FROM changed c
        JOIN gate_reviews r ON r.id = c.review_id JOIN documents d ON d.id = r.document_id LIMIT 101) p;
  END IF;
  IF touched BETWEEN 1 AND 100 THEN
    PERFORM pg_notify('pistudio_changes', 'products:' || ids);
  ELSE
    PERFORM pg_notify('pistudio_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER gate_reviews_notify_insert AFTER INSERT ON gate_reviews REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_reviews_notify_update AFTER UPDATE ON gate_reviews REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_reviews_notify_delete AFTER DELETE ON gate_reviews REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_reviews_notify_truncate AFTER TRUNCATE ON gate_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
--> statement-breakpoint
CREATE TRIGGER gate_conditions_notify_insert AFTER INSERT ON gate_conditions REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_conditions_notify_update AFTER UPDATE ON gate_conditions REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_conditions_notify_delete AFTER DELETE ON gate_conditions REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_gate_change();
--> statement-breakpoint
CREATE TRIGGER gate_conditions_notify_truncate AFTER TRUNCATE ON gate_conditions
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
