-- Issue #9, defect 5: the search vector of a version indexes the first 100,000 characters of its body, so a body with
-- more distinct words than a tsvector holds (1 MB of terms) is stored instead of failing. Dropping the column drops
-- its GIN index; both are rebuilt from the stored bodies.
ALTER TABLE "document_versions" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', left(body, 100000))) STORED;--> statement-breakpoint
CREATE INDEX "document_versions_search_idx" ON "document_versions" USING gin ("search");
