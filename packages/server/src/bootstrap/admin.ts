import { count } from 'drizzle-orm';
import { users } from '../db/schema/accounts.ts';
import type { Deps } from '../http/deps.ts';
import { writeAudit } from '../modules/audit/writer.ts';
import { hashPassword, randomToken } from '../modules/auth/crypto.ts';

export type CreatedAdmin = { email: string; generatedPassword: string | null };

/** On an empty database, creates the first administrator; returns null when users already exist. */
export async function ensureAdmin(deps: Deps): Promise<CreatedAdmin | null> {
  const [row] = await deps.db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return null;
  const email = (deps.config.adminEmail ?? 'admin@pistudio.local').toLowerCase();
  const generated = deps.config.adminPassword ? null : randomToken(12);
  const password = deps.config.adminPassword ?? (generated as string);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ email, name: 'Administrator', passwordHash, isAdmin: true })
      .returning();
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
