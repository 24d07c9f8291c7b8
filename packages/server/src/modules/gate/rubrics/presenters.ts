// What the rubrics API sends, typed by the contract (core/contract/gate.ts).
import type { RubricSummary } from '@pi-studio/core/contract/gate';
import type { RubricRecord } from './repo.ts';

export function presentRubric(r: RubricRecord): RubricSummary {
  return {
    id: r.id,
    rubricId: r.rubricId,
    version: r.version,
    name: r.name,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    author: r.author,
  };
}
