// What the weekly intake report reads: decided gate reviews with their failing criteria, the review queue as it stood
// at the end of the week, submissions per week and overdue gate conditions. Raw SQL for the jsonb expansion; every
// query is limited to the subsidiaries the caller can see.
import type { GateReviewRecord } from '@pi-studio/core/metrics/gate-process';
import type { QueuedPrd } from '@pi-studio/core/reports/weekly-intake';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export type ReportScope = { visible: string[] | null; subsidiaryCode?: string };

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const ms = (v: unknown) => new Date(v as string | Date).getTime();
const iso = (t: number) => new Date(t).toISOString();

const FROM = sql`from gate_reviews r
  join documents d on d.id = r.document_id
  join products p on p.id = d.product_id
  join subsidiaries s on s.id = p.subsidiary_id`;

function scoped(scope: ReportScope): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.visible) {
    parts.push(
      scope.visible.length
        ? sql`p.subsidiary_id in (${sql.join(
            scope.visible.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  if (scope.subsidiaryCode) parts.push(sql`s.code = ${scope.subsidiaryCode}`);
  return sql.join(parts, sql` and `);
}

export type ReviewRow = GateReviewRecord & { subsidiary: string };

/**
 * Decided reviews of every PRD with a decision in [from, to), with all of that PRD's earlier decisions too (its first
 * verdict may lie before the window). Failing criteria: blocker or major findings not waived on that review.
 */
export async function decidedReviews(db: Executor, scope: ReportScope, from: number, to: number): Promise<ReviewRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select r.document_id as prd, s.code as subsidiary, r.submitted_at, r.decided_at, r.verdict,
        coalesce((
          select array_agg(distinct fd->>'criterion')
          from jsonb_array_elements(r.report->'findings') fd
          where fd->>'severity' in ('blocker', 'major')
            and not exists (select 1 from gate_waivers w where w.review_id = r.id and w.finding_id = fd->>'id')
        ), '{}') as failing
      ${FROM}
      where ${scoped(scope)} and r.verdict is not null and r.decided_at < ${iso(to)}::timestamptz
        and r.document_id in (
          select document_id from gate_reviews
          where verdict is not null and decided_at >= ${iso(from)}::timestamptz and decided_at < ${iso(to)}::timestamptz)
      order by r.decided_at, r.id`),
  );
  return rows.map((r) => ({
    prd: String(r.prd),
    subsidiary: String(r.subsidiary),
    submittedAt: ms(r.submitted_at),
    decidedAt: ms(r.decided_at),
    verdict: String(r.verdict) as GateReviewRecord['verdict'],
    failingCriteria: (r.failing as string[] | null) ?? [],
  }));
}

/**
 * The queue at `at`: PRDs submitted and not yet decided then (awaiting review), and PRDs whose last decision before
 * `at` was a fail with no new submission since (in rework).
 */
export async function queueAt(db: Executor, scope: ReportScope, at: number): Promise<QueuedPrd[]> {
  const t = sql`${iso(at)}::timestamptz`;
  const rows = rowsOf(
    await db.execute(sql`
      select p.code, d.title, coalesce(u.name, '') as author, r.submitted_at as since, 'review' as state
      ${FROM}
      left join users u on u.id = r.submitted_by
      where ${scoped(scope)} and r.submitted_at < ${t} and (r.decided_at is null or r.decided_at >= ${t})
        and r.status <> 'superseded'
      union all
      select p.code, d.title, coalesce(u.name, '') as author, r.decided_at as since, 'rework' as state
      ${FROM}
      left join users u on u.id = r.submitted_by
      where ${scoped(scope)} and r.verdict = 'fail' and r.decided_at < ${t}
        and not exists (
          select 1 from gate_reviews later where later.document_id = r.document_id
            and later.submitted_at > r.decided_at and later.submitted_at < ${t})
        and not exists (
          select 1 from gate_reviews other where other.document_id = r.document_id and other.verdict is not null
            and other.decided_at > r.decided_at and other.decided_at < ${t})`),
  );
  return rows.map((r) => ({
    prd: String(r.code),
    title: String(r.title),
    author: String(r.author),
    waitingSince: ms(r.since),
    state: r.state === 'review' ? 'review' : 'rework',
  }));
}

export async function submittedBetween(db: Executor, scope: ReportScope, from: number, to: number): Promise<number> {
  const [row] = rowsOf(
    await db.execute(sql`select count(*) as n ${FROM}
      where ${scoped(scope)} and r.submitted_at >= ${iso(from)}::timestamptz and r.submitted_at < ${iso(to)}::timestamptz`),
  );
  return Number(row?.n ?? 0);
}

/** Gate conditions past their due date and not done at `at`. */
export async function overdueConditionsAt(db: Executor, scope: ReportScope, at: number): Promise<number> {
  const day = iso(at).slice(0, 10);
  const [row] = rowsOf(
    await db.execute(sql`select count(*) as n from gate_conditions c
      join gate_reviews r on r.id = c.review_id
      join documents d on d.id = r.document_id
      join products p on p.id = d.product_id
      join subsidiaries s on s.id = p.subsidiary_id
      where ${scoped(scope)} and c.due_date < ${day}::date and c.created_at < ${iso(at)}::timestamptz
        and (not c.done or c.done_at >= ${iso(at)}::timestamptz)`),
  );
  return Number(row?.n ?? 0);
}
