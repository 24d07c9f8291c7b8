// What the stories API sends, typed by the contract (core/contract/backlog.ts).
import type { Story } from '@pi-studio/core/contract/backlog';
import type { StoryRecord } from './repo.ts';

export function presentStory(s: StoryRecord): Story {
  return {
    id: s.id,
    key: s.key,
    number: s.number,
    type: s.type,
    title: s.title,
    narrative: s.narrative,
    acceptance: s.acceptance,
    priority: s.priority,
    status: s.status,
    estimate: s.estimate,
    sprint: s.sprint,
    requirements: s.requirements,
    revision: s.revision,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The ETag of a story: its revision, quoted (the If-Match form PATCH and DELETE accept). */
export const storyEtag = (revision: number) => `"${revision}"`;
