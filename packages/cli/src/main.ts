// `pistudio` dispatcher. Every failure ends as ONE line on stderr (`pistudio: …`) and a stable exit code:
// 0 done, 1 the command could not do its job (data directory in use, database not empty…), 2 bad usage or input.
import module from 'node:module';
import { CommandFailed, UsageError } from './args.ts';

// Node 22.1+ keeps the code it compiled for the bundle's chunks on disk, so the next `pistudio` run skips compiling
// them (~25 ms of every `pistudio gate`). Node 20 has no such cache: nothing happens there.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

// Loaded lazily: `pistudio gate` and `--help` must not pay for loading the server.
const COMMANDS: Record<string, Command> = {
  serve: { summary: 'serve the web UI and API', run: async (a) => (await import('./commands/serve.ts')).runServe(a) },
  migrate: {
    summary: 'apply database migrations',
    run: async (a) => (await import('./commands/migrate.ts')).runMigrate(a),
  },
  demo: { summary: 'load the demo studio', run: async (a) => (await import('./commands/demo.ts')).runDemo(a) },
  user: {
    summary: 'user create: add a person who can sign in',
    run: async (a) => (await import('./commands/user.ts')).runUser(a),
  },
  token: {
    summary: 'token create: issue an API token',
    run: async (a) => (await import('./commands/token.ts')).runToken(a),
  },
  backup: {
    summary: 'write a consistent dump of all data to FILE',
    run: async (a) => (await import('./commands/backup.ts')).runBackup(a),
  },
  restore: {
    summary: 'restore FILE into an empty data directory',
    run: async (a) => (await import('./commands/restore.ts')).runRestore(a),
  },
  gate: {
    summary: 'score PRDs against the quality gate rubric',
    run: async (a) => {
      const { runGate } = await import('./commands/gate.ts');
      return runGate(a);
    },
  },
  requirements: {
    summary: 'list the requirements of a PRD with their acceptance criteria',
    run: async (a) => (await import('./commands/requirements.ts')).runRequirements(a),
  },
  intake: {
    summary: 'intake parse: read a WhatsApp, Slack or Teams export',
    run: async (a) => (await import('./commands/intake.ts')).runIntake(a),
  },
  pack: {
    summary: 'pack validate: check a QA, security, runbook, release-notes or doc pack',
    run: async (a) => (await import('./commands/pack.ts')).runPack(a),
  },
  report: {
    summary: 'report weekly-intake: the studio report of a week (md, json, pdf)',
    run: async (a) => (await import('./commands/report.ts')).runReport(a),
  },
  signoff: {
    summary: 'signoff verify: check the sign-off hash chains',
    run: async (a) => (await import('./commands/signoff.ts')).runSignoff(a),
  },
};

const HELP = `
Usage: pistudio <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join('\n')}
  help          show this help, or 'pistudio help <command>'

Run 'pistudio <command> --help' for a command's options. Configuration comes from the environment:
PISTUDIO_DATA_DIR (default ./data), DATABASE_URL (PostgreSQL instead of the embedded database), PORT…
Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage or unreadable input.
`;

/** Maps an error to its exit code and the one line to print; unexpected errors keep their message only. */
async function failure(err: unknown): Promise<{ code: number; line: string }> {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n')[0] ?? message;
  if (err instanceof UsageError) return { code: 2, line };
  if (err instanceof CommandFailed) return { code: 1, line };
  // Server error classes are loaded only on this path so usage errors and --help stay fast.
  const [{ BackupFormatError, RestoreRefusedError }, { ConfigError }, { DataDirLockedError }] = await Promise.all([
    import('@pi-studio/server/backup/format'),
    import('@pi-studio/server/config'),
    import('@pi-studio/server/db/lock'),
  ]);
  if (err instanceof BackupFormatError) return { code: 2, line };
  if (err instanceof DataDirLockedError || err instanceof RestoreRefusedError || err instanceof ConfigError) {
    return { code: 1, line };
  }
  return { code: 1, line: `unexpected error: ${line}` };
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError("missing command (see 'pistudio help')");
    if (name === 'help' || name === '--help' || name === '-h') {
      const topic = rest[0];
      if (topic && COMMANDS[topic]) return await (COMMANDS[topic] as Command).run(['--help']);
      if (topic) throw new UsageError(`unknown command '${topic}' (see 'pistudio help')`);
      process.stdout.write(`${HELP.trim()}\n`);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command '${name}' (see 'pistudio help')`);
    return await command.run(rest);
  } catch (err) {
    const { code, line } = await failure(err);
    process.stderr.write(`pistudio: ${line}\n`);
    return code;
  }
}
