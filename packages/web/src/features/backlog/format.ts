// Words and numbers the backlog shows: statuses, types and sprint states in words, coverage and the summary line.
// Pure, so the product page's card and the backlog page say the same thing (tests: format.test.ts).
import type { SprintStatus, StoryStatus, StoryType } from '@pi-studio/core/contract/backlog';

export const STORY_STATUS_LABEL: Record<StoryStatus, string> = {
  backlog: 'Backlog',
  ready: 'Ready',
  in_progress: 'In progress',
  done: 'Done',
};
export const STORY_STATUS_COLOR: Record<StoryStatus, string> = {
  backlog: 'gray',
  ready: 'blue',
  in_progress: 'yellow',
  done: 'green',
};
export const STORY_TYPE_LABEL: Record<StoryType, string> = { story: 'Story', bug: 'Bug' };
export const SPRINT_STATUS_LABEL: Record<SprintStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  ended: 'Ended',
};
export const SPRINT_STATUS_COLOR: Record<SprintStatus, string> = { planned: 'gray', active: 'blue', ended: 'green' };

/** Options for pickers: the id as value, its words shown. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Covered = { storyCount: number; removedIn: unknown };

/** Requirements still in the PRD (a removed one no longer asks for a story). */
export const currentRequirements = <R extends { removedIn: unknown }>(items: readonly R[]): R[] =>
  items.filter((r) => r.removedIn === null);

/** Requirements with at least one story out of those still in the PRD. */
export function coverage(items: readonly Covered[]): { covered: number; total: number; percent: number | null } {
  const current = currentRequirements(items);
  const covered = current.filter((r) => r.storyCount > 0).length;
  return {
    covered,
    total: current.length,
    percent: current.length === 0 ? null : Math.round((covered / current.length) * 100),
  };
}

/** "3 of 5 requirements have a story (60%)"; "No requirements synced yet" when there are none. */
export function coverageLabel(c: { covered: number; total: number; percent: number | null }): string {
  if (c.total === 0 || c.percent === null) return 'No requirements synced yet';
  return `${c.covered} of ${plural(c.total, 'requirement')} ${c.total === 1 ? 'has' : 'have'} a story (${c.percent}%)`;
}

/** The summary card's coverage line, which also says what to do before there is anything to cover. */
export function summaryCoverage(list: { baseline: { version: string } | null; items: readonly Covered[] }): string {
  if (list.items.length > 0) return coverageLabel(coverage(list.items));
  if (list.baseline)
    return `PRD version ${list.baseline.version} passed the gate; its requirements are not synced yet.`;
  return 'No PRD has passed the gate yet: the backlog starts from the version that passes.';
}
