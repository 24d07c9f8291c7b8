// Files that are not PRDs (a README, an index of links, a changelog, guidance pages): the engine reports them with
// one finding, rule `document.not_prd`, instead of fourteen misses. `pistudio gate` lists them, one line each:
//   - found in a directory given on the command line: listed as "not a PRD" and left out of the run (results,
//     summary, exit code) — gating `docs/` is not a failure of the PRDs in it;
//   - named on the command line: gated like any file, so it fails (exit 1), shown as that one line.
// Every output format keeps its shape; the files left out are added where each format has room for them.
import { NOT_PRD_RULE, notPrdMessage } from '@pi-studio/core/gate/format/json-results';
import type { GateRun } from '@pi-studio/core/gate/format/run';
import { toText } from '@pi-studio/core/gate/format/text';
import type { GateReport } from '@pi-studio/core/gate/types';

export { NOT_PRD_RULE };

export type NotPrd = { file: string; message: string };
export type Scored = { file: string; named: boolean; report: GateReport };

/** The engine's reason when the report says the document is not a PRD, else null. */
export const notPrdReason: (report: GateReport) => string | null = notPrdMessage;

/** A file that is not a PRD is left out of the run when it was found in a directory rather than named. */
export function leftOut(reason: string | null, named: boolean): boolean {
  return reason !== null && !named;
}

/**
 * Splits a run: what is gated (named files always; found files when they are PRDs), the found files that are not
 * PRDs (`skipped`) and every file that is not a PRD, named or found, in input order (`notPrds`, for the text lines).
 */
export function splitNotPrds(scored: readonly Scored[]) {
  const gated: { file: string; report: GateReport }[] = [];
  const skipped: NotPrd[] = [];
  const notPrds: (NotPrd & { named: boolean })[] = [];
  for (const { file, named, report } of scored) {
    const reason = notPrdReason(report);
    if (reason !== null) notPrds.push({ file, message: reason, named });
    if (leftOut(reason, named)) skipped.push({ file, message: reason as string });
    else gated.push({ file, report });
  }
  return { gated, skipped, notPrds };
}

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * Text output: one line per file that is not a PRD, then the usual report of the PRDs (a named file that is not a
 * PRD counts as failed in its summary but gets no block of misses), then how many were left out.
 */
export function textWithNotPrds(
  run: GateRun,
  notPrds: readonly (NotPrd & { named: boolean })[],
  skipped: number,
  color: boolean,
): string {
  if (notPrds.length === 0) return toText(run, { color });
  const listed = new Set(notPrds.map((n) => n.file));
  const lines = notPrds.map(
    (n) => `${paint(color, 1, n.file)}  ${paint(color, n.named ? 31 : 33, 'not a PRD')}  ${n.message}`,
  );
  const prds = { results: run.results.filter((r) => !listed.has(r.file)), summary: run.summary };
  const tail =
    skipped > 0
      ? `${skipped} file${skipped === 1 ? ' is' : 's are'} not ${skipped === 1 ? 'a PRD' : 'PRDs'}: not gated\n`
      : '';
  return `${lines.join('\n')}\n\n${toText(prds, { color })}${tail}`;
}

/** JSON: the run as always, plus `notPrds` when files found in directories were left out. */
export function jsonWithNotPrds(run: GateRun, skipped: readonly NotPrd[]): GateRun & { notPrds?: NotPrd[] } {
  return skipped.length > 0 ? { ...run, notPrds: [...skipped] } : run;
}

/** SARIF: the files left out go in the run's property bag (`runs[0].properties.notPrds`), beside `files`. */
export function sarifWithNotPrds(sarif: Record<string, unknown>, skipped: readonly NotPrd[]): Record<string, unknown> {
  const run = (sarif.runs as { properties?: Record<string, unknown> }[] | undefined)?.[0];
  if (skipped.length > 0 && run) run.properties = { ...run.properties, notPrds: [...skipped] };
  return sarif;
}

/** JUnit: one test suite per file left out, with one skipped test case saying why. */
export function junitWithNotPrds(xml: string, skipped: readonly NotPrd[]): string {
  if (skipped.length === 0) return xml;
  const suites = skipped.map((n) =>
    [
      `  <testsuite name="${xmlAttr(n.file)}" tests="1" failures="0" errors="0" skipped="1">`,
      `    <testcase classname="${xmlAttr(n.file)}" name="document — not a PRD">`,
      `      <skipped message="${xmlAttr(`not a PRD: ${n.message}`)}"/>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n'),
  );
  const end = xml.lastIndexOf('</testsuites>');
  if (end < 0) return xml;
  const head = xml
    .slice(0, end)
    .replace(
      /<testsuites ([^>]*?)tests="(\d+)"/,
      (_m, before: string, tests: string) =>
        `<testsuites ${before}tests="${Number(tests) + skipped.length}" skipped="${skipped.length}"`,
    );
  return `${head}${suites.join('\n')}\n${xml.slice(end)}`;
}

/** Markdown: a last section listing the files left out. */
export function markdownWithNotPrds(markdown: string, skipped: readonly NotPrd[]): string {
  if (skipped.length === 0) return markdown;
  const rows = skipped.map((n) => `| ${mdCell(n.file)} | ${mdCell(n.message)} |`);
  const section = ['## Not PRDs', '', 'Found but not gated:', '', '| File | Why |', '|---|---|', ...rows, ''];
  return `${markdown.replace(/\n*$/, '\n\n')}${section.join('\n')}`;
}

function xmlAttr(value: string): string {
  return (
    value
      // XML 1.0 cannot carry most control characters, even escaped.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
      .replace(/\r/g, '&#13;')
  );
}

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
