// Words the UAT pages show: statuses, results and defect states in words (never the API's codes), the counts line,
// and the summary of a generation. Pure, so the list, the session page and the runner say the same thing
// (tests: format.test.ts).
import type {
  UatCaseStatus,
  UatCounts,
  UatDefectState,
  UatGenerated,
  UatResult,
  UatRunKind,
  UatSessionStatus,
} from '@pi-studio/core/contract/uat';

export const SESSION_STATUS_LABEL: Record<UatSessionStatus, string> = {
  planned: 'Planned',
  running: 'Running',
  closed: 'Closed',
};
export const SESSION_STATUS_COLOR: Record<UatSessionStatus, string> = {
  planned: 'gray',
  running: 'blue',
  closed: 'green',
};

export const CASE_STATUS_LABEL: Record<UatCaseStatus, string> = {
  untested: 'Not run',
  pass: 'Passed',
  fail: 'Failed',
  blocked: 'Blocked',
};
export const CASE_STATUS_COLOR: Record<UatCaseStatus, string> = {
  untested: 'gray',
  pass: 'green',
  fail: 'red',
  blocked: 'orange',
};

/** The runner's buttons: what the tester says. */
export const RESULT_LABEL: Record<UatResult, string> = { pass: 'Pass', fail: 'Fail', blocked: 'Blocked' };

export const RUN_KIND_LABEL: Record<UatRunKind, string> = { run: 'Run', retest: 'Retest' };

export const DEFECT_STATE_LABEL: Record<UatDefectState, string> = {
  open: 'Open',
  fixed: 'Fixed, to retest',
  verified: 'Verified',
  reopened: 'Reopened',
};
export const DEFECT_STATE_COLOR: Record<UatDefectState, string> = {
  open: 'red',
  fixed: 'blue',
  verified: 'green',
  reopened: 'orange',
};

export const GUEST_LINK_STATE_LABEL: Record<'active' | 'expired' | 'revoked', string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Why a session takes no results now, in words for the runner; null while it runs. */
export function notRunningReason(status: UatSessionStatus, canStart: boolean): string | null {
  if (status === 'running') return null;
  if (status === 'closed') return 'This session is closed: results can no longer be recorded.';
  return canStart
    ? 'This session has not started yet: start it (on the session page) to record results.'
    : 'This session has not started yet: results can be recorded once it is running.';
}

/** Sessions newest first (the API lists them by number, oldest first): the latest is the one being tested. */
export const newestFirst = <T extends { number: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => b.number - a.number);

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "4 cases: 2 passed, 1 failed, 1 not run · 1 open defect"; parts that are zero are left out. */
export function countsLine(c: UatCounts): string {
  if (c.cases === 0) return 'No test cases yet';
  const parts = [
    c.pass ? `${c.pass} passed` : '',
    c.fail ? `${c.fail} failed` : '',
    c.blocked ? `${c.blocked} blocked` : '',
    c.untested ? `${c.untested} not run` : '',
  ].filter(Boolean);
  const defects = c.openDefects ? ` · ${plural(c.openDefects, 'open defect')}` : '';
  return `${plural(c.cases, 'case')}: ${parts.join(', ')}${defects}`;
}

/** Share of the cases run at least once, 0–100 (for a progress bar). */
export const progressPercent = (c: UatCounts) =>
  c.cases === 0 ? 0 : Math.round(((c.cases - c.untested) / c.cases) * 100);

/** "2 created, 1 unchanged, skipped: RT-3 because no Gherkin scenario in its acceptance criteria". */
export function generatedLine(g: Pick<UatGenerated, 'created' | 'unchanged' | 'skipped'>): string {
  const head = `${g.created.length} created, ${g.unchanged} unchanged`;
  if (g.skipped.length === 0) return head;
  const skipped = g.skipped.map((s) => `${s.storyKey} because ${s.reason}`).join('; ');
  return `${head}, skipped: ${skipped}`;
}

/** "3.2 MB", "840 KB": file sizes in the screenshot checks' messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
