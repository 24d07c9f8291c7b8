import path from 'node:path';
import { type CommandSpec, parseCommand, printUsage } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, describeTarget, withDatabase } from '../runtime.ts';

export const restoreSpec: CommandSpec = {
  name: 'restore',
  positionals: ['FILE'],
  options: { ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio restore FILE [--data-dir DIR]

Restores a file written by 'pistudio backup' into an EMPTY data directory (or an empty DATABASE_URL
database): migrates, inserts every row in one transaction, resets sequences and runs VACUUM ANALYZE.
Refuses (exit 1) when the target already holds data; a file that is not a PI Studio backup exits 2.

Options:
${DATA_DIR_HELP}
  -h, --help         show this help

Example:
  PISTUDIO_DATA_DIR=./data-restored pistudio restore backups/studio-2026-11-24.pistudio.gz
`,
};

export async function runRestore(argv: string[]): Promise<number> {
  const args = parseCommand(restoreSpec, argv);
  if (args.help) return printUsage(restoreSpec);
  const file = path.resolve(args.positionals[0] ?? '');
  const { readBackupHeader, restoreDatabase } = await import('@pi-studio/server/backup/restore');
  // Checked before opening the database so a wrong file never creates or touches a data directory.
  await readBackupHeader(file);
  const config = commandConfig(args.string('data-dir'));
  const summary = await withDatabase(config, (deps) => restoreDatabase(deps.handle, file));
  console.log(
    `Restored ${summary.rows} rows into ${summary.tables.length} tables of ${describeTarget(config)} (schema ${summary.schemaMigration})`,
  );
  return 0;
}
