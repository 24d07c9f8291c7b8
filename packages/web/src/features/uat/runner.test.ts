import type { UatDefect } from '@pi-studio/core/contract/uat';
import { describe, expect, it } from 'vitest';
import { defectToRetest, firstToRun, ownStatus, positionOf } from './runner.ts';

const cases = [
  { key: 'RT-TC-1', status: 'pass' as const },
  { key: 'RT-TC-2', status: 'untested' as const },
  { key: 'RT-TC-3', status: 'untested' as const },
];

describe('positionOf', () => {
  it('gives the place and the neighbours', () => {
    expect(positionOf(cases, 'RT-TC-1')).toEqual({ index: 0, total: 3, prev: null, next: 'RT-TC-2' });
    expect(positionOf(cases, 'RT-TC-2')).toEqual({ index: 1, total: 3, prev: 'RT-TC-1', next: 'RT-TC-3' });
    expect(positionOf(cases, 'RT-TC-3')).toEqual({ index: 2, total: 3, prev: 'RT-TC-2', next: null });
  });

  it('is null for a case not in the session (an old or mistyped address)', () => {
    expect(positionOf(cases, 'RT-TC-9')).toBeNull();
    expect(positionOf([], 'RT-TC-1')).toBeNull();
  });
});

describe('firstToRun', () => {
  it('starts at the first case not run yet', () => {
    expect(firstToRun(cases)).toBe('RT-TC-2');
  });

  it('starts at the first case when all have a result, and has none without cases', () => {
    expect(
      firstToRun([
        { key: 'A', status: 'fail' },
        { key: 'B', status: 'pass' },
      ]),
    ).toBe('A');
    expect(firstToRun([])).toBeNull();
  });
});

describe('defectToRetest', () => {
  const defect = (state: UatDefect['state']) => ({ state, bugKey: `RT-BUG-${state}` }) as UatDefect;

  it('is the fixed defect: a retest verifies or reopens it', () => {
    expect(defectToRetest({ defects: [defect('verified'), defect('fixed')] })?.bugKey).toBe('RT-BUG-fixed');
  });

  it('is none while the defect is open or reopened (nothing to retest yet) or verified', () => {
    expect(defectToRetest({ defects: [defect('open'), defect('reopened'), defect('verified')] })).toBeNull();
    expect(defectToRetest({ defects: [] })).toBeNull();
  });
});

describe('ownStatus', () => {
  const run = (caseKey: string, result: 'pass' | 'fail' | 'blocked', createdAt: string) => ({
    caseKey,
    result,
    createdAt,
  });

  it("is the tester's latest result on the case, whatever the order of the list", () => {
    const runs = [
      run('RT-TC-1', 'fail', '2026-12-07T10:00:00.000Z'),
      run('RT-TC-1', 'pass', '2026-12-07T11:00:00.000Z'),
      run('RT-TC-2', 'blocked', '2026-12-07T09:00:00.000Z'),
    ];
    expect(ownStatus('RT-TC-1', runs)).toBe('pass');
    expect(ownStatus('RT-TC-1', [...runs].reverse())).toBe('pass');
    expect(ownStatus('RT-TC-2', runs)).toBe('blocked');
  });

  it('is untested for a case the tester has not run', () => {
    expect(ownStatus('RT-TC-3', [run('RT-TC-1', 'pass', '2026-12-07T10:00:00.000Z')])).toBe('untested');
    expect(ownStatus('RT-TC-1', [])).toBe('untested');
  });
});
