import { TOKEN_SCOPES } from '@pi-studio/core/access/token-scopes';
import {
  CommandFailed,
  type CommandSpec,
  parseCommand,
  positiveInt,
  printUsage,
  required,
  UsageError,
} from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, withDatabase } from '../runtime.ts';

export const tokenCreateSpec: CommandSpec = {
  name: 'token create',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    scope: { type: 'string', multiple: true },
    'expires-days': { type: 'string' },
    ...DATA_DIR_OPTION,
  },
  usage: `
Usage: pistudio token create --email E --name N [--scope ${TOKEN_SCOPES.join('|')} ...] [--expires-days D]
                             [--data-dir DIR]

Creates an API token for an existing person (for CI, scripts and integrations: Authorization: Bearer TOKEN).
The secret goes to stdout and is shown only this once; PI Studio stores only its hash.

Options:
  --email E          the person the token acts for (their roles apply)
  --name N           what the token is for, e.g. "CI gate"
  --scope S          ${TOKEN_SCOPES.join(', ')}; repeatable (default: read). events opens only
                     POST /api/v1/events (adoption events, docs/adoption.md)
  --expires-days D   expires after D days (1–3650; default: never)
${DATA_DIR_HELP}
  -h, --help         show this help

Example:
  TOKEN=$(pistudio token create --email omar@demo.pistudio.local --name ci --scope read --scope write)
`,
};

export async function runToken(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined)
    throw new UsageError("token: missing command, e.g. 'token create' (see 'pistudio token --help')");
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(
      "Usage: pistudio token create --email E --name N [options]\n\nCommands:\n  create             create an API token (see 'pistudio token create --help')\n",
    );
    return 0;
  }
  if (sub !== 'create') throw new UsageError(`token: unknown command '${sub}' (see 'pistudio token --help')`);
  const args = parseCommand(tokenCreateSpec, rest);
  if (args.help) return printUsage(tokenCreateSpec);
  const email = required(tokenCreateSpec, 'email', args.string('email')).toLowerCase();
  const name = required(tokenCreateSpec, 'name', args.string('name'));
  if (name.length > 100) throw new UsageError('token create: --name is longer than 100 characters');
  const scopes = args.strings('scope').map((s) => {
    const scope = TOKEN_SCOPES.find((x) => x === s);
    if (!scope) throw new UsageError(`token create: --scope must be one of ${TOKEN_SCOPES.join('|')}, got '${s}'`);
    return scope;
  });
  const days = positiveInt(tokenCreateSpec, 'expires-days', args.string('expires-days'));
  if (days !== undefined && days > 3650) throw new UsageError('token create: --expires-days must be at most 3650');

  const [{ migrate }, { createTokenFor }, { systemContext }, { DomainError }] = await Promise.all([
    import('@pi-studio/server/db/migrate'),
    import('@pi-studio/server/modules/auth/tokens/service'),
    import('@pi-studio/server/use-case/context'),
    import('@pi-studio/server/use-case/errors'),
  ]);
  const { token } = await withDatabase(commandConfig(args.string('data-dir')), async (deps) => {
    await migrate(deps.handle);
    try {
      return await createTokenFor(systemContext(deps, 'cli'), email, {
        name,
        scopes: scopes.length ? [...new Set(scopes)] : ['read'],
        expiresInDays: days,
      });
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') throw new CommandFailed(err.message);
      throw err;
    }
  });
  console.error(`Created API token "${name}" for ${email}; it is shown once, store it now:`);
  console.log(token);
  return 0;
}
