// `pistudio intake parse <file> [--source auto|whatsapp|slack|teams] [--dedupe] [--format text|json]` (issue #13)
// Public contract: --format json prints {"source","items":[{"author","timestamp","text"}]} with ISO-8601 UTC
// timestamps, and with --dedupe also "clusters":[[index…]…] (indices into items; clusters of two or more).
// Exit 0 when the export was read (also with no messages), 2 on bad usage or unreadable input, with one line.
import { parseFileCommand, UsageProblem, withOneLineErrors } from '../file-command.ts';
import type { IntakeFormat, IntakeSourceOption } from '../intake/run.ts';

const SOURCES: readonly IntakeSourceOption[] = ['auto', 'whatsapp', 'slack', 'teams'];
const FORMATS: readonly IntakeFormat[] = ['text', 'json'];
const USAGE = `Usage: pistudio intake parse <file> [--source auto|whatsapp|slack|teams] [--dedupe] [--format text|json]

Reads a chat export into messages: a WhatsApp chat (.txt, or the .zip of an export with media), a Slack workspace
export (.zip) or Microsoft Teams messages (Graph chatMessage JSON). System lines, media placeholders, deleted
messages and bots are left out. WhatsApp times carry no zone and are read as UTC (docs/intake.md).

Options:
  --source SOURCE   auto (default: decided from the content), whatsapp, slack or teams
  --dedupe          group near-duplicate messages (same words, Jaccard similarity 60% or more)
  --format FORMAT   text (default) or json: {"source","items":[{"author","timestamp","text"}],"clusters":[[…]]}
  -h, --help        show this help

Exit codes: 0 the export was read, 2 bad usage or unreadable input.`;

type Io = { stdout(text: string): void; stderr(text: string): void };
const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runIntake(argv: string[], io: Io = processIo): Promise<number> {
  return withOneLineErrors('intake', io.stderr, async () => {
    const { values, positionals } = parseFileCommand('intake', argv, {
      source: { type: 'string' },
      format: { type: 'string' },
      dedupe: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const [action, ...files] = positionals;
    if (action !== 'parse') {
      throw new UsageProblem(
        action === undefined
          ? "missing 'parse' (usage: pistudio intake parse <file>)"
          : `unknown action '${action}' (expected parse)`,
      );
    }
    const source = (values.source ?? 'auto') as IntakeSourceOption;
    if (!SOURCES.includes(source))
      throw new UsageProblem(`unknown --source '${source}' (expected ${SOURCES.join(', ')})`);
    const format = (values.format ?? 'text') as IntakeFormat;
    if (!FORMATS.includes(format))
      throw new UsageProblem(`unknown --format '${format}' (expected ${FORMATS.join(', ')})`);
    if (files.length !== 1) throw new UsageProblem('give exactly one file (usage: pistudio intake parse <file>)');
    const { printIntake } = await import('../intake/run.ts');
    return await printIntake(files[0] as string, { source, format, dedupe: values.dedupe === true }, io.stdout);
  });
}
