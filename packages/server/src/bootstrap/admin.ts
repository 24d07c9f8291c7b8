import { count } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import { users } from '../db/schema/accounts.ts';
import { writeAudit } from '../modules/audit/writer.ts';
import { hashPassword } from '../modules/auth/crypto.ts';
import { checkPassword, generatePassword } from '../modules/auth/password-policy.ts';
import type { Deps } from '../use-case/deps.ts';

const ADMIN_NAME = 'Administrator';

export type CreatedAdmin = { email: string; generatedPassword: string | null };

/** On an empty database, creates the first administrator; returns null when users already exist. */
export async function ensureAdmin(deps: Deps): Promise<CreatedAdmin | null> {
  const [row] = await deps.db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return null;
  const email = (deps.config.adminEmail ?? 'admin@pistudio.local').toLowerCase();
  const owner = { email, name: ADMIN_NAME };
  const configured = deps.config.adminPassword;
  // Checked here, at first start, not when the config loads: an install whose first admin exists keeps starting
  // whatever PISTUDIO_ADMIN_PASSWORD still says (it is not used again).
  const problems = configured === undefined ? [] : checkPassword(configured, owner);
  if (problems.length) {
    throw new ConfigError(
      `invalid environment: PISTUDIO_ADMIN_PASSWORD ${problems.map((p) => p.reason).join('; ')} (or leave it unset to have one generated)`,
    );
  }
  const generated = configured === undefined ? generatePassword(owner) : null;
  const password = configured ?? (generated as string);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const [u] = await tx.insert(users).values({ email, name: ADMIN_NAME, passwordHash, isAdmin: true }).returning();
    if (!u) throw new Error('admin insert returned nothing');
    await writeAudit(
      tx,
      { actorId: null, actorLabel: 'system', requestId: 'bootstrap' },
      {
        action: 'user.created',
        targetType: 'user',
        targetId: u.id,
        targetLabel: email,
        after: { email, isAdmin: true },
      },
    );
  });
  return { email, generatedPassword: generated };
}
