// The product page's backlog summary (issue #12): stories and bugs by status, the matrix's coverage and gaps, open
// drift, pending change requests, the active sprint's commitment, and whether the product may move to UAT. Counts
// are aggregated by the database; drift is the drift report's (trace/service.ts), counted.
import {
  type BacklogSummary,
  STORY_STATUSES,
  type StatusCounts,
  type StoryStatus,
} from '@pi-studio/core/contract/backlog';
import { coveragePercent } from '@pi-studio/core/trace/coverage';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { countPendingChangeRequests } from '../changes/repo.ts';
import { backlogProduct } from '../policy.ts';
import { productStage } from '../repo.ts';
import { findActiveSprint, findSprint } from '../sprints/repo.ts';
import { presentReadiness, readinessOf } from '../stage/service.ts';
import { traceDrift } from '../trace/service.ts';
import { coverageCounts, storyStatusCounts } from './repo.ts';

function countsOf(rows: { status: string; n: number }[]): StatusCounts {
  const counts: StatusCounts = { backlog: 0, ready: 0, in_progress: 0, done: 0, total: 0 };
  for (const r of rows) {
    const status = STORY_STATUSES.find((s): s is StoryStatus => s === r.status);
    if (status) counts[status] += r.n;
    counts.total += r.n;
  }
  return counts;
}

export async function backlogSummary(ctx: UseCaseCtx, code: string): Promise<BacklogSummary> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const [byStatus, coverage, pending, active, stage, drift] = await Promise.all([
    storyStatusCounts(db, product.id),
    coverageCounts(db, product.id),
    countPendingChangeRequests(db, product.id),
    findActiveSprint(db, product.id).then((a) => (a ? findSprint(db, product.id, a.id) : null)),
    productStage(db, product.id),
    traceDrift(ctx, code),
  ]);
  const readiness = await readinessOf(db, product.id, stage);
  return {
    stories: countsOf(byStatus.filter((r) => r.type !== 'bug')),
    bugs: countsOf(byStatus.filter((r) => r.type === 'bug')),
    coverage: coveragePercent(coverage.covered, coverage.total),
    requirementGaps: coverage.total - coverage.covered,
    openDriftItems: drift.items.length,
    pendingChangeRequests: pending,
    activeSprint: active
      ? {
          id: active.id,
          name: active.name,
          committedDone: active.committedDone,
          committedTotal: active.committedTotal,
        }
      : null,
    uatReadiness: presentReadiness(readiness),
  };
}
