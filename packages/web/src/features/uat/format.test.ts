import { UAT_CASE_STATUSES, UAT_DEFECT_STATES, UAT_SESSION_STATUSES } from '@pi-studio/core/contract/uat';
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUS_LABEL,
  countsLine,
  DEFECT_STATE_LABEL,
  formatBytes,
  generatedLine,
  newestFirst,
  notRunningReason,
  progressPercent,
  SESSION_STATUS_LABEL,
} from './format.ts';

const counts = (over: Partial<Parameters<typeof countsLine>[0]> = {}) => ({
  cases: 0,
  untested: 0,
  pass: 0,
  fail: 0,
  blocked: 0,
  openDefects: 0,
  ...over,
});

describe('labels', () => {
  it('name every status and state of the contract in words, never its code', () => {
    for (const s of UAT_CASE_STATUSES) expect(CASE_STATUS_LABEL[s]).toMatch(/^[A-Z][a-z ,]+$/);
    for (const s of UAT_DEFECT_STATES) expect(DEFECT_STATE_LABEL[s]).toMatch(/^[A-Z][a-z ,]+$/);
    for (const s of UAT_SESSION_STATUSES) expect(SESSION_STATUS_LABEL[s]).toMatch(/^[A-Z][a-z ,]+$/);
    expect(CASE_STATUS_LABEL.untested).toBe('Not run');
    expect(DEFECT_STATE_LABEL.fixed).toBe('Fixed, to retest');
  });
});

describe('countsLine', () => {
  it('says there are no cases yet', () => {
    expect(countsLine(counts())).toBe('No test cases yet');
  });

  it('lists the results that occur, and the open defects', () => {
    expect(countsLine(counts({ cases: 4, pass: 2, fail: 1, untested: 1, openDefects: 1 }))).toBe(
      '4 cases: 2 passed, 1 failed, 1 not run · 1 open defect',
    );
    expect(countsLine(counts({ cases: 1, untested: 1 }))).toBe('1 case: 1 not run');
    expect(countsLine(counts({ cases: 3, blocked: 3, openDefects: 2 }))).toBe('3 cases: 3 blocked · 2 open defects');
  });
});

describe('progressPercent', () => {
  it('is the share of cases with a result, rounded', () => {
    expect(progressPercent(counts())).toBe(0);
    expect(progressPercent(counts({ cases: 3, untested: 1, pass: 2 }))).toBe(67);
    expect(progressPercent(counts({ cases: 2, pass: 2 }))).toBe(100);
  });
});

describe('generatedLine', () => {
  const created = (n: number) => Array.from({ length: n }) as never[];

  it('says what was created and left unchanged', () => {
    expect(generatedLine({ created: created(2), unchanged: 1, skipped: [] })).toBe('2 created, 1 unchanged');
    expect(generatedLine({ created: [], unchanged: 0, skipped: [] })).toBe('0 created, 0 unchanged');
  });

  it('names each skipped story and why', () => {
    const line = generatedLine({
      created: created(1),
      unchanged: 0,
      skipped: [
        { storyKey: 'RT-3', reason: 'no Gherkin steps in its acceptance criteria' },
        { storyKey: 'RT-7', reason: 'no acceptance criteria' },
      ],
    });
    expect(line).toBe(
      '1 created, 0 unchanged, skipped: RT-3 because no Gherkin steps in its acceptance criteria; RT-7 because no acceptance criteria',
    );
  });
});

describe('formatBytes', () => {
  it('uses the largest unit that fits', () => {
    expect(formatBytes(500)).toBe('500 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(6.5 * 1024 * 1024)).toBe('6.5 MB');
  });
});

describe('notRunningReason', () => {
  it('is null while the session runs, and says why otherwise', () => {
    expect(notRunningReason('running', true)).toBeNull();
    expect(notRunningReason('closed', true)).toBe('This session is closed: results can no longer be recorded.');
    expect(notRunningReason('planned', true)).toMatch(/start it/);
    expect(notRunningReason('planned', false)).toBe(
      'This session has not started yet: results can be recorded once it is running.',
    );
  });
});

describe('newestFirst', () => {
  it('puts the highest session number first without changing the list it was given', () => {
    const listed = [{ number: 1 }, { number: 2 }, { number: 3 }];
    expect(newestFirst(listed).map((s) => s.number)).toEqual([3, 2, 1]);
    expect(listed.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(newestFirst([])).toEqual([]);
  });
});
