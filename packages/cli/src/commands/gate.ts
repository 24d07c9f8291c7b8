// `pistudio gate <file|dir>... [--rubric FILE.json] [--format text|json|sarif|junit|markdown] [--strict]`
// Public contract (scripts and CI depend on it): exit 0 when every file passes (conditional too, unless
// --strict), 1 when any fails, 2 on usage errors or unreadable input — with one line on stderr.
import { parseFileCommand, UsageProblem, withOneLineErrors } from '../file-command.ts';
import type { Format } from '../gate/run.ts';

const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'junit', 'markdown'];
const USAGE = `Usage: pistudio gate <file|dir>... [--rubric FILE.json] [--format text|json|sarif|junit|markdown] [--strict]

Scores PRDs (.md, .markdown, .txt, .docx; directories are searched recursively) against the quality gate rubric.
A file that is not a PRD (a README, an index of links, a changelog) is listed as "not a PRD": found in a directory
it is left out of the run; named on the command line it fails.

Options:
  --rubric FILE.json  score against this rubric instead of the built-in one (pistudio-prd v3)
  --format FORMAT     text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML) or markdown
  --strict            a conditional pass counts as a failure
  -h, --help          show this help

Exit codes: 0 every file passes, 1 a file fails (or is conditional under --strict), 2 bad usage or unreadable input.`;

export type GateIo = {
  /** Text, or UTF-8 bytes (`--format json` writes its results as bytes). */
  stdout(text: string | Uint8Array): void;
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

/** `argv` is what follows `gate` on the command line. */
export async function runGate(argv: string[], io: GateIo = processIo): Promise<number> {
  return withOneLineErrors('gate', io.stderr, async () => {
    const { values, positionals } = parseFileCommand('gate', argv, {
      rubric: { type: 'string' },
      format: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new UsageProblem(`unknown --format '${format}' (expected ${FORMATS.join(', ')})`);
    if (positionals.length === 0) throw new UsageProblem('no files given (usage: pistudio gate <file|dir>... )');
    // The engine and the formats load only now: `gate --help` and usage errors stay as fast as `pistudio --help`.
    const { gateFiles } = await import('../gate/run.ts');
    return await gateFiles(
      positionals,
      { rubric: values.rubric, format, strict: values.strict === true, color: io.isTTY },
      io.stdout,
    );
  });
}
