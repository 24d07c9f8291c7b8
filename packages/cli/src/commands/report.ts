// `pistudio report <kind>`: the studio's reports from the command line, the same numbers as the web page and the API
// (issue #15). Reads the database the server uses; sees the whole studio (no person, no subsidiary limit).
import type { Deps } from '@pi-studio/server/use-case/deps';
import { CommandFailed, type CommandSpec, parseCommand, UsageError } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, withDatabase } from '../runtime.ts';

const KINDS = ['weekly-intake', 'weekly-handover', 'sprint', 'monthly'] as const;
const BUILT = ['weekly-intake'] as const;
const FORMATS = ['md', 'json', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const reportSpec: CommandSpec = {
  name: 'report',
  options: {
    period: { type: 'string' },
    subsidiary: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    ...DATA_DIR_OPTION,
  },
  usage: `
Usage: pistudio report weekly-intake [--period YYYY-Www] [--subsidiary CODE] [--format md|json|pdf] [--out FILE]
                                     [--data-dir DIR]

Prints a report of the studio (docs/reports.md). weekly-intake: first-time pass rate, submissions, gate cycle time,
overdue conditions and the queue of an ISO week, with the week before, rejection reasons, subsidiaries and asks.
(weekly-handover, sprint and monthly are not built yet.)

Options:
  --period P         ISO week, e.g. 2026-W47 (default: the last complete week)
  --subsidiary CODE  one subsidiary (default: all)
  --format FORMAT    md (default), json (the API's snapshot) or pdf (needs --out)
  --out FILE         write to FILE instead of standard output
${DATA_DIR_HELP}
  -h, --help         show this help

Exit codes: 0 written, 1 the database cannot be opened, 2 bad usage (unknown report, a bad or unfinished period).
`,
};

type Io = {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  write(file: string, data: string | Uint8Array): Promise<void>;
};
const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  write: async (file, data) => (await import('node:fs/promises')).writeFile(file, data),
};

export type OpenDatabase = <T>(dataDir: string | undefined, fn: (deps: Deps) => Promise<T>) => Promise<T>;

const openConfigured: OpenDatabase = async (dataDir, fn) => {
  const config = commandConfig(dataDir);
  const [fs, { pgliteDir }] = await Promise.all([import('node:fs'), import('@pi-studio/server/main')]);
  if (!config.databaseUrl && !fs.existsSync(pgliteDir(config.dataDir))) {
    throw new CommandFailed(`there is no database in ${config.dataDir} to report on`);
  }
  return withDatabase(config, fn);
};

async function report(argv: string[], io: Io, open: OpenDatabase): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined) throw new UsageError(`report: name a report: ${KINDS.join(', ')}`);
  const args = parseCommand(reportSpec, rest);
  if (args.help) {
    io.stdout(`${reportSpec.usage.trim()}\n`);
    return 0;
  }
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`report: unknown report '${kind}' (expected ${KINDS.join(', ')})`);
  }
  if (!(BUILT as readonly string[]).includes(kind))
    throw new UsageError(`report: '${kind}' is not built yet; weekly-intake is`);
  const format = (args.string('format') ?? 'md') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`report: unknown --format '${format}' (expected md, json or pdf)`);
  const out = args.string('out');
  if (format === 'pdf' && !out) throw new UsageError('report: --format pdf writes a file: add --out FILE');
  const [{ ZWeeklyReportQuery }, { weeklyIntake, weeklyIntakePdf }, { systemContext }, { Invalid }] = await Promise.all(
    [
      import('@pi-studio/core/contract/reports'),
      import('@pi-studio/server/modules/reports/service'),
      import('@pi-studio/server/use-case/context'),
      import('@pi-studio/server/use-case/errors'),
    ],
  );
  const parsed = ZWeeklyReportQuery.safeParse({ week: args.string('period'), subsidiary: args.string('subsidiary') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'week' ? '--period' : '--subsidiary';
    throw new UsageError(`report: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const data = await open(args.string('data-dir'), async (deps) => {
    const ctx = systemContext(deps, 'cli');
    try {
      if (format === 'pdf') return (await weeklyIntakePdf(ctx, parsed.data)).bytes;
      const snapshot = await weeklyIntake(ctx, parsed.data);
      return format === 'json' ? `${JSON.stringify(snapshot, null, 2)}\n` : snapshot.markdown;
    } catch (err) {
      if (err instanceof Invalid)
        throw new UsageError(`report: --period: ${err.invalidParams[0]?.reason ?? err.message}`);
      throw err;
    }
  });
  if (out) await io.write(out, data);
  else io.stdout(data);
  return 0;
}

export async function runReport(argv: string[], io: Io = processIo, open: OpenDatabase = openConfigured) {
  try {
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout(`${reportSpec.usage.trim()}\n`);
      return 0;
    }
    return await report(argv, io, open);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof CommandFailed)) throw err;
    io.stderr(`pistudio: ${err.message.split('\n')[0]}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
