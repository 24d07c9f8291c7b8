// Gate metrics from per-review facts (pure, so the arithmetic is tested without a database).
// Weeks are submission cohorts: "of the PRDs submitted in week W, how many passed, and why did the others not".
import type { ReasonFact, ReviewFact } from './repo.ts';

type Counts = { submitted: number; decided: number; passed: number; conditional: number; failed: number };
type Tally = Counts & { firstAttempts: number; firstTimePasses: number };

const emptyTally = (): Tally => ({
  submitted: 0,
  decided: 0,
  passed: 0,
  conditional: 0,
  failed: 0,
  firstAttempts: 0,
  firstTimePasses: 0,
});

function add(t: Tally, r: ReviewFact): void {
  t.submitted += 1;
  if (r.status !== 'decided') return;
  t.decided += 1;
  if (r.verdict === 'pass') t.passed += 1;
  else if (r.verdict === 'conditional') t.conditional += 1;
  else if (r.verdict === 'fail') t.failed += 1;
  if (r.attempt === 1) {
    t.firstAttempts += 1;
    if (r.firstTime) t.firstTimePasses += 1;
  }
}

/** Percent 0–100 with one decimal; null when no first attempt has been decided yet. */
export function rate(passes: number, attempts: number): number | null {
  return attempts === 0 ? null : Math.round((passes / attempts) * 1000) / 10;
}

const out = ({ firstAttempts, firstTimePasses, ...counts }: Tally) => ({
  ...counts,
  firstTimePassRate: rate(firstTimePasses, firstAttempts),
});

function groupBy<K>(facts: readonly ReviewFact[], key: (r: ReviewFact) => K, id: (k: K) => string) {
  const groups = new Map<string, { key: K; tally: Tally }>();
  for (const r of facts) {
    const k = key(r);
    let g = groups.get(id(k));
    if (!g) {
      g = { key: k, tally: emptyTally() };
      groups.set(id(k), g);
    }
    add(g.tally, r);
  }
  return [...groups.values()];
}

/** Every ISO week label from `from` to `to`, so charts show empty weeks as zero instead of skipping them. */
export function isoWeeks(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  const day = 86_400_000;
  // Thursday of the first week decides its ISO year.
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * day;
  for (let t = monday; t < to.getTime() && weeks.length < 530; t += 7 * day) weeks.push(isoWeek(new Date(t)));
  return weeks;
}

export function isoWeek(d: Date): string {
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const byCount = <T extends { count: number }>(a: T, b: T, tie: (x: T, y: T) => number) =>
  b.count - a.count || tie(a, b);

export function gateMetrics(
  reviews: readonly ReviewFact[],
  reasons: readonly ReasonFact[],
  window: { from: Date; to: Date },
  topN = 10,
) {
  const total = emptyTally();
  for (const r of reviews) add(total, r);
  const weekly = new Map(groupBy(reviews, (r) => r.week, String).map((g) => [g.key, g.tally]));
  const byWeek = isoWeeks(window.from, window.to).map((week) => ({ week, ...out(weekly.get(week) ?? emptyTally()) }));

  const reasonTotals = new Map<string, { criterion: string; rule: string; count: number }>();
  const weekCriterion = new Map<string, { week: string; criterion: string; count: number }>();
  for (const r of reasons) {
    if (r.rule === null) {
      weekCriterion.set(`${r.week}\u0000${r.criterion}`, { week: r.week, criterion: r.criterion, count: r.reviews });
      continue;
    }
    const k = `${r.criterion}\u0000${r.rule}`;
    const t = reasonTotals.get(k) ?? { criterion: r.criterion, rule: r.rule, count: 0 };
    // A review belongs to one week, so summing the weeks' distinct counts stays a count of reviews.
    t.count += r.reviews;
    reasonTotals.set(k, t);
  }
  const topReasons = [...reasonTotals.values()]
    .sort((a, b) => byCount(a, b, (x, y) => x.rule.localeCompare(y.rule)))
    .slice(0, topN);
  const reasonsByWeek = [...weekCriterion.values()].sort(
    (a, b) => a.week.localeCompare(b.week) || byCount(a, b, (x, y) => x.criterion.localeCompare(y.criterion)),
  );

  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    firstTimePassRate: rate(total.firstTimePasses, total.firstAttempts),
    reviews: total.submitted,
    decided: total.decided,
    passed: total.passed,
    conditional: total.conditional,
    failed: total.failed,
    byWeek,
    topReasons,
    reasonsByWeek,
    bySubsidiary: groupBy(reviews, (r) => r.subsidiary, String)
      .map((g) => ({ subsidiary: g.key, ...out(g.tally) }))
      .sort((a, b) => a.subsidiary.localeCompare(b.subsidiary)),
    byProductType: groupBy(reviews, (r) => r.productType, String)
      .map((g) => ({ productType: g.key, ...out(g.tally) }))
      .sort((a, b) => a.productType.localeCompare(b.productType)),
    byAuthor: groupBy(
      reviews,
      (r) => (r.authorId ? { id: r.authorId, name: r.authorName ?? '', email: r.authorEmail ?? '' } : null),
      (a) => a?.id ?? '',
    )
      .map((g) => ({ author: g.key, ...out(g.tally) }))
      .sort((a, b) => b.submitted - a.submitted || (a.author?.name ?? '').localeCompare(b.author?.name ?? '')),
  };
}

export type GateMetrics = ReturnType<typeof gateMetrics>;
