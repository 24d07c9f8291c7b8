// Full-text search over the current version of each document, plus name/code matches for short queries.
// Only current versions count (joined through documents.current_version_id); the caller's visibility is applied
// before any limit, so other subsidiaries' documents can neither show up nor crowd out the caller's own.
import type { DocumentKind } from '@pi-studio/core/documents/kinds';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export type SearchFilter = {
  q: string;
  limit: number;
  kind?: DocumentKind;
  subsidiaryCode?: string;
  /** null = every subsidiary (administrators). */
  visibleSubsidiaryIds: string[] | null;
  markers: { start: string; stop: string };
};

export type SearchRow = {
  documentId: string;
  kind: DocumentKind;
  title: string;
  productCode: string;
  productName: string;
  subsidiaryCode: string;
  major: number;
  minor: number;
  snippet: string;
};

// Ranking reads every candidate's tsvector; for a word found in every document that is the whole corpus.
// Relevance is therefore ranked among the most recently updated matches, which bounds the cost of broad queries.
const RANKED_CANDIDATES = 200;
// ts_headline parses all the text it is given, so it gets a window around the first hit, not the whole body.
// Its cost grows faster than the window (13 ms for 20 windows of 1,600 characters on PGlite, 3 ms at 600), and
// 600 characters still hold the two 30-word fragments a snippet shows.
const WINDOW_LEAD = 160;
const WINDOW_CHARS = 600;

// Lower-cased on both sides: `lower(x) like` costs half of `ilike` on PGlite.
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Rows = { rows: Record<string, unknown>[] };
const rowsOf = (result: unknown) => (result as Rows).rows;

function scopeOf(f: SearchFilter): SQL {
  const scope: SQL[] = [sql`true`];
  if (f.visibleSubsidiaryIds) {
    const ids = sql.join(
      f.visibleSubsidiaryIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    scope.push(sql`p.subsidiary_id in (${ids})`);
  }
  if (f.kind) scope.push(sql`d.kind = ${f.kind}`);
  if (f.subsidiaryCode) scope.push(sql`s.code = ${f.subsidiaryCode}`);
  return sql.join(scope, sql` and `);
}

export async function searchDocuments(db: Executor, f: SearchFilter): Promise<SearchRow[]> {
  // The query is parsed first and sent back as a literal: the planner can then estimate how many documents
  // match (a common word → walk recent documents; a rare one → the GIN index) instead of assuming "few".
  const [parsed] = rowsOf(await db.execute(sql`select websearch_to_tsquery('english', ${f.q})::text as tsq`));
  const tsq = sql`${String(parsed?.tsq ?? '')}::tsquery`;
  const pattern = likePattern(f.q);
  const scope = scopeOf(f);
  const options = `StartSel=${f.markers.start}, StopSel=${f.markers.stop}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
  const lexemes = sql`tsvector_to_array(to_tsvector('english', ${f.q}))`;

  const result = await db.execute(sql`
    with body_hits as (
      select c.id as document_id, ts_rank(c.search, ${tsq}) as rank
      from (
        select d.id, v.search
        from documents d
        join products p on p.id = d.product_id
        join subsidiaries s on s.id = p.subsidiary_id
        join document_versions v on v.id = d.current_version_id
        where v.search @@ ${tsq} and ${scope}
        order by d.updated_at desc
        limit ${RANKED_CANDIDATES}
      ) c
    ),
    matching_products as (
      select p.id from products p where lower(p.code) like ${pattern} or lower(p.name) like ${pattern}
    ),
    name_hits as (
      select d.id as document_id
      from documents d
      join products p on p.id = d.product_id
      join subsidiaries s on s.id = p.subsidiary_id
      where (lower(d.title) like ${pattern} or d.product_id in (select id from matching_products)) and ${scope}
    ),
    page as (
      select d.id, d.kind, d.title, d.current_version_id, d.updated_at, p.code as product_code,
             p.name as product_name, s.code as subsidiary_code, coalesce(b.rank, 0) as rank,
             (n.document_id is not null) as name_hit
      from body_hits b
      full join name_hits n on n.document_id = b.document_id
      join documents d on d.id = coalesce(b.document_id, n.document_id)
      join products p on p.id = d.product_id
      join subsidiaries s on s.id = p.subsidiary_id
      order by name_hit desc, rank desc, d.updated_at desc
      limit ${f.limit}
    ),
    windows as (
      select page.*, v.major, v.minor, v.body,
             greatest(1, coalesce((
               select min(nullif(strpos(lower(v.body),
                 case when length(l) > 4 and right(l, 1) = 'i' then left(l, -1) else l end), 0))
               from unnest(${lexemes}) l
             ), 1) - ${WINDOW_LEAD}) as window_start
      from page join document_versions v on v.id = page.current_version_id
    )
    select w.id as "documentId", w.kind, w.title, w.product_code as "productCode",
           w.product_name as "productName", w.subsidiary_code as "subsidiaryCode", w.major, w.minor,
           ts_headline('english', substr(w.body, w.window_start::int, ${WINDOW_CHARS}), ${tsq}, ${options}) as snippet
    from windows w
    order by w.name_hit desc, w.rank desc, w.updated_at desc
  `);
  return rowsOf(result).map((r) => ({
    documentId: String(r.documentId),
    kind: r.kind as DocumentKind,
    title: String(r.title),
    productCode: String(r.productCode),
    productName: String(r.productName),
    subsidiaryCode: String(r.subsidiaryCode),
    major: Number(r.major),
    minor: Number(r.minor),
    snippet: String(r.snippet ?? ''),
  }));
}
