// A product's gate status (ZProductGate in core/contract/products.ts) as one SQL expression over the product's id,
// so the product list and the product page each stay one query. A product holds one PRD (documents_product_kind_uq)
// and its reviews are found by gate_reviews_document_idx. Migration 0006 makes writes to gate_reviews and
// gate_conditions notify the read caches, so a cached page shows a new verdict or a ticked condition at once.

/** ISO 8601 in UTC with milliseconds, exactly as Date.prototype.toISOString() writes it (null stays null). */
export const isoUtc = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * JSON or null (no PRD submitted yet). The newest review that is not superseded gives the score and, while it waits,
 * `waitingSince`; the newest decided one gives the verdict; open conditions are those of pass/conditional verdicts.
 * Ages are left to the client: a cached answer must not go stale by the clock.
 *
 * Written to be planned the same with or without statistics (PGlite has no autovacuum, so a studio's tables are
 * often never analysed): everything starts from the product's PRD and reads its reviews in submission order through
 * gate_reviews_document_idx. Decided reviews are found by their verdict, not by `status = 'decided'`, which would
 * let gate_reviews_status_idx walk every decided review in the studio. A review is decided only while it is the PRD's
 * open one, so the newest decided review by submission time is also the newest by decision time.
 */
export const gateStatusJson = (productId: string) => `(
  select json_build_object(
    'reviewId', lr.id,
    'score', lr.score,
    'waitingSince', case when lr.status = 'submitted' then ${isoUtc('lr.submitted_at')} end,
    'verdict', ld.verdict,
    'engineVerdict', ld.engine_verdict,
    'decidedAt', ${isoUtc('ld.decided_at')},
    'openConditions', (
      select count(*)::int from gate_reviews gr join gate_conditions gc on gc.review_id = gr.id
      where gr.document_id = pd.id and gr.verdict in ('pass', 'conditional') and not gc.done)
  )
  from documents pd
  cross join lateral (
    select r.id, r.status, r.submitted_at, coalesce(r.final_score, r.engine_score) as score from gate_reviews r
    where r.document_id = pd.id and r.status <> 'superseded' order by r.submitted_at desc limit 1
  ) lr
  left join lateral (
    select q.verdict, q.engine_verdict, q.decided_at from gate_reviews q
    where q.document_id = pd.id and q.verdict is not null order by q.submitted_at desc limit 1
  ) ld on true
  where pd.product_id = ${productId} and pd.kind = 'prd'
)`;
