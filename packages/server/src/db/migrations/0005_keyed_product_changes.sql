-- Issue #9 (soak): a save of one product made every cached product page stale, so under a steady mix of saves
-- nearly every page read went to the database. Changes to a few products now name them (`products:<id>,…`):
-- a server drops only those pages from its cache. A statement that touches no row or more than 100 rows, and
-- TRUNCATE, still name the table (everything cached is stale). The other tables keep migration 0001's trigger.
CREATE FUNCTION pistudio_notify_product_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched int;
  ids text;
BEGIN
  SELECT count(*), string_agg(id::text, ',') INTO touched, ids FROM (SELECT id FROM changed LIMIT 101) c;
  IF touched BETWEEN 1 AND 100 THEN
    PERFORM pg_notify('pistudio_changes', 'products:' || ids);
  ELSE
    PERFORM pg_notify('pistudio_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER products_notify_change ON products;
--> statement-breakpoint
CREATE TRIGGER products_notify_insert AFTER INSERT ON products REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_product_change();
--> statement-breakpoint
CREATE TRIGGER products_notify_update AFTER UPDATE ON products REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_product_change();
--> statement-breakpoint
CREATE TRIGGER products_notify_delete AFTER DELETE ON products REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_product_change();
--> statement-breakpoint
CREATE TRIGGER products_notify_truncate AFTER TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
