import { describe, expect, it } from 'vitest';
import { coverage, coverageLabel, currentRequirements, summaryCoverage } from './format.ts';

const req = (storyCount: number, removed = false) => ({
  storyCount,
  removedIn: removed ? { id: 'x', version: '1.1' } : null,
});

describe('coverage', () => {
  it('counts requirements with at least one story out of those still in the PRD', () => {
    const c = coverage([req(2), req(0), req(1), req(0, true), req(3, true)]);
    expect(c).toEqual({ covered: 2, total: 3, percent: 67 });
    expect(coverageLabel(c)).toBe('2 of 3 requirements have a story (67%)');
  });

  it('says so when there is nothing to cover', () => {
    const c = coverage([req(0, true)]);
    expect(c.percent).toBeNull();
    expect(coverageLabel(c)).toBe('No requirements synced yet');
  });

  it('reads one requirement in the singular', () => {
    expect(coverageLabel(coverage([req(1)]))).toBe('1 of 1 requirement has a story (100%)');
  });

  it('leaves removed requirements out of the current ones', () => {
    expect(currentRequirements([req(0), req(0, true)])).toHaveLength(1);
  });
});

describe('summaryCoverage', () => {
  it('says what comes next before anything is synced', () => {
    expect(summaryCoverage({ baseline: null, items: [] })).toBe(
      'No PRD has passed the gate yet: the backlog starts from the version that passes.',
    );
    expect(summaryCoverage({ baseline: { version: '1.0' }, items: [] })).toBe(
      'PRD version 1.0 passed the gate; its requirements are not synced yet.',
    );
    expect(summaryCoverage({ baseline: { version: '1.0' }, items: [req(1), req(0)] })).toBe(
      '1 of 2 requirements have a story (50%)',
    );
  });
});
