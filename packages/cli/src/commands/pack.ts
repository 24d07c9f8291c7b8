// `pistudio pack validate <file> --kind qa|security|runbook|release-notes|doc [--format json|text]
// [--product FILE.json] [--strict]` (issue #14). Public contract, like the gate's: --format json prints
// {"kind","score","verdict","findings":[…]} with the gate's finding fields; exit 0 pass (conditional too, unless
// --strict), 1 fail, 2 bad usage or unreadable input — with one line on stderr.
import { PACK_KINDS, type PackKind } from '@pi-studio/core/handover/types';
import { parseFileCommand, UsageProblem, withOneLineErrors } from '../file-command.ts';
import type { PackFormat } from '../pack/run.ts';

const FORMATS: readonly PackFormat[] = ['text', 'json'];
const USAGE = `Usage: pistudio pack validate <file> --kind ${PACK_KINDS.join('|')} [--format text|json] [--product FILE.json] [--strict]

Validates a handover pack (.md, .markdown, .txt, .docx) — often AI-generated — for completeness against the kind's
required sections, clarity, formatting, AI leftovers, pasted secrets (blockers, masked in the output), OWASP Top 10
coverage (security packs) and consistency with the product record (docs/handover-packs.md).

Options:
  --kind KIND         qa, security, runbook, release-notes or doc (required)
  --format FORMAT     text (default) or json: {"kind","score","verdict","findings":[…]}
  --product FILE      JSON product record: {"name","code","version","previousVersions","owners":[{"name","email"}],
                      "environments":[{"name","url"}],"urls"}
  --strict            a conditional pass counts as a failure
  -h, --help          show this help

Exit codes: 0 pass or conditional, 1 fail (or conditional under --strict), 2 bad usage or unreadable input.`;

type Io = { stdout(text: string): void; stderr(text: string): void };
const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** `argv` is what follows `pack` on the command line. */
export async function runPack(argv: string[], io: Io = processIo): Promise<number> {
  return withOneLineErrors('pack', io.stderr, async () => {
    const [sub, ...rest] = argv;
    if (sub === undefined) throw new UsageProblem("missing subcommand 'validate' (see 'pistudio pack --help')");
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (sub !== 'validate')
      throw new UsageProblem(`unknown subcommand '${sub.slice(0, 40)}' (see 'pistudio pack --help')`);
    const { values, positionals } = parseFileCommand('pack validate', rest, {
      kind: { type: 'string' },
      format: { type: 'string' },
      product: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const format = (values.format ?? 'text') as PackFormat;
    if (!FORMATS.includes(format))
      throw new UsageProblem(`unknown --format '${format.slice(0, 40)}' (expected ${FORMATS.join(', ')})`);
    if (values.kind === undefined) throw new UsageProblem(`--kind is required (${PACK_KINDS.join(', ')})`);
    if (!(PACK_KINDS as readonly string[]).includes(values.kind))
      throw new UsageProblem(`unknown --kind '${values.kind.slice(0, 40)}' (expected ${PACK_KINDS.join(', ')})`);
    if (positionals.length !== 1)
      throw new UsageProblem('give exactly one file (usage: pistudio pack validate <file>)');
    const { validatePackFile } = await import('../pack/run.ts');
    return await validatePackFile(
      positionals[0] as string,
      { kind: values.kind as PackKind, format, product: values.product, strict: values.strict === true },
      io.stdout,
    );
  });
}
