import { DEMO_PASSWORD, demoEmail } from '@pi-studio/server/demo/people';
import { CommandFailed, type CommandSpec, parseCommand, printUsage } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, describeTarget, withDatabase } from '../runtime.ts';

export const demoSpec: CommandSpec = {
  name: 'demo',
  options: { force: { type: 'boolean' }, ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio demo [--force] [--data-dir DIR]

Loads the demo studio: subsidiaries EMX, NXN, FINTX and EDC, about a dozen products at every stage, Context
and PRD documents of varied quality with several versions, and people in every role. They all sign in with
the password ${DEMO_PASSWORD} (e.g. ${demoEmail('omar')}, the ProductOps lead). On an empty database it first
migrates and creates the admin, like the server does. Refuses when the database already has products.

Options:
  --force            load into a database that already has products (existing demo products are kept)
${DATA_DIR_HELP}
  -h, --help         show this help
`,
};

export async function runDemo(argv: string[]): Promise<number> {
  const args = parseCommand(demoSpec, argv);
  if (args.help) return printUsage(demoSpec);
  const config = commandConfig(args.string('data-dir'));
  const [{ ensureAdmin }, { seedReferenceData }, { migrate }, { productCount }, { loadDemo }, { systemContext }] =
    await Promise.all([
      import('@pi-studio/server/bootstrap/admin'),
      import('@pi-studio/server/bootstrap/reference-data'),
      import('@pi-studio/server/db/migrate'),
      import('@pi-studio/server/modules/workspace/products/service'),
      import('@pi-studio/server/demo/load'),
      import('@pi-studio/server/use-case/context'),
    ]);
  const summary = await withDatabase(config, async (deps) => {
    await migrate(deps.handle);
    const admin = await ensureAdmin(deps);
    if (admin?.generatedPassword) {
      console.log(`Created admin ${admin.email} with password ${admin.generatedPassword} (shown once)`);
    }
    await seedReferenceData(deps);
    const existing = await productCount(systemContext(deps, 'cli'));
    if (existing > 0 && !args.flag('force')) {
      throw new CommandFailed(
        `${describeTarget(config)} already has ${existing} product(s); the demo goes into an empty studio (--force adds it anyway)`,
      );
    }
    return loadDemo(deps);
  });
  console.log(
    `Loaded the demo studio into ${describeTarget(config)}: ${summary.products} products, ${summary.versions} document versions, ${summary.users} people`,
  );
  console.log(`Sign in as ${demoEmail('omar')} (or any demo person) with password ${DEMO_PASSWORD}`);
  return 0;
}
