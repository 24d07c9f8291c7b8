import { describe, expect, it } from 'vitest';
import type { TraceMatrix } from './api.ts';
import {
  filterMatrixRows,
  hasUatCases,
  isCaseStatus,
  isDefectState,
  matrixFilters,
  openDefectsLabel,
  retestLabel,
  uatFigures,
} from './matrix-uat.ts';

type Row = TraceMatrix['rows'][number];
type Case = Row['cases'][number];

const aCase = (over: Partial<Case> = {}): Case => ({
  key: 'PAY-TC-1',
  storyKey: 'PAY-S-1',
  result: 'untested',
  defects: [],
  ...over,
});

const aRow = (id: string, over: Partial<Row> = {}): Row => ({
  requirement: { id, text: `${id} text`, priority: 'Must', removed: false },
  stories: [],
  bugs: [],
  covered: true,
  cases: [],
  openDefects: 0,
  ...over,
});

const failed = aCase({
  key: 'PAY-TC-2',
  result: 'fail',
  defects: [{ key: 'PAY-BUG-1', state: 'open', retest: null }],
});
const rows: Row[] = [
  aRow('FR-1', { cases: [aCase()] }),
  aRow('FR-2', { covered: false }),
  aRow('FR-3', { cases: [failed], openDefects: 1 }),
  aRow('FR-4', { covered: false, requirement: { id: 'FR-4', text: '', priority: null, removed: true } }),
];
const ids = (list: readonly Row[]) => list.map((r) => r.requirement.id);

describe('the matrix filters', () => {
  it('keeps every row for "all", and only the requirements in scope with no story for "gaps"', () => {
    expect(ids(filterMatrixRows(rows, 'all'))).toEqual(['FR-1', 'FR-2', 'FR-3', 'FR-4']);
    expect(ids(filterMatrixRows(rows, 'gaps'))).toEqual(['FR-2']);
  });

  it('lists requirements with no test case (removed ones left out) and those with open defects', () => {
    expect(ids(filterMatrixRows(rows, 'no-case'))).toEqual(['FR-2']);
    expect(ids(filterMatrixRows(rows, 'open-defects'))).toEqual(['FR-3']);
  });

  it('offers the UAT filters only once there are test cases', () => {
    expect(matrixFilters(false)).toEqual(['all', 'gaps']);
    expect(matrixFilters(true)).toEqual(['all', 'gaps', 'no-case', 'open-defects']);
  });
});

describe('UAT in the matrix, in words', () => {
  it('knows whether the product has any test case yet, also one that traces to no requirement', () => {
    expect(hasUatCases({ caseCount: 0 })).toBe(false);
    expect(hasUatCases({ caseCount: 1 })).toBe(true);
  });

  it('says the latest retest in words, and never shows an unknown code', () => {
    expect(retestLabel(null)).toBe('Not retested yet');
    expect(retestLabel('pass')).toBe('Retest passed');
    expect(retestLabel('fail')).toBe('Retest failed');
    expect(retestLabel('blocked')).toBe('Retest blocked');
    expect(retestLabel('maybe')).toBe('Retest: unknown result');
  });

  it('accepts only the UAT vocabulary as results and defect states', () => {
    expect(['untested', 'pass', 'fail', 'blocked'].every(isCaseStatus)).toBe(true);
    expect(isCaseStatus('passed')).toBe(false);
    expect(['open', 'fixed', 'verified', 'reopened'].every(isDefectState)).toBe(true);
    expect(isDefectState('closed')).toBe(false);
  });

  it('gives the three figures above the table and a row count in words', () => {
    expect(uatFigures({ requirementsWithoutCase: ['FR-2'], casesNeverRun: ['A', 'B'], openDefects: 3 })).toEqual([
      { label: 'Requirements with no test case', value: 1 },
      { label: 'Test cases never run', value: 2 },
      { label: 'Open defects', value: 3 },
    ]);
    expect(openDefectsLabel(0)).toBe('None');
    expect(openDefectsLabel(1)).toBe('1 open defect');
    expect(openDefectsLabel(2)).toBe('2 open defects');
  });
});
