// A gate run over several files: what every output format (json, sarif, junit, markdown, text) renders.
import type { GateReport } from '../types.ts';

export type FileResult = { file: string } & GateReport;

export type GateRun = {
  results: FileResult[];
  summary: { files: number; pass: number; conditional: number; fail: number };
};

/** Builds the run object with a fixed key order, so the JSON output is byte-stable. */
export function gateRun(results: readonly { file: string; report: GateReport }[]): GateRun {
  const out: FileResult[] = results.map(({ file, report }) => ({
    file,
    rubric: report.rubric,
    score: report.score,
    verdict: report.verdict,
    criteria: report.criteria,
    findings: report.findings,
  }));
  const count = (v: GateReport['verdict']) => out.filter((r) => r.verdict === v).length;
  return {
    results: out,
    summary: { files: out.length, pass: count('pass'), conditional: count('conditional'), fail: count('fail') },
  };
}

/** Blocker and major findings make a criterion fail in JUnit and red in text output. */
export function isSerious(severity: string): boolean {
  return severity === 'blocker' || severity === 'major';
}
