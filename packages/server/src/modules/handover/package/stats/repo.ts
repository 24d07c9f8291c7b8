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
