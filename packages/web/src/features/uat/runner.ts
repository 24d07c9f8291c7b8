// The runner's choices, kept out of the components: which case comes before and after, where a tester starts, and
// whether a result is a retest (tests: runner.test.ts).
import type { UatCase, UatCaseDetail, UatCaseStatus, UatDefect, UatRun } from '@pi-studio/core/contract/uat';

export type Position = { index: number; total: number; prev: string | null; next: string | null };

/** Where a case stands in the session's order (cases come sorted by position); null when it is not there. */
export function positionOf(cases: readonly Pick<UatCase, 'key'>[], key: string): Position | null {
  const index = cases.findIndex((c) => c.key === key);
  if (index < 0) return null;
  return {
    index,
    total: cases.length,
    prev: cases[index - 1]?.key ?? null,
    next: cases[index + 1]?.key ?? null,
  };
}

/** A tester starts at the first case not run yet, or at the first case when every one has a result. */
export function firstToRun(cases: readonly Pick<UatCase, 'key' | 'status'>[]): string | null {
  return (cases.find((c) => c.status === 'untested') ?? cases[0])?.key ?? null;
}

/**
 * The defect a result on this case would retest: one whose bug is done in the backlog ("fixed"). A retest's pass
 * verifies it and a fail reopens it, so the runner says so and records the run as a retest.
 */
export function defectToRetest(detail: Pick<UatCaseDetail, 'defects'>): UatDefect | null {
  return detail.defects.find((d) => d.state === 'fixed') ?? null;
}

/**
 * A case's status as one tester sees it: their latest result on it, or untested. A guest sees only their own results,
 * so their list and runner show this rather than the session's status, which counts everyone's.
 */
export function ownStatus(
  caseKey: string,
  runs: readonly Pick<UatRun, 'caseKey' | 'result' | 'createdAt'>[],
): UatCaseStatus {
  let latest: Pick<UatRun, 'result' | 'createdAt'> | null = null;
  for (const r of runs) if (r.caseKey === caseKey && (!latest || r.createdAt > latest.createdAt)) latest = r;
  return latest?.result ?? 'untested';
}
