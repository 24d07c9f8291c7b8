-- Cached reads (product detail) are built from these tables. Every statement that writes one of them queues a
-- notification, delivered at COMMIT to every listening server (src/db/change-feed.ts), whichever process wrote.
CREATE FUNCTION pistudio_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pistudio_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subsidiaries_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subsidiaries
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
--> statement-breakpoint
CREATE TRIGGER products_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
--> statement-breakpoint
CREATE TRIGGER documents_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
--> statement-breakpoint
CREATE TRIGGER document_versions_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_versions
  FOR EACH STATEMENT EXECUTE FUNCTION pistudio_notify_change();
