// What PI Studio exchanges with trackers (Jira, Azure DevOps): one story or bug as the backlog holds it, reduced to
// the fields a tracker's CSV importer understands. Pure data; the server builds these from the backlog.
import type { Priority } from '../stories/priority.ts';

/** The backlog's statuses, in their order: backlog → ready → in progress → done. */
export const STORY_STATUSES = ['backlog', 'ready', 'in_progress', 'done'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export type ExchangeItem = {
  /** Our naming-convention key (`FINTX-PAYOUTS-S-12`): the external id a round trip matches on. */
  key: string;
  type: 'story' | 'bug';
  title: string;
  /** "As a … I want … so that …" (or a bug's description). */
  narrative: string;
  /** Acceptance criteria as Gherkin text (Given/When/Then lines). */
  acceptance: string;
  priority: Priority | null;
  status: StoryStatus;
  /** The product's code (`FINTX-PAYOUTS`), exported as a label or tag. */
  product: string;
  /** Our key of the parent item (an epic or a story), if any. */
  parentKey?: string | null;
  requirementIds: string[];
};

/** Something wrong with one cell, row or the whole file. `line` is 1-based in the file (the header is line 1);
 * `field` names the column, or `encoding` / `file` for problems of the whole input. */
export type ExchangeProblem = { line: number; field: string; message: string };
