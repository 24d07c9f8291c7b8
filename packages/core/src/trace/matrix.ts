// The coverage matrix (issue #12): each requirement with the stories that implement it and the bugs filed against
// it, the requirements nothing implements yet, and the stories and bugs that trace to no requirement (scope creep).
// Built on the trace graph, so a link it cannot accept is reported, not guessed at.

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

export type MatrixRow = {
  requirement: MatrixRequirement;
  /** Stories that implement it, in natural key order. Only these cover it. */
  stories: MatrixItem[];
  /** Bugs filed directly against it. A bug does not cover a requirement. */
  bugs: MatrixItem[];
  covered: boolean;
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
};

export function coverageMatrix(
  requirements: readonly MatrixRequirement[],
  stories: readonly MatrixItem[],
  links: readonly TraceLink[],
): CoverageMatrix {
  const nodes = [
    ...requirements.map((r) => ({ id: r.id, kind: 'requirement' as const, requirement: r })),
    ...stories.map((s) => ({ id: s.key, kind: s.kind, item: s })),
  ];
  const { graph, problems } = buildGraph(nodes, links);

  const rowOf = new Map<string, MatrixRow>();
  const rows: MatrixRow[] = [];
  for (const requirement of requirements) {
    if (rowOf.has(requirement.id)) continue; // a duplicate, reported by buildGraph
    const row: MatrixRow = { requirement, stories: [], bugs: [], covered: false };
    rowOf.set(requirement.id, row);
    rows.push(row);
  }
  for (const link of graph.links) {
    const row = rowOf.get(link.to);
    const node = graph.nodes.get(link.from);
    if (!row || !node || !('item' in node)) continue;
    if (link.type === 'implements') row.stories.push(node.item);
    else if (link.type === 'affects') row.bugs.push(node.item);
  }

  let covered = 0;
  const uncoveredRequirements: string[] = [];
  for (const row of rows) {
    row.stories.sort(byKey);
    row.bugs.sort(byKey);
    row.covered = row.stories.length > 0;
    if (row.requirement.removed) continue;
    if (row.covered) covered++;
    else uncoveredRequirements.push(row.requirement.id);
  }

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
  return { rows, uncoveredRequirements, orphanStories, total, covered, coverage, problems };
}

const byKey = (a: MatrixItem, b: MatrixItem) => compareKeys(a.key, b.key);

export const MATRIX_CSV_HEADER = [
  'Requirement',
  'Priority',
  'Requirement text',
  'Stories',
  'Story statuses',
  'Covered',
] as const;

/**
 * The matrix as CSV: one row per requirement ("Covered" is yes, no or removed), then one row per orphan story or bug
 * with the requirement columns empty and "Covered" = "no requirement", so a spreadsheet filter shows both kinds of
 * gap. Story keys and their statuses are listed in the same order, separated by ", ".
 */
export function matrixCsv(matrix: CoverageMatrix): string {
  const rows: string[][] = [[...MATRIX_CSV_HEADER]];
  for (const row of matrix.rows) {
    const r = row.requirement;
    rows.push([
      r.id,
      r.priority ?? '',
      r.text,
      row.stories.map((s) => s.key).join(', '),
      row.stories.map((s) => s.status).join(', '),
      r.removed ? 'removed' : row.covered ? 'yes' : 'no',
    ]);
  }
  for (const item of matrix.orphanStories) rows.push(['', '', '', item.key, item.status, 'no requirement']);
  return csvText(rows);
}
