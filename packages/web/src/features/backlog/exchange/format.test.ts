import { describe, expect, it } from 'vitest';
import type { JiraImportPlan } from './api.ts';
import { planSummary, progressOf } from './format.ts';

const plan = (patch: Partial<JiraImportPlan>): JiraImportPlan => ({
  dryRun: true,
  applied: false,
  updates: [],
  unchanged: [],
  unknown: [],
  unlinked: [],
  problems: [],
  applicable: true,
  ...patch,
});

describe('Jira import in words', () => {
  it('shows upload progress in percent, then the server at work without a figure', () => {
    expect(progressOf({ phase: 'uploading', loaded: 512, total: 1024 }, true)).toEqual({
      percent: 50,
      label: 'Uploading… 50%',
    });
    expect(progressOf({ phase: 'uploading', loaded: 10, total: 0 }, true).percent).toBe(0);
    expect(progressOf({ phase: 'processing' }, true)).toEqual({
      percent: null,
      label: 'Reading the rows and matching keys…',
    });
    expect(progressOf({ phase: 'processing' }, false).label).toBe('Saving the status changes…');
  });

  it('sums up a plan, leaving out what is empty', () => {
    const update = { key: 'P-S-1', issueKey: 'J-1', line: 2, from: 'backlog', to: 'done' } as const;
    expect(planSummary(plan({ updates: [update], unchanged: ['P-S-2', 'P-S-3'] }))).toBe(
      '1 status change, 2 unchanged',
    );
    expect(
      planSummary(
        plan({ unknown: ['X-1', 'X-2'], unlinked: ['J-9'], problems: [{ line: 3, field: 'Status', message: 'm' }] }),
      ),
    ).toBe('0 status changes, 0 unchanged, 2 unknown keys, 1 row with no PI Studio key, 1 problem');
  });
});
