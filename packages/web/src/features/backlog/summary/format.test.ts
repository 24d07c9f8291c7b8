import { describe, expect, it } from 'vitest';
import type { BacklogSummary } from './api.ts';
import { activeSprintLine, attentionLine } from './format.ts';

const counts = { backlog: 0, ready: 0, in_progress: 0, done: 0, total: 0 };
const summary = (patch: Partial<BacklogSummary>): BacklogSummary => ({
  stories: counts,
  bugs: counts,
  coverage: 0,
  requirementGaps: 0,
  openDriftItems: 0,
  pendingChangeRequests: 0,
  activeSprint: null,
  uatReadiness: { ready: false, reason: 'No sprint has ended yet.' },
  ...patch,
});

describe('the backlog summary in words', () => {
  it('lists only what needs attention', () => {
    expect(attentionLine(summary({}))).toBe('');
    expect(attentionLine(summary({ openDriftItems: 2, pendingChangeRequests: 1, requirementGaps: 1 }))).toBe(
      '2 drift items · 1 change request waiting for a decision · 1 requirement without a story',
    );
  });

  it('names the running sprint and its commitment', () => {
    expect(activeSprintLine(summary({}))).toBeNull();
    expect(
      activeSprintLine(
        summary({
          activeSprint: {
            id: '00000000-0000-4000-8000-000000000001',
            name: 'Sprint 3',
            committedDone: 1,
            committedTotal: 1,
          },
        }),
      ),
    ).toBe('Sprint 3 running: 1 of 1 committed story done');
  });
});
