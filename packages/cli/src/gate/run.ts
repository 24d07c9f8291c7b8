// The work of `pistudio gate` once its arguments are valid: read the files, score them, render the run. Loaded only
// then (commands/gate.ts), so `pistudio gate --help` and usage errors do not load the gate engine.
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { type JsonResult, writeJsonRun } from '@pi-studio/core/gate/format/json-results';
import { toJunit } from '@pi-studio/core/gate/format/junit';
import { toMarkdown } from '@pi-studio/core/gate/format/markdown';
import { type GateRun, gateRun, runSummary } from '@pi-studio/core/gate/format/run';
import { toSarif } from '@pi-studio/core/gate/format/sarif';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import type { GateReport } from '@pi-studio/core/gate/types';
import cliPackage from '../../package.json' with { type: 'json' };
import { lazyJobPool } from '../lazy-jobs.ts';
import { collectInputs, type GateInput, readInputs } from './inputs.ts';
import {
  jsonWithNotPrds,
  junitWithNotPrds,
  leftOut,
  markdownWithNotPrds,
  type NotPrd,
  sarifWithNotPrds,
  splitNotPrds,
  textWithNotPrds,
} from './not-prd.ts';
import { loadRubricFile } from './rubric-file.ts';
import { scoreAll, scoreAllJson, warmUp } from './score-all.ts';

export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'markdown';
export type GateOptions = { rubric?: string; format: Format; strict: boolean; color: boolean };

/** Gates `positionals` (files and directories); returns the exit code. Unreadable input throws GateInputError. */
export async function gateFiles(
  positionals: readonly string[],
  options: GateOptions,
  stdout: (text: string | Uint8Array) => void,
): Promise<number> {
  const rubric = options.rubric ? await loadRubricFile(options.rubric) : DEFAULT_RUBRIC;
  const inputs = await collectInputs(positionals);
  const files = inputs.map(({ file }) => file.replace(/\\/g, '/'));
  // .docx files convert, and many files score, in workers with the server's time and memory limits; the pool
  // starts only when one of them needs it.
  const jobs = lazyJobPool();
  let scored: { reports: GateReport[] } | { json: JsonResult[] };
  try {
    warmUp(inputs.length, rubric, jobs);
    const texts = await readInputs(
      inputs.map((input) => input.file),
      jobs,
    );
    scored =
      options.format === 'json'
        ? { json: await scoreAllJson(texts, files, rubric, jobs) }
        : { reports: await scoreAll(texts, rubric, jobs) };
  } finally {
    await jobs.close();
  }
  if ('json' in scored) return writeJson(scored.json, inputs, files, options.strict, stdout);
  const { reports } = scored;
  const { gated, skipped, notPrds } = splitNotPrds(
    inputs.map(({ named }, i) => ({ file: files[i] as string, named, report: reports[i] as GateReport })),
  );
  const run = gateRun(gated);
  stdout(render(run, options.format, rubric, options.color, { skipped, notPrds }));
  return exitCode(run.summary, options.strict);
}

function exitCode(summary: GateRun['summary'], strict: boolean): number {
  const failing = summary.fail + (strict ? summary.conditional : 0);
  return failing > 0 ? 1 : 0;
}

/** `--format json` from the results rendered as they were scored: the same bytes as render(), written in pieces. */
function writeJson(
  results: readonly JsonResult[],
  inputs: readonly GateInput[],
  files: readonly string[],
  strict: boolean,
  stdout: (text: string | Uint8Array) => void,
): number {
  const gated: JsonResult[] = [];
  const skipped: NotPrd[] = [];
  results.forEach((result, i) => {
    if (leftOut(result.notPrd, (inputs[i] as GateInput).named))
      skipped.push({ file: files[i] as string, message: result.notPrd as string });
    else gated.push(result);
  });
  writeJsonRun(gated, skipped.length > 0 ? { notPrds: skipped } : {}, stdout);
  return exitCode(runSummary(gated.map((r) => r.verdict)), strict);
}

type NotPrds = { skipped: NotPrd[]; notPrds: (NotPrd & { named: boolean })[] };

function render(run: GateRun, format: Format, rubric: Rubric, tty: boolean, not: NotPrds): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(jsonWithNotPrds(run, not.skipped), null, 2)}\n`;
    case 'sarif': {
      const sarif = toSarif(run, rubric, { name: 'pistudio-gate', version: cliPackage.version });
      return `${JSON.stringify(sarifWithNotPrds(sarif, not.skipped), null, 2)}\n`;
    }
    case 'junit':
      return junitWithNotPrds(toJunit(run), not.skipped);
    case 'markdown':
      return markdownWithNotPrds(toMarkdown(run), not.skipped);
    default:
      return textWithNotPrds(run, not.notPrds, not.skipped.length, tty);
  }
}
