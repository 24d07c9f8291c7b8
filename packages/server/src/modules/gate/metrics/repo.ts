// Gate metrics read two small result sets: one row per review in the window, and rejection reasons grouped
// by week. Raw SQL because of the lateral jsonb expansion; counts are Number()ed (pg sends bigint as text).
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';

export type MetricsFilter = {
  from: Date;
  to: Date;
  visible: string[] | null;
  subsidiaryCode?: string;
  productType?: string;
};

export type ReviewFact = {
  id: string;
  week: string;
  status: string;
  verdict: string | null;
  attempt: number;
  firstTime: boolean;
  subsidiary: string;
  productType: string;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
};

/** `rule` null: the week's count for the whole criterion. */
export type ReasonFact = { week: string; criterion: string; rule: string | null; reviews: number };

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

// ISO week of submission, in UTC whatever the session time zone is.
const WEEK = sql`to_char(r.submitted_at at time zone 'UTC', 'IYYY-"W"IW')`;

const FROM = sql`from gate_reviews r
  join documents d on d.id = r.document_id
  join products p on p.id = d.product_id
  join subsidiaries s on s.id = p.subsidiary_id`;

function conditions(f: MetricsFilter): SQL {
  const parts: SQL[] = [
    sql`r.submitted_at >= ${f.from.toISOString()}::timestamptz`,
    sql`r.submitted_at <= ${f.to.toISOString()}::timestamptz`,
  ];
  if (f.visible) {
    parts.push(
      f.visible.length
        ? sql`p.subsidiary_id in (${sql.join(
            f.visible.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  if (f.subsidiaryCode) parts.push(sql`s.code = ${f.subsidiaryCode}`);
  if (f.productType) parts.push(sql`p.product_type = ${f.productType}`);
  return sql.join(parts, sql` and `);
}

export async function reviewFacts(db: Executor, f: MetricsFilter): Promise<ReviewFact[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select r.id, ${WEEK} as week, r.status, r.verdict, r.attempt, r.first_time,
        s.code as subsidiary, p.product_type,
        coalesce(va.id, sb.id) as author_id, coalesce(va.name, sb.name) as author_name,
        coalesce(va.email, sb.email) as author_email
      ${FROM}
      join document_versions v on v.id = r.version_id
      left join users va on va.id = v.author_id
      left join users sb on sb.id = r.submitted_by
      where ${conditions(f)}
      order by r.submitted_at, r.id`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    week: String(r.week),
    status: String(r.status),
    verdict: r.verdict === null ? null : String(r.verdict),
    attempt: Number(r.attempt),
    firstTime: r.first_time === true || r.first_time === 't',
    subsidiary: String(r.subsidiary),
    productType: String(r.product_type),
    authorId: r.author_id === null ? null : String(r.author_id),
    authorName: r.author_name === null ? null : String(r.author_name),
    authorEmail: r.author_email === null ? null : String(r.author_email),
  }));
}

/**
 * Blocker and major findings of failed or conditional reviews, counted once per review, by week, criterion and
 * rule, plus per week and criterion (rule null): a review failing two rules of one criterion counts once there.
 * A finding waived on that review was accepted by ProductOps, so it is no rejection reason.
 */
export async function reasonFacts(db: Executor, f: MetricsFilter): Promise<ReasonFact[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select week, criterion, rule, count(distinct review_id) as reviews
      from (
        select ${WEEK} as week, fd->>'criterion' as criterion, fd->>'rule' as rule, r.id as review_id
        ${FROM}
        cross join lateral jsonb_array_elements(r.report->'findings') as fd
        where ${conditions(f)}
          and r.verdict in ('fail', 'conditional')
          and fd->>'severity' in ('blocker', 'major')
          and not exists (
            select 1 from gate_waivers w where w.review_id = r.id and w.finding_id = fd->>'id'
          )
      ) reasons
      group by grouping sets ((week, criterion, rule), (week, criterion))`),
  );
  return rows.map((r) => ({
    week: String(r.week),
    criterion: String(r.criterion),
    rule: r.rule === null ? null : String(r.rule),
    reviews: Number(r.reviews),
  }));
}
