// A gate run over several files: what every output format (json, sarif, junit, markdown, text) renders.
import type { Finding, GateReport } from '../types.ts';

export type FileResult = { file: string } & GateReport;

export type GateRun = {
  results: FileResult[];
  summary: { files: number; pass: number; conditional: number; fail: number };
};

/** Builds the run object with a fixed key order, so the JSON output is byte-stable. */
export function gateRun(results: readonly { file: string; report: GateReport }[]): GateRun {
  const out: FileResult[] = results.map(({ file, report }) => fileResult(file, report));
  return { results: out, summary: runSummary(out.map((r) => r.verdict)) };
}

/** One file's entry in a run, keys in output order. */
export function fileResult(file: string, report: GateReport): FileResult {
  return {
    file,
    rubric: report.rubric,
    score: report.score,
    verdict: report.verdict,
    why: report.why,
    criteria: report.criteria,
    findings: report.findings,
  };
}

/** The run's summary from the verdicts of its results. */
export function runSummary(verdicts: readonly GateReport['verdict'][]): GateRun['summary'] {
  const count = (v: GateReport['verdict']) => verdicts.filter((verdict) => verdict === v).length;
  return { files: verdicts.length, pass: count('pass'), conditional: count('conditional'), fail: count('fail') };
}

/** Blocker and major findings make a criterion fail in JUnit and red in text output. */
export function isSerious(severity: string): boolean {
  return severity === 'blocker' || severity === 'major';
}

/** A finding as people read it: repeated minor/info hits of one rule in one section are shown once. */
export type ShownFinding = { finding: Finding; alsoOnLines: number[] };

/**
 * Collapses minor and info findings that repeat a rule within a section (46 "every/all" notes on one document
 * read as noise); blockers and majors are always listed one by one. JSON, SARIF and JUnit keep every finding.
 */
export function shownFindings(findings: readonly Finding[]): ShownFinding[] {
  const shown: ShownFinding[] = [];
  const groups = new Map<string, ShownFinding>();
  for (const f of findings) {
    if (f.severity === 'blocker' || f.severity === 'major') {
      shown.push({ finding: f, alsoOnLines: [] });
      continue;
    }
    const key = `${f.rule}\u0000${f.section}`;
    const group = groups.get(key);
    if (group) group.alsoOnLines.push(f.line);
    else {
      const first = { finding: f, alsoOnLines: [] };
      groups.set(key, first);
      shown.push(first);
    }
  }
  return shown;
}

/** "also on lines 12, 14, 20 and 3 more" — for a collapsed group. */
export function alsoOn(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const listed = lines.slice(0, 5).join(', ');
  return lines.length > 5
    ? `also on lines ${listed} and ${lines.length - 5} more`
    : `also on line${lines.length === 1 ? '' : 's'} ${listed}`;
}
