// The coverage matrix (issue #12): each requirement with the stories that implement it and the bugs filed against
// it, the requirements nothing implements yet, and the stories and bugs that trace to no requirement (scope creep).
// Built on the trace graph, so a link it cannot accept is reported, not guessed at. UAT (issue #13) extends each row
// down the chain requirement → story → test case → latest result → defect → retest: the cases that verify the row's
// stories, with the requirements no case tests, the cases never run, and the defects not yet verified.

import { csvText } from './csv.ts';
import { buildGraph, downstream, type GraphProblem, type TraceLink } from './graph.ts';
import { compareKeys } from './keys.ts';

export type MatrixRequirement = {
  id: string;
  text: string;
  priority: string | null;
  /**
   * Removed from the current PRD version (pass removed requirements this way to keep their links visible). A removed
   * requirement gets a row but counts neither way in `coverage`, and is never "uncovered"; a story that implements
   * only removed requirements is an orphan, as it no longer traces to anything in scope.
   */
  removed?: boolean;
};

export type MatrixItem = { key: string; kind: 'story' | 'bug'; status: string };

/** A defect a case raised: its bug's key, its state (open, fixed, verified, reopened) and its latest retest's result. */
export type MatrixDefect = { key: string; state: string; retest: string | null };

/** A UAT test case: the story it verifies, its latest result (`untested` before the first run), its defects. */
export type MatrixCase = { key: string; storyKey: string | null; result: string; defects: MatrixDefect[] };

/** A defect counts as open until a retest verifies it. */
const isOpenDefect = (d: MatrixDefect) => d.state !== 'verified';

export type MatrixRow = {
  requirement: MatrixRequirement;
  /** Stories that implement it, in natural key order. Only these cover it. */
  stories: MatrixItem[];
  /** Bugs filed directly against it. A bug does not cover a requirement. */
  bugs: MatrixItem[];
  covered: boolean;
  /** Test cases that verify its stories, in natural key order. */
  cases: MatrixCase[];
  /** Defects of those cases not yet verified. */
  openDefects: number;
};

export type CoverageMatrix = {
  rows: MatrixRow[];
  /** Ids of requirements in scope (not removed) with no story, in input order. */
  uncoveredRequirements: string[];
  /** Stories and bugs with no requirement in scope upstream (a bug counts through the story it affects). */
  orphanStories: MatrixItem[];
  /** Requirements in scope, and those of them with at least one story. */
  total: number;
  covered: number;
  /** covered / total as a percentage, rounded down to one decimal so it reads 100 only when it is; 0 when total is 0. */
  coverage: number;
  /** Links the graph did not accept (unknown requirement or story, wrong direction, cycles). */
  problems: GraphProblem[];
  /** Ids of requirements in scope that no test case verifies (through their stories), in input order. */
  requirementsWithoutCase: string[];
  /** Keys of test cases never run, in natural key order. */
  casesNeverRun: string[];
  /** Defects of all cases not yet verified, each counted once. */
  openDefects: number;
  /** UAT test cases given; none leaves the CSV as it was before UAT. */
  caseCount: number;
};

export function coverageMatrix(
  requirements: readonly MatrixRequirement[],
  stories: readonly MatrixItem[],
  links: readonly TraceLink[],
  cases: readonly MatrixCase[] = [],
): CoverageMatrix {
  const storyKeys = new Set(stories.map((s) => s.key));
  const nodes = [
    ...requirements.map((r) => ({ id: r.id, kind: 'requirement' as const, requirement: r })),
    ...stories.map((s) => ({ id: s.key, kind: s.kind, item: s })),
    ...cases.map((c) => ({ id: c.key, kind: 'test_case' as const, testCase: c })),
  ];
  // A case whose story was deleted since keeps its key but verifies nothing any more: no link, no problem.
  const verifies: TraceLink[] = cases.flatMap((c) =>
    c.storyKey && storyKeys.has(c.storyKey) ? [{ from: c.key, type: 'verifies' as const, to: c.storyKey }] : [],
  );
  const { graph, problems } = buildGraph(nodes, [...links, ...verifies]);

  const rowOf = new Map<string, MatrixRow>();
  const rows: MatrixRow[] = [];
  for (const requirement of requirements) {
    if (rowOf.has(requirement.id)) continue; // a duplicate, reported by buildGraph
    const row: MatrixRow = { requirement, stories: [], bugs: [], covered: false, cases: [], openDefects: 0 };
    rowOf.set(requirement.id, row);
    rows.push(row);
  }
  const casesOf = new Map<string, MatrixCase[]>();
  for (const link of graph.links) {
    const node = graph.nodes.get(link.from);
    if (link.type === 'verifies' && node && 'testCase' in node) {
      casesOf.set(link.to, [...(casesOf.get(link.to) ?? []), node.testCase]);
      continue;
    }
    const row = rowOf.get(link.to);
    if (!row || !node || !('item' in node)) continue;
    if (link.type === 'implements') row.stories.push(node.item);
    else if (link.type === 'affects') row.bugs.push(node.item);
  }

  let covered = 0;
  const uncoveredRequirements: string[] = [];
  const requirementsWithoutCase: string[] = [];
  for (const row of rows) {
    row.stories.sort(byKey);
    row.bugs.sort(byKey);
    row.covered = row.stories.length > 0;
    row.cases = [...new Set(row.stories.flatMap((s) => casesOf.get(s.key) ?? []))].sort(byKey);
    row.openDefects = row.cases.reduce((n, c) => n + c.defects.filter(isOpenDefect).length, 0);
    if (row.requirement.removed) continue;
    if (row.covered) covered++;
    else uncoveredRequirements.push(row.requirement.id);
    if (row.cases.length === 0) requirementsWithoutCase.push(row.requirement.id);
  }
  const casesNeverRun = cases
    .filter((c) => c.result === 'untested')
    .map((c) => c.key)
    .sort(compareKeys);
  const openDefects = new Set(cases.flatMap((c) => c.defects.filter(isOpenDefect).map((d) => d.key))).size;

  // One walk down from every requirement in scope finds everything that traces to one (a bug through its story).
  const inScope = rows.filter((r) => !r.requirement.removed).map((r) => r.requirement.id);
  const traced = new Set(
    downstream(graph, inScope, { linkTypes: ['implements', 'affects'], kinds: ['story', 'bug'] }).map((n) => n.id),
  );
  const orphanStories: MatrixItem[] = [];
  const seen = new Set<string>();
  for (const item of stories) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    if (!traced.has(item.key)) orphanStories.push(item);
  }
  orphanStories.sort(byKey);

  const total = rows.filter((r) => !r.requirement.removed).length;
  const coverage = total === 0 ? 0 : Math.floor((covered * 1000) / total) / 10;
  return {
    rows,
    uncoveredRequirements,
    orphanStories,
    total,
    covered,
    coverage,
    problems,
    requirementsWithoutCase,
    casesNeverRun,
    openDefects,
    caseCount: cases.length,
  };
}

const byKey = (a: { key: string }, b: { key: string }) => compareKeys(a.key, b.key);

export const MATRIX_CSV_HEADER = [
  'Requirement',
  'Priority',
  'Requirement text',
  'Stories',
  'Story statuses',
  'Covered',
] as const;

/** Columns added after MATRIX_CSV_HEADER once the product has UAT test cases (issue #13). */
export const MATRIX_CSV_UAT_HEADER = [
  'Test cases',
  'Latest results',
  'Defects',
  'Defect states',
  'Retests',
  'Open defects',
] as const;

/**
 * The matrix as CSV: one row per requirement ("Covered" is yes, no or removed), then one row per orphan story or bug
 * with the requirement columns empty and "Covered" = "no requirement", so a spreadsheet filter shows both kinds of
 * gap. Story keys and their statuses are listed in the same order, separated by ", ". Once the product has UAT test
 * cases, the UAT columns follow (MATRIX_CSV_UAT_HEADER): test cases and their latest results, defects with their
 * states and latest retest results ("-" when none yet), and the open defects; before that the CSV is as it was.
 */
export function matrixCsv(matrix: CoverageMatrix): string {
  const uat = matrix.caseCount > 0;
  const rows: string[][] = [[...MATRIX_CSV_HEADER, ...(uat ? MATRIX_CSV_UAT_HEADER : [])]];
  for (const row of matrix.rows) {
    const r = row.requirement;
    rows.push([
      r.id,
      r.priority ?? '',
      r.text,
      row.stories.map((s) => s.key).join(', '),
      row.stories.map((s) => s.status).join(', '),
      r.removed ? 'removed' : row.covered ? 'yes' : 'no',
      ...(uat ? uatColumns(row) : []),
    ]);
  }
  for (const item of matrix.orphanStories) {
    rows.push([
      '',
      '',
      '',
      item.key,
      item.status,
      'no requirement',
      ...(uat ? MATRIX_CSV_UAT_HEADER.map(() => '') : []),
    ]);
  }
  return csvText(rows);
}

function uatColumns(row: MatrixRow): string[] {
  const defects = row.cases.flatMap((c) => c.defects);
  return [
    row.cases.map((c) => c.key).join(', '),
    row.cases.map((c) => c.result).join(', '),
    defects.map((d) => d.key).join(', '),
    defects.map((d) => d.state).join(', '),
    defects.map((d) => d.retest ?? '-').join(', '),
    String(row.openDefects),
  ];
}
