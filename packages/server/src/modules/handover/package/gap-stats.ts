// What handover keeps missing, across the products the reader sees: post-handover gaps per checklist item (with the
// item's text from the built-in template) and severity — the input for the checklist template's next version — and
// the charter's success figure, the share of packages IT accepted on the first handover; how many packages are in
// early-life support now, and how many gaps came during it (the ones handover should have caught) or after.
import type { GapStats } from '@pi-studio/core/contract/handover-package';
import { READINESS_CHECKLIST_V1 } from '@pi-studio/core/handover-package/checklist-v1';
import { postHandoverGaps } from '@pi-studio/core/metrics/delivery-process';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { acceptanceCounts, gapCohortFacts, gapStats as gapStatRows } from './stats/repo.ts';

const LABELS = new Map(READINESS_CHECKLIST_V1.items.map((i) => [i.id, i.text]));
const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;

export async function gapStats(ctx: UseCaseCtx): Promise<GapStats> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const visible = visibleSubsidiaries(actor);
  const [rows, acceptance, facts] = await Promise.all([
    gapStatRows(ctx.deps.db, visible),
    acceptanceCounts(ctx.deps.db, visible, ctx.deps.now().toISOString().slice(0, 10)),
    gapCohortFacts(ctx.deps.db, visible),
  ]);
  const byItem = new Map<string, GapStats['items'][number]>();
  for (const r of rows) {
    const key = r.itemId ?? '';
    const item = byItem.get(key) ?? {
      itemId: r.itemId,
      label: r.itemId ? (LABELS.get(r.itemId) ?? null) : null,
      gaps: 0,
      critical: 0,
      major: 0,
      minor: 0,
      duringEls: 0,
    };
    item.gaps += r.gaps;
    if (r.duringEls) item.duringEls += r.gaps;
    if (r.severity in SEVERITY_ORDER) item[r.severity as keyof typeof SEVERITY_ORDER] += r.gaps;
    byItem.set(key, item);
  }
  const items = [...byItem.values()].sort(
    (a, b) =>
      b.critical - a.critical ||
      b.major - a.major ||
      b.gaps - a.gaps ||
      (a.itemId ?? '~').localeCompare(b.itemId ?? '~'),
  );
  const { accepted, firstTime } = acceptance;
  return {
    accepted,
    acceptedOnFirstHandover: firstTime,
    firstHandoverRate: accepted ? Math.round((100 * firstTime) / accepted) : null,
    items,
    earlyLifeSupport: {
      active: acceptance.inEls,
      gapsDuringEls: rows.reduce((n, r) => n + (r.duringEls ? r.gaps : 0), 0),
      gapsAfterEls: rows.reduce((n, r) => n + (r.duringEls ? 0 : r.gaps), 0),
    },
    cohorts: postHandoverGaps(facts.handovers, facts.gaps, ctx.deps.now().getTime()).map((c) => ({
      cohort: c.cohort,
      products: c.products,
      mean: { '30': c.mean[30], '60': c.mean[60], '90': c.mean[90] },
      zeroShare: { '30': c.zeroShare[30], '60': c.zeroShare[60], '90': c.zeroShare[90] },
    })),
  };
}
