import { isRole, ROLES, type Role } from '@pi-studio/core/access/roles';
import { migrate } from '@pi-studio/server/db/migrate';
import { memberships, subsidiaries, users } from '@pi-studio/server/db/schema';
import { writeAudit } from '@pi-studio/server/modules/audit/writer';
import { hashPassword, randomToken } from '@pi-studio/server/modules/auth/crypto';
import { findUserByEmail } from '@pi-studio/server/modules/auth/repo';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { CommandFailed, type CommandSpec, parseCommand, printUsage, required, UsageError } from '../args.ts';
import { cliActor, commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION, withDatabase } from '../runtime.ts';

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
  --password P       at least 10 characters (default: generated)
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
  const email = required(userCreateSpec, 'email', args.string('email')).toLowerCase();
  if (!z.email().safeParse(email).success)
    throw new UsageError(`user create: --email '${email}' is not an email address`);
  const name = required(userCreateSpec, 'name', args.string('name'));
  const given = args.string('password');
  if (given !== undefined && given.length < 10)
    throw new UsageError('user create: --password needs at least 10 characters');
  const roles = parseRoles(args.strings('role'));
  const password = given ?? randomToken(12);
  const isAdmin = args.flag('admin');

  await withDatabase(commandConfig(args.string('data-dir')), async (deps) => {
    await migrate(deps.handle);
    if (await findUserByEmail(deps.db, email)) throw new CommandFailed(`a user with email ${email} already exists`);
    const codes = roles.map((r) => r.code);
    const found = codes.length
      ? await deps.db.select().from(subsidiaries).where(inArray(subsidiaries.code, codes))
      : [];
    const unknown = codes.filter((c) => !found.some((s) => s.code === c));
    if (unknown.length > 0) throw new CommandFailed(`unknown subsidiary ${unknown.join(', ')}; create it first`);
    const passwordHash = await hashPassword(password);
    await deps.db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email, name, passwordHash, isAdmin }).returning();
      if (!user) throw new Error('user insert returned nothing');
      const rows = roles.map((r) => ({
        userId: user.id,
        subsidiaryId: found.find((s) => s.code === r.code)?.id ?? '',
        role: r.role,
      }));
      if (rows.length > 0) await tx.insert(memberships).values(rows).onConflictDoNothing();
      await writeAudit(tx, cliActor(), {
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        targetLabel: email,
        after: { email, name, isAdmin, memberships: roles.map((r) => `${r.code}:${r.role}`) },
      });
    });
  });
  const what = [isAdmin ? 'admin' : null, ...roles.map((r) => `${r.code}:${r.role}`)].filter(Boolean).join(', ');
  console.log(`Created user ${email}${what ? ` (${what})` : ''}`);
  if (!given) console.log(`Initial password (shown once): ${password}`);
  return 0;
}
