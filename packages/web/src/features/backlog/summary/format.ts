// The summary's figures in words, pure so they are tested without a browser.

import { plural } from '../format.ts';
import type { BacklogSummary } from './api.ts';

/** "2 drift items · 1 change request waiting for a decision · 1 requirement without a story" (only what is not 0). */
export function attentionLine(s: BacklogSummary): string {
  return [
    s.openDriftItems ? plural(s.openDriftItems, 'drift item') : '',
    s.pendingChangeRequests ? `${plural(s.pendingChangeRequests, 'change request')} waiting for a decision` : '',
    s.requirementGaps ? `${plural(s.requirementGaps, 'requirement')} without a story` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Sprint 3 running: 4 of 6 committed stories done"; null when no sprint runs. */
export function activeSprintLine(s: BacklogSummary): string | null {
  const a = s.activeSprint;
  if (!a) return null;
  return `${a.name} running: ${a.committedDone} of ${plural(a.committedTotal, 'committed story', 'committed stories')} done`;
}
