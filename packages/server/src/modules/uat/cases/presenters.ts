// What the cases API sends, typed by the contract (core/contract/uat.ts).
import type { UatCase } from '@pi-studio/core/contract/uat';
import type { CaseRecord } from './repo.ts';

export function presentCase(c: CaseRecord): UatCase {
  return {
    id: c.id,
    key: c.key,
    sessionKey: c.sessionKey,
    title: c.title,
    storyKey: c.storyKey,
    storyRevision: c.storyRevision,
    steps: c.steps.map((s) => ({ keyword: s.keyword, text: s.text })),
    position: c.position,
    status: c.status,
    updatedAt: c.updatedAt.toISOString(),
  };
}
