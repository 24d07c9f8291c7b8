import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { apiTokens } from '../../../db/schema/accounts.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const findActiveToken = async (db: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> =>
  (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1)
  )[0];

export const findTokenById = async (db: Executor, id: string): Promise<ApiTokenRow | undefined> =>
  (await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0];

export const listTokensOf = (db: Executor, userId: string): Promise<ApiTokenRow[]> =>
  db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);

export async function insertToken(
  tx: Executor,
  row: Pick<ApiTokenRow, 'userId' | 'name' | 'prefix' | 'tokenHash' | 'scopes' | 'expiresAt'>,
): Promise<ApiTokenRow> {
  const [created] = await tx.insert(apiTokens).values(row).returning();
  if (!created) throw new Error('token insert returned nothing');
  return created;
}

export async function setTokenRevoked(tx: Executor, id: string, at: Date): Promise<void> {
  await tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
}

export async function touchToken(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
