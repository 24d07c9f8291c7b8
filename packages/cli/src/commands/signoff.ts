// `pistudio signoff verify [--product CODE] [--format text|json] [--data-dir DIR]` (issue #13): checks the sign-off
// hash chains in the database, like GET /api/v1/products/:code/signoffs/verify (one product) or
// GET /api/v1/signoffs/verify (every product). --format json prints that endpoint's answer. Exit 0 when every chain
// is intact and no signed story changed, 1 when something is broken or changed (each problem printed) or the
// database cannot be opened, 2 on bad usage or an unknown product, with one line.
import type { SignoffVerify } from '@pi-studio/core/contract/signoff';
import type { Deps } from '@pi-studio/server/use-case/deps';
import { CommandFailed, type CommandSpec, parseCommand, UsageError } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, withDatabase } from '../runtime.ts';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const signoffVerifySpec: CommandSpec = {
  name: 'signoff verify',
  options: { product: { type: 'string' }, format: { type: 'string' }, ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio signoff verify [--product CODE] [--format text|json] [--data-dir DIR]

Verifies the sign-off hash chains: recomputes every record's hash and link, each content hash and each evidence
file's sha256, and lists signed stories whose content changed since their sign-off (docs/signoff.md).

Options:
  --product CODE     one product's chain (default: every product with sign-offs)
  --format FORMAT    text (default) or json: {"ok","checked","broken":[{"key","reason"}],
                     "changedSinceSignoff":[{"signoff","storyKey","signedRevision","currentRevision"}],"evidence":[…]}
${DATA_DIR_HELP}
  -h, --help         show this help

Exit codes: 0 intact, 1 broken or changed (or the database cannot be opened), 2 bad usage or unknown product.
`,
};

const SIGNOFF_HELP = `
Usage: pistudio signoff verify [options]

Commands:
  verify             verify the sign-off hash chains (see 'pistudio signoff verify --help')
`;

type Io = { stdout(text: string): void; stderr(text: string): void };
const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs `fn` with the database of `dataDir` (the tests pass their own database here). */
export type OpenDatabase = <T>(dataDir: string | undefined, fn: (deps: Deps) => Promise<T>) => Promise<T>;

const openConfigured: OpenDatabase = async (dataDir, fn) => {
  const config = commandConfig(dataDir);
  const [fs, { pgliteDir }] = await Promise.all([import('node:fs'), import('@pi-studio/server/main')]);
  if (!config.databaseUrl && !fs.existsSync(pgliteDir(config.dataDir))) {
    throw new CommandFailed(`there is no database in ${config.dataDir} to verify`);
  }
  return withDatabase(config, fn);
};

export function formatVerifyText(r: SignoffVerify, scope: string): string {
  const lines: string[] = [];
  for (const b of r.broken) lines.push(`BROKEN   ${b.key}: ${b.reason}`);
  for (const c of r.changedSinceSignoff) {
    const now = c.currentRevision === null ? 'deleted since' : `now revision ${c.currentRevision}`;
    lines.push(`CHANGED  ${c.storyKey}: signed at revision ${c.signedRevision} in ${c.signoff}, ${now}`);
  }
  for (const e of r.evidence) lines.push(`evidence ${e.signoff} ${e.fileName} sha256 ${e.sha256}`);
  const problems = r.broken.length + r.changedSinceSignoff.length;
  lines.push(
    r.ok
      ? `Verified ${r.checked} sign-off(s) of ${scope}: every chain is intact and no signed story changed.`
      : `Verified ${r.checked} sign-off(s) of ${scope}: ${problems} problem(s): ${r.broken.length} broken, ${r.changedSinceSignoff.length} changed since sign-off.`,
  );
  return `${lines.join('\n')}\n`;
}

async function verify(argv: string[], io: Io, open: OpenDatabase): Promise<number> {
  const args = parseCommand(signoffVerifySpec, argv);
  if (args.help) {
    io.stdout(`${signoffVerifySpec.usage.trim()}\n`);
    return 0;
  }
  const format = (args.string('format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`signoff verify: unknown --format '${format}' (expected ${FORMATS.join(' or ')})`);
  }
  const product = args.string('product')?.trim();
  if (product !== undefined && (product === '' || product.length > 60)) {
    throw new UsageError('signoff verify: --product needs a product code (1 to 60 characters)');
  }
  const [{ verifyProductSignoffs, verifyStudioSignoffs }, { systemContext }, { NotFound }] = await Promise.all([
    import('@pi-studio/server/modules/signoff/service'),
    import('@pi-studio/server/use-case/context'),
    import('@pi-studio/server/use-case/errors'),
  ]);
  const result = await open(args.string('data-dir'), async (deps) => {
    const ctx = systemContext(deps, 'cli');
    try {
      return product === undefined ? await verifyStudioSignoffs(ctx) : await verifyProductSignoffs(ctx, product);
    } catch (err) {
      if (err instanceof NotFound) throw new UsageError(`signoff verify: unknown product '${product}'`);
      throw err;
    }
  });
  io.stdout(
    format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatVerifyText(result, product ?? 'every product'),
  );
  return result.ok ? 0 : 1;
}

export async function runSignoff(argv: string[], io: Io = processIo, open: OpenDatabase = openConfigured) {
  const [sub, ...rest] = argv;
  try {
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout(`${SIGNOFF_HELP.trim()}\n`);
      return 0;
    }
    if (sub !== 'verify') {
      throw new UsageError(
        sub === undefined
          ? "signoff: missing command, e.g. 'signoff verify' (see 'pistudio signoff --help')"
          : `signoff: unknown command '${sub}' (see 'pistudio signoff --help')`,
      );
    }
    return await verify(rest, io, open);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof CommandFailed)) throw err;
    io.stderr(`pistudio: ${err.message.split('\n')[0]}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
