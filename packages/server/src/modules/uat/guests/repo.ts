// Guest links: stored by the sha256 of their token (the token itself is shown once and never kept), with the session
// and the product they open.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { uatGuestLinks, uatSessions } from '../../../db/schema/uat.ts';
import { products } from '../../../db/schema/workspace.ts';

export type GuestLinkRecord = {
  id: string;
  sessionId: string;
  sessionKey: string;
  productId: string;
  guestName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: uatGuestLinks.id,
  sessionId: uatGuestLinks.sessionId,
  sessionKey: uatSessions.key,
  productId: uatGuestLinks.productId,
  guestName: uatGuestLinks.guestName,
  expiresAt: uatGuestLinks.expiresAt,
  revokedAt: uatGuestLinks.revokedAt,
  lastUsedAt: uatGuestLinks.lastUsedAt,
  createdAt: uatGuestLinks.createdAt,
};

const linkQuery = (db: Executor) =>
  db.select(columns).from(uatGuestLinks).innerJoin(uatSessions, eq(uatSessions.id, uatGuestLinks.sessionId));

export async function insertGuestLink(
  tx: Executor,
  v: {
    sessionId: string;
    productId: string;
    guestName: string;
    tokenHash: string;
    expiresAt: Date;
    createdBy: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(uatGuestLinks)
    .values({ ...v, createdAt: v.at })
    .returning({ id: uatGuestLinks.id });
  if (!row) throw new Error('guest link insert returned nothing');
  return row.id;
}

export async function listGuestLinks(db: Executor, sessionId: string): Promise<GuestLinkRecord[]> {
  return linkQuery(db)
    .where(eq(uatGuestLinks.sessionId, sessionId))
    .orderBy(asc(uatGuestLinks.createdAt), asc(uatGuestLinks.id));
}

export async function findGuestLink(
  db: Executor,
  productId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<GuestLinkRecord | null> {
  const q = linkQuery(db)
    .where(and(eq(uatGuestLinks.id, id), eq(uatGuestLinks.productId, productId)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: uatGuestLinks }) : await q;
  return row ?? null;
}

/** The link a token hash opens, with its product's code and subsidiary. */
export async function findGuestLinkByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ ...columns, productCode: products.code, subsidiaryId: products.subsidiaryId })
    .from(uatGuestLinks)
    .innerJoin(uatSessions, eq(uatSessions.id, uatGuestLinks.sessionId))
    .innerJoin(products, eq(products.id, uatGuestLinks.productId))
    .where(eq(uatGuestLinks.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function revokeGuestLink(tx: Executor, id: string, by: string | null, at: Date): Promise<void> {
  await tx.update(uatGuestLinks).set({ revokedAt: at, revokedBy: by }).where(eq(uatGuestLinks.id, id));
}

export async function touchGuestLink(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(uatGuestLinks).set({ lastUsedAt: at }).where(eq(uatGuestLinks.id, id));
}
