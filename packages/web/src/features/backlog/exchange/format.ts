// The words of a Jira import: its progress and what the plan will do, pure so they are tested without a browser.
import type { JiraImportPlan, UploadProgress } from './api.ts';

/** Percent for the bar (null: working, no figure) and the words beside it. */
export function progressOf(p: UploadProgress | null, dryRun: boolean): { percent: number | null; label: string } {
  if (!p) return { percent: 0, label: '' };
  if (p.phase === 'processing') {
    return { percent: null, label: dryRun ? 'Reading the rows and matching keys…' : 'Saving the status changes…' };
  }
  const percent = p.total > 0 ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
  return { percent, label: `Uploading… ${percent}%` };
}

/** "12 status changes, 3 unchanged, 1 unknown key, 2 rows with no PI Studio key". */
export function planSummary(plan: JiraImportPlan): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(plan.updates.length, 'status change', 'status changes'),
    `${plan.unchanged.length} unchanged`,
    plan.unknown.length ? n(plan.unknown.length, 'unknown key', 'unknown keys') : '',
    plan.unlinked.length ? n(plan.unlinked.length, 'row with no PI Studio key', 'rows with no PI Studio key') : '',
    plan.problems.length ? n(plan.problems.length, 'problem', 'problems') : '',
  ]
    .filter(Boolean)
    .join(', ');
}
