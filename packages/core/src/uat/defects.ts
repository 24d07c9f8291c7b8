// Where a defect stands (issue #13). The stored state moves only by runs: a failure opens it, a retest verifies it
// (pass) or reopens it (fail). "fixed" is read, not stored: a defect that is open or reopened shows as fixed while its
// bug story is done in the backlog, so marking the bug done needs no UAT call and undoing it needs none either.
import type { UatDefectState, UatResult } from '../contract/uat.ts';

export type StoredDefectState = 'open' | 'verified' | 'reopened';

export function effectiveDefectState(stored: string, bugStatus: string | null): UatDefectState {
  if (stored === 'verified') return 'verified';
  if (bugStatus === 'done') return 'fixed';
  return stored === 'reopened' ? 'reopened' : 'open';
}

/** Counts towards "open defects" until a retest verifies it. */
export const isUnresolved = (state: UatDefectState) => state !== 'verified';

/** The state a retest leaves a fixed defect in; a blocked retest proves nothing and changes nothing (null). */
export function afterRetest(result: UatResult): StoredDefectState | null {
  if (result === 'pass') return 'verified';
  return result === 'fail' ? 'reopened' : null;
}

/** The backlog status a reopened bug goes back to: `ready`, so it is picked up again in the next planning. */
export const REOPENED_BUG_STATUS = 'ready';
