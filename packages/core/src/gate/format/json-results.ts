// `--format json` over many files without one huge string and without keeping every report: each file's result is
// rendered to its JSON text, UTF-8 encoded, as soon as it is scored (in a worker, when the CLI scores in parallel),
// and the run is written piece by piece. The bytes are exactly those of `JSON.stringify(run, null, 2)`. Encoded
// results live outside the JavaScript heap: the garbage collector neither copies nor scans them.
import type { GateReport } from '../types.ts';
import { fileResult, type GateRun, runSummary } from './run.ts';

/** What the run needs of one scored file: its verdict, why it is not a PRD (or null) and its result as JSON. */
export type JsonResult = { verdict: GateReport['verdict']; notPrd: string | null; json: Uint8Array };

const utf8 = new TextEncoder();

/** The rule of the one finding a document that is not a PRD gets. */
export const NOT_PRD_RULE = 'document.not_prd';

/** The engine's reason when the report says the document is not a PRD, else null. */
export function notPrdMessage(report: GateReport): string | null {
  return report.findings.find((f) => f.rule === NOT_PRD_RULE)?.message ?? null;
}

/** Results sit at depth 2 of the run (`{ "results": [ … ] }`): every line after the first is indented by 4. */
const RESULT_INDENT = '\n    ';
/** What JSON.stringify writes around a lone result at that depth. */
const RESULTS_HEAD = `{\n  "results": [${RESULT_INDENT}`.length;
const RESULTS_TAIL = '\n  ]\n}'.length;

export function jsonResult(file: string, report: GateReport): JsonResult {
  // Stringified in place, so JSON.stringify does the indenting (no second pass over the text).
  const json = JSON.stringify({ results: [fileResult(file, report)] }, null, 2);
  return {
    verdict: report.verdict,
    notPrd: notPrdMessage(report),
    json: utf8.encode(json.slice(RESULTS_HEAD, json.length - RESULTS_TAIL)),
  };
}

/** Where the results go in the rendered run (a string JSON cannot otherwise contain at that place). */
const HOLE = '\u0000results\u0000';

/**
 * Writes `JSON.stringify({ results, summary, ...extra }, null, 2)` + "\n" through `write`, one result at a time
 * (each result's bytes as they are).
 */
export function writeJsonRun(
  results: readonly JsonResult[],
  extra: Record<string, unknown>,
  write: (text: string | Uint8Array) => void,
): void {
  const root: Omit<GateRun, 'results'> & { results: unknown } = {
    results: HOLE,
    summary: runSummary(results.map((r) => r.verdict)),
    ...extra,
  };
  const [head, tail] = JSON.stringify(root, null, 2).split(JSON.stringify(HOLE)) as [string, string];
  if (results.length === 0) {
    write(`${head}[]${tail}\n`);
    return;
  }
  write(`${head}[${RESULT_INDENT}`);
  results.forEach((result, i) => {
    if (i > 0) write(`,${RESULT_INDENT}`);
    write(result.json);
  });
  write(`\n  ]${tail}\n`);
}
