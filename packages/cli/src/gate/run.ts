// The work of `pistudio gate` once its arguments are valid: read the files, score them, render the run. Loaded only
// then (commands/gate.ts), so `pistudio gate --help` and usage errors do not load the gate engine.
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { toJunit } from '@pi-studio/core/gate/format/junit';
import { toMarkdown } from '@pi-studio/core/gate/format/markdown';
import { type GateRun, gateRun } from '@pi-studio/core/gate/format/run';
import { toSarif } from '@pi-studio/core/gate/format/sarif';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { JobRunner } from '@pi-studio/server/lib/jobs/pool';
import cliPackage from '../../package.json' with { type: 'json' };
import { collectInputs, readInputs } from './inputs.ts';
import {
  jsonWithNotPrds,
  junitWithNotPrds,
  markdownWithNotPrds,
  type NotPrd,
  sarifWithNotPrds,
  splitNotPrds,
  textWithNotPrds,
} from './not-prd.ts';
import { loadRubricFile } from './rubric-file.ts';

export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'markdown';
export type GateOptions = { rubric?: string; format: Format; strict: boolean; color: boolean };

/** Gates `positionals` (files and directories); returns the exit code. Unreadable input throws GateInputError. */
export async function gateFiles(
  positionals: readonly string[],
  options: GateOptions,
  stdout: (text: string) => void,
): Promise<number> {
  const rubric = options.rubric ? await loadRubricFile(options.rubric) : DEFAULT_RUBRIC;
  const inputs = await collectInputs(positionals);
  // .docx files convert in one worker with the server's time and memory limits; it starts only for a .docx.
  const jobs = lazyJobPool();
  let texts: string[];
  try {
    texts = await readInputs(
      inputs.map((input) => input.file),
      jobs,
    );
  } finally {
    await jobs.close();
  }
  const { gated, skipped, notPrds } = splitNotPrds(
    inputs.map(({ file, named }, i) => ({
      file: file.replace(/\\/g, '/'),
      named,
      report: scoreDocument(texts[i] as string, rubric),
    })),
  );
  const run = gateRun(gated);
  stdout(render(run, options.format, rubric, options.color, { skipped, notPrds }));
  const failing = run.summary.fail + (options.strict ? run.summary.conditional : 0);
  return failing > 0 ? 1 : 0;
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

/** The server's job pool, loaded and started only when a .docx needs converting. */
function lazyJobPool(): JobRunner {
  let pool: JobRunner | undefined;
  return {
    run: (async (name: Parameters<JobRunner['run']>[0], input: never, options?: Parameters<JobRunner['run']>[2]) => {
      pool ??= (await import('@pi-studio/server/lib/jobs/pool')).createJobPool({ maxThreads: 1 });
      return pool.run(name, input, options);
    }) as JobRunner['run'],
    close: async () => {
      await pool?.close();
    },
  };
}
