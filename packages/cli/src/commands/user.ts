import { isRole, ROLES, type Role } from '@pi-studio/core/access/roles';
import { CommandFailed, type CommandSpec, parseCommand, printUsage, required, UsageError } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, withDatabase } from '../runtime.ts';

export const userCreateSpec: CommandSpec = {
  name: 'user create',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    admin: { type: 'boolean' },
    role: { type: 'string', multiple: true },
    ...DATA_DIR_OPTION,
  },
  usage: `
Usage: pistudio user create --email E --name N [--password P] [--admin] [--role SUB:ROLE ...] [--data-dir DIR]

Creates a person who can sign in. Without --password a password is generated and printed once.

Options:
  --email E          sign-in email (unique)
  --name N           display name
  --password P       12+ characters, not a common password, not the person's name or email
                     (default: generated)
  --admin            studio administrator: sees and manages every subsidiary
  --role SUB:ROLE    membership, repeatable, e.g. --role FINTX:po --role EMX:viewer
                     roles: ${ROLES.join(', ')}
${DATA_DIR_HELP}
  -h, --help         show this help

Example:
  pistudio user create --email musa@example.com --name "Musa Okafor" --role NXN:vb
`,
};

const USER_HELP = `
Usage: pistudio user create --email E --name N [options]

Commands:
  create             create a person (see 'pistudio user create --help')
`;

function parseRoles(values: string[]): { code: string; role: Role }[] {
  return values.map((value) => {
    const m = /^([A-Za-z0-9_-]+):([a-z]+)$/.exec(value.trim());
    if (!m?.[1] || !m[2] || !isRole(m[2])) {
      throw new UsageError(
        `user create: --role must look like SUB:ROLE with ROLE one of ${ROLES.join('|')}, got '${value}'`,
      );
    }
    return { code: m[1].toUpperCase(), role: m[2] };
  });
}

export async function runUser(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError("user: missing command, e.g. 'user create' (see 'pistudio user --help')");
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(`${USER_HELP.trim()}\n`);
    return 0;
  }
  if (sub !== 'create') throw new UsageError(`user: unknown command '${sub}' (see 'pistudio user --help')`);
  const args = parseCommand(userCreateSpec, rest);
  if (args.help) return printUsage(userCreateSpec);
  const roles = parseRoles(args.strings('role'));
  const input = {
    email: required(userCreateSpec, 'email', args.string('email')),
    name: required(userCreateSpec, 'name', args.string('name')),
    password: args.string('password'),
    isAdmin: args.flag('admin'),
    memberships: roles.map((r) => ({ subsidiary: r.code, role: r.role })),
  };
  // The same schema and use case as POST /api/v1/users: one set of rules, one audit event.
  const [{ ZUserBody }, { createUser }, { DomainError }, { systemContext }, { migrate }, { checkPassword }] =
    await Promise.all([
      import('@pi-studio/core/contract/workspace'),
      import('@pi-studio/server/modules/workspace/users/service'),
      import('@pi-studio/server/use-case/errors'),
      import('@pi-studio/server/use-case/context'),
      import('@pi-studio/server/db/migrate'),
      import('@pi-studio/server/modules/auth/password-policy'),
    ]);
  const parsed = ZUserBody.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`user create: --${String(issue?.path[0] ?? 'input')}: ${issue?.message ?? 'invalid'}`);
  }
  // A weak password is a wrong command line (exit 2), refused before the data directory is touched; createUser
  // checks again with the same policy.
  const { password, email, name } = parsed.data;
  const problems = password === undefined ? [] : checkPassword(password, { email, name });
  if (problems.length) throw new UsageError(`user create: --password: ${problems.map((p) => p.reason).join('; ')}`);
  const created = await withDatabase(commandConfig(args.string('data-dir')), async (deps) => {
    await migrate(deps.handle);
    try {
      return await createUser(systemContext(deps, 'cli'), parsed.data);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const param = err.invalidParams[0];
      throw new CommandFailed(
        param ? `--${param.name === 'memberships' ? 'role' : param.name}: ${param.reason}` : err.message,
      );
    }
  });
  const what = [created.isAdmin ? 'admin' : null, ...roles.map((r) => `${r.code}:${r.role}`)].filter(Boolean);
  console.log(`Created user ${created.email}${what.length ? ` (${what.join(', ')})` : ''}`);
  if (created.initialPassword) console.log(`Initial password (shown once): ${created.initialPassword}`);
  return 0;
}
