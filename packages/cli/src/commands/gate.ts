// `pistudio gate <file|dir>... [--rubric FILE.json] [--format text|json|sarif|junit|markdown] [--strict]`
// Public contract (scripts and CI depend on it): exit 0 when every file passes (conditional too, unless
// --strict), 1 when any fails, 2 on usage errors or unreadable input — with one line on stderr.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { toJunit } from '@pi-studio/core/gate/format/junit';
import { toMarkdown } from '@pi-studio/core/gate/format/markdown';
import { type GateRun, gateRun } from '@pi-studio/core/gate/format/run';
import { toSarif } from '@pi-studio/core/gate/format/sarif';
import { toText } from '@pi-studio/core/gate/format/text';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { GateReport } from '@pi-studio/core/gate/types';
import { createJobPool } from '@pi-studio/server/lib/jobs/pool';
import { GateInputError } from '../gate/errors.ts';
import { collectFiles, readInput } from '../gate/inputs.ts';
import { loadRubricFile } from '../gate/rubric-file.ts';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: pistudio gate <file|dir>... [--rubric FILE.json] [--format text|json|sarif|junit|markdown] [--strict]

Scores PRDs (.md, .markdown, .txt, .docx; directories are searched recursively) against the quality gate rubric.

Options:
  --rubric FILE.json  score against this rubric instead of the default rubric v1
  --format FORMAT     text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML) or markdown
  --strict            a conditional pass counts as a failure
  -h, --help          show this help

Exit codes: 0 every file passes, 1 a file fails (or is conditional under --strict), 2 bad usage or unreadable input.`;

export type GateIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours only on a terminal. */
  isTTY: boolean;
};

const processIo: GateIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get isTTY() {
    return process.stdout.isTTY === true;
  },
};

class UsageProblem extends Error {}

/** `argv` is what follows `gate` on the command line. */
export async function runGate(argv: string[], io: GateIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new UsageProblem(`unknown --format '${format}' (expected ${FORMATS.join(', ')})`);
    if (positionals.length === 0) throw new UsageProblem('no files given (usage: pistudio gate <file|dir>... )');
    const rubric = values.rubric ? await loadRubricFile(values.rubric) : DEFAULT_RUBRIC;
    const files = await collectFiles(positionals);
    const results: { file: string; report: GateReport }[] = [];
    // .docx files convert in one worker with the server's time and memory limits; it starts only for a .docx.
    const jobs = createJobPool({ maxThreads: 1 });
    try {
      for (const file of files) {
        const text = await readInput(file, jobs);
        results.push({ file: file.replace(/\\/g, '/'), report: scoreDocument(text, rubric) });
      }
    } finally {
      await jobs.close();
    }
    const run = gateRun(results);
    io.stdout(render(run, format, rubric, io.isTTY));
    const failing = run.summary.fail + (values.strict ? run.summary.conditional : 0);
    return failing > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageProblem || err instanceof GateInputError) {
      io.stderr(`pistudio: gate: ${err.message.split('\n')[0]}\n`);
      return 2;
    }
    throw err;
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        rubric: { type: 'string' },
        format: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const message =
      (err as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '') ?? 'bad arguments';
    throw new UsageProblem(`${message} (see 'pistudio gate --help')`);
  }
}

function render(run: GateRun, format: Format, rubric: Rubric, tty: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(run, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(run, rubric, { name: 'pistudio-gate', version: cliVersion() }), null, 2)}\n`;
    case 'junit':
      return toJunit(run);
    case 'markdown':
      return toMarkdown(run);
    default:
      return toText(run, { color: tty });
  }
}

function cliVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
