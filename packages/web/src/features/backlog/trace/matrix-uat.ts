// The matrix's UAT part in words (issue #13): requirement → story → test case → latest result → defect → retest.
// The contract sends results and states as plain strings, so each is checked against the UAT vocabulary before it
// gets a label: an unknown code shows as "Unknown", never as itself. Pure (tests: matrix-uat.test.ts).
import {
  UAT_CASE_STATUSES,
  UAT_DEFECT_STATES,
  UAT_RESULTS,
  type UatCaseStatus,
  type UatDefectState,
  type UatResult,
} from '@pi-studio/core/contract/uat';
import { plural } from '../format.ts';
import type { TraceMatrix } from './api.ts';

type Row = TraceMatrix['rows'][number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | null): value is T =>
    (values as readonly (string | null)[]).includes(value);

export const isCaseStatus = isOneOf<UatCaseStatus>(UAT_CASE_STATUSES);
export const isDefectState = isOneOf<UatDefectState>(UAT_DEFECT_STATES);
const isResult = isOneOf<UatResult>(UAT_RESULTS);

const RETEST_LABEL: Record<UatResult, string> = {
  pass: 'Retest passed',
  fail: 'Retest failed',
  blocked: 'Retest blocked',
};

/** The latest retest of a defect in words; before any retest, "Not retested yet". */
export function retestLabel(retest: string | null): string {
  if (retest === null) return 'Not retested yet';
  return isResult(retest) ? RETEST_LABEL[retest] : 'Retest: unknown result';
}

/** Whether the product has any UAT test case the matrix knows of (else the UAT columns make no sense yet). */
export const hasUatCases = (m: Pick<TraceMatrix, 'caseCount'>) => m.caseCount > 0;

export type MatrixFilter = 'all' | 'gaps' | 'no-case' | 'open-defects';

export const MATRIX_FILTER_LABEL: Record<MatrixFilter, string> = {
  all: 'All requirements',
  gaps: 'Only gaps',
  'no-case': 'No test case',
  'open-defects': 'Open defects',
};

/** The filters on offer: the UAT ones only once the product has test cases. */
export const matrixFilters = (uat: boolean): MatrixFilter[] =>
  uat ? ['all', 'gaps', 'no-case', 'open-defects'] : ['all', 'gaps'];

/** Rows a filter keeps; requirements removed from the PRD are gaps of neither kind (as the server counts them). */
export function filterMatrixRows(rows: readonly Row[], filter: MatrixFilter): Row[] {
  const inScope = (r: Row) => !r.requirement.removed;
  switch (filter) {
    case 'gaps':
      return rows.filter((r) => inScope(r) && !r.covered);
    case 'no-case':
      return rows.filter((r) => inScope(r) && r.cases.length === 0);
    case 'open-defects':
      return rows.filter((r) => r.openDefects > 0);
    default:
      return [...rows];
  }
}

/** What the table says when a filter leaves no row. */
export const NO_ROWS_LABEL: Record<MatrixFilter, string> = {
  all: 'No requirement to show.',
  gaps: 'Every requirement in the PRD has a story.',
  'no-case': 'Every requirement in the PRD has a test case.',
  'open-defects': 'No requirement has an open defect.',
};

/** The three UAT figures above the table, each a label and a number. */
export function uatFigures(
  m: Pick<TraceMatrix, 'requirementsWithoutCase' | 'casesNeverRun' | 'openDefects'>,
): { label: string; value: number }[] {
  return [
    { label: 'Requirements with no test case', value: m.requirementsWithoutCase.length },
    { label: 'Test cases never run', value: m.casesNeverRun.length },
    { label: 'Open defects', value: m.openDefects },
  ];
}

/** "2 open defects" for a row's count, "None" when there is none. */
export const openDefectsLabel = (n: number) => (n === 0 ? 'None' : plural(n, 'open defect'));
