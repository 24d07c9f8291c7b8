// Each sprint's metrics (core/trace/sprint-metrics.ts): the commitment counts come with the sprint row (repo.ts);
// the clarifications and the product's change requests are read once for all the sprints asked about.
import type { SprintMetrics } from '@pi-studio/core/contract/backlog';
import { sprintMetrics } from '@pi-studio/core/trace/sprint-metrics';
import type { Executor } from '../../../db/client.ts';
import { changeRequestTimes } from '../changes/repo.ts';
import { clarificationTimes } from '../clarifications/repo.ts';
import type { SprintRecord } from './repo.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function metricsOf(
  db: Executor,
  productId: string,
  sprints: readonly SprintRecord[],
): Promise<Map<string, SprintMetrics>> {
  const [clarifications, raised] = await Promise.all([
    clarificationTimes(
      db,
      sprints.map((s) => s.id),
    ),
    sprints.some((s) => s.startedAt) ? changeRequestTimes(db, productId) : Promise.resolve([]),
  ]);
  const changeRequests = raised.map((at) => ({ createdAt: at.toISOString() }));
  return new Map(
    sprints.map((s) => [
      s.id,
      sprintMetrics({
        startedAt: iso(s.startedAt),
        endedAt: iso(s.endedAt),
        clarifications: clarifications
          .filter((c) => c.sprintId === s.id)
          .map((c) => ({ askedAt: c.askedAt.toISOString(), answeredAt: iso(c.answeredAt) })),
        changeRequests,
        storiesAddedAfterStart: s.addedAfterStart,
        committedTotal: s.committedTotal,
        committedDone: s.committedDone,
      }),
    ]),
  );
}
