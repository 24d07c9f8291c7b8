import fs from 'node:fs';
import path from 'node:path';
import { CommandFailed, type CommandSpec, parseCommand, printUsage } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, describeTarget, withDatabase } from '../runtime.ts';

export const backupSpec: CommandSpec = {
  name: 'backup',
  positionals: ['FILE'],
  options: { force: { type: 'boolean' }, ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio backup FILE [--force] [--data-dir DIR]

Writes a consistent, portable dump of all data (every table, one snapshot) to FILE: gzip'd JSON lines that
restore into the embedded database or PostgreSQL alike. With the embedded database, stop the server first
(it holds the data directory); with DATABASE_URL the server may keep running.

Options:
  --force            overwrite FILE if it exists
${DATA_DIR_HELP}
  -h, --help         show this help

Example:
  pistudio backup backups/studio-$(date +%F).pistudio.gz
`,
};

export async function runBackup(argv: string[]): Promise<number> {
  const args = parseCommand(backupSpec, argv);
  if (args.help) return printUsage(backupSpec);
  const file = path.resolve(args.positionals[0] ?? '');
  const config = commandConfig(args.string('data-dir'));
  if (fs.existsSync(file) && !args.flag('force'))
    throw new CommandFailed(`${file} exists; choose another name or pass --force`);
  if (!fs.existsSync(path.dirname(file))) throw new CommandFailed(`directory ${path.dirname(file)} does not exist`);
  const [{ dumpDatabase }, { pgliteDir }] = await Promise.all([
    import('@pi-studio/server/backup/dump'),
    import('@pi-studio/server/main'),
  ]);
  if (!config.databaseUrl && !fs.existsSync(pgliteDir(config.dataDir))) {
    throw new CommandFailed(`there is no database in ${config.dataDir} to back up`);
  }
  const summary = await withDatabase(config, (deps) => dumpDatabase(deps.handle, file, deps.now()));
  const kb = Math.max(1, Math.round(summary.bytes / 1024));
  console.log(
    `Backed up ${summary.rows} rows from ${summary.tables.length} tables of ${describeTarget(config)} to ${file} (${kb} KB)`,
  );
  return 0;
}
