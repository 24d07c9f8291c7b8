// Queries of what handover keeps missing, over the products a reader sees: post-handover gaps per checklist item,
// severity and whether they came during early-life support, and how many packages IT accepted (on the first
// handover, still in early-life support).
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { handoverGaps, handoverPackages } from '../../../../db/schema/handover.ts';
import { products } from '../../../../db/schema/workspace.ts';

export type GapStatRow = {
  itemId: string | null;
  severity: string;
  duringEls: boolean;
  gaps: number;
  products: number;
};

/** The last day of a package's early-life support (its acceptance day + els_days, 30 by default). */
const elsEnd = sql`(${handoverPackages.acceptedAt} at time zone 'UTC')::date + coalesce(${handoverPackages.elsDays}, 30)`;

/** Post-handover gaps per checklist item and severity over the products in `visible` (null: all). */
export async function gapStats(db: Executor, visible: readonly string[] | null): Promise<GapStatRow[]> {
  const where = visible ? (visible.length ? inArray(products.subsidiaryId, [...visible]) : sql`false`) : undefined;
  const rows = await db
    .select({
      itemId: handoverGaps.itemId,
      severity: handoverGaps.severity,
      duringEls: sql<boolean>`coalesce(${handoverGaps.reportedOn} <= ${elsEnd}, false)`,
      gaps: count(),
      products: sql<number>`count(distinct ${handoverPackages.productId})`,
    })
    .from(handoverGaps)
    .innerJoin(handoverPackages, eq(handoverPackages.id, handoverGaps.packageId))
    .innerJoin(products, eq(products.id, handoverPackages.productId))
    .where(where)
    .groupBy(handoverGaps.itemId, handoverGaps.severity, sql`3`);
  return rows.map((r) => ({ ...r, gaps: Number(r.gaps), products: Number(r.products) }));
}

/** How many packages IT accepted over the products in `visible` (null: all), and how many on the first handover. */
export async function acceptanceCounts(db: Executor, visible: readonly string[] | null, today: string) {
  const where = [eq(handoverPackages.status, 'accepted')];
  if (visible) where.push(visible.length ? inArray(products.subsidiaryId, [...visible]) : sql`false`);
  const [row] = await db
    .select({
      accepted: count(),
      firstTime: sql<number>`count(*) filter (where ${handoverPackages.acceptedOnFirstHandover})`,
      inEls: sql<number>`count(*) filter (where ${today}::date <= ${elsEnd})`,
    })
    .from(handoverPackages)
    .innerJoin(products, eq(products.id, handoverPackages.productId))
    .where(and(...where));
  return {
    accepted: Number(row?.accepted ?? 0),
    firstTime: Number(row?.firstTime ?? 0),
    inEls: Number(row?.inEls ?? 0),
  };
}

/** Accepted packages and the gaps logged against them, for the 30/60/90-day cohort table (core/metrics). */
export async function gapCohortFacts(db: Executor, visible: readonly string[] | null) {
  const where = [eq(handoverPackages.status, 'accepted')];
  if (visible) where.push(visible.length ? inArray(products.subsidiaryId, [...visible]) : sql`false`);
  const accepted = await db
    .select({ id: handoverPackages.id, acceptedAt: handoverPackages.acceptedAt })
    .from(handoverPackages)
    .innerJoin(products, eq(products.id, handoverPackages.productId))
    .where(and(...where));
  const ids = accepted.map((p) => p.id);
  const gaps = ids.length
    ? await db
        .select({ packageId: handoverGaps.packageId, reportedOn: handoverGaps.reportedOn })
        .from(handoverGaps)
        .where(inArray(handoverGaps.packageId, ids))
    : [];
  return {
    handovers: accepted.flatMap((p) => (p.acceptedAt ? [{ product: p.id, acceptedAt: p.acceptedAt.getTime() }] : [])),
    // A gap logged on a day counts at the end of that day: the day of acceptance itself is inside the first 30 days.
    gaps: gaps.map((g) => ({ product: g.packageId, createdAt: Date.parse(`${g.reportedOn}T23:59:59Z`), category: '' })),
  };
}
