// `pistudio requirements <file> [--format json|text] [--product CODE]`
// Public contract: --format json prints {"requirements":[{"id","text","priority","acceptance":[…]}]} (each item also
// carries kind, generated, line and section); exit 0 when the file was read (even with no requirements), 2 on bad
// usage or unreadable input — with one line on stderr.
import { parseFileCommand, UsageProblem, withOneLineErrors } from '../file-command.ts';
import type { RequirementsFormat } from '../requirements/run.ts';

const FORMATS: readonly RequirementsFormat[] = ['text', 'json'];
const USAGE = `Usage: pistudio requirements <file> [--format text|json] [--product CODE]

Lists the requirements of a PRD (.md, .markdown, .txt, .docx) as the quality gate reads them: the author's ids
(FR-1, REQ-3 …) or generated ones, the text, the priority and the acceptance criteria found for each.

Options:
  --format FORMAT   text (default) or json: {"requirements":[{"id","text","priority","acceptance":[…]}]}
  --product CODE    prefix generated ids with the product code (FINTX-PAYOUTS → FINTX-PAYOUTS-FR-4)
  -h, --help        show this help

Exit codes: 0 the file was read, 2 bad usage or unreadable input.`;

type Io = { stdout(text: string): void; stderr(text: string): void };
const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runRequirements(argv: string[], io: Io = processIo): Promise<number> {
  return withOneLineErrors('requirements', io.stderr, async () => {
    const { values, positionals } = parseFileCommand('requirements', argv, {
      format: { type: 'string' },
      product: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = (values.format ?? 'text') as RequirementsFormat;
    if (!FORMATS.includes(format))
      throw new UsageProblem(`unknown --format '${format}' (expected ${FORMATS.join(', ')})`);
    if (positionals.length !== 1) throw new UsageProblem('give exactly one file (usage: pistudio requirements <file>)');
    if (values.product !== undefined && !/^[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*$/.test(values.product))
      throw new UsageProblem(`--product '${values.product.slice(0, 40)}' is not a product code like FINTX-PAYOUTS`);
    const { printRequirements } = await import('../requirements/run.ts');
    return await printRequirements(positionals[0] as string, { format, product: values.product }, io.stdout);
  });
}
