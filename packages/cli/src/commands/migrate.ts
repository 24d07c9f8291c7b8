import { type CommandSpec, parseCommand, printUsage } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, describeTarget, withDatabase } from '../runtime.ts';

export const migrateSpec: CommandSpec = {
  name: 'migrate',
  options: { ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio migrate [--data-dir DIR]

Applies the database migrations (forward only; nothing happens when the schema is current). The server
does this itself on start; use it before a backup of an old directory or in deployment pipelines.

Options:
${DATA_DIR_HELP}
  -h, --help         show this help
`,
};

export async function runMigrate(argv: string[]): Promise<number> {
  const args = parseCommand(migrateSpec, argv);
  if (args.help) return printUsage(migrateSpec);
  const config = commandConfig(args.string('data-dir'));
  const [{ migrate }, { latestMigrationTag }] = await Promise.all([
    import('@pi-studio/server/db/migrate'),
    import('@pi-studio/server/backup/migrations'),
  ]);
  await withDatabase(config, (deps) => migrate(deps.handle));
  console.log(`Migrated ${describeTarget(config)} to ${latestMigrationTag()}`);
  return 0;
}
