// What the sprints API sends, typed by the contract (core/contract/backlog.ts).
import type { Sprint, SprintMetrics } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { SprintRecord } from './repo.ts';

export function presentSprint(s: SprintRecord, metrics: SprintMetrics): Sprint {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    baseline: s.baseline ? { id: s.baseline.id, version: formatVersion(s.baseline) } : null,
    committedStoryIds: s.committedStoryIds,
    storyCount: s.storyCount,
    startedAt: s.startedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    metrics,
  };
}
