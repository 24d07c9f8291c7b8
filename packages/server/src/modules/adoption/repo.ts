// Queries for tracking plans and adoption events. Rows are mapped to plain records here; nothing else touches tables.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { adoptionEvents, type StoredPlanEvent, trackingPlans } from '../../db/schema/adoption.ts';
import { products } from '../../db/schema/workspace.ts';

export type { StoredPlanEvent };

type Person = { id: string; name: string; email: string } | null;

export type PlanRecord = { version: number; events: StoredPlanEvent[]; createdAt: Date; createdBy: Person };

const planColumns = {
  version: trackingPlans.version,
  events: trackingPlans.events,
  createdAt: trackingPlans.createdAt,
  authorId: users.id,
  authorName: users.name,
  authorEmail: users.email,
};

type PlanRow = { version: number; events: StoredPlanEvent[]; createdAt: Date } & {
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
};

function toPlan({ authorId, authorName, authorEmail, ...rest }: PlanRow): PlanRecord {
  return { ...rest, createdBy: authorId ? { id: authorId, name: authorName ?? '', email: authorEmail ?? '' } : null };
}

/** The product's newest plan version, or null while it has none. */
export async function latestPlan(db: Executor, productId: string): Promise<PlanRecord | null> {
  const [row] = await db
    .select(planColumns)
    .from(trackingPlans)
    .leftJoin(users, eq(users.id, trackingPlans.createdBy))
    .where(eq(trackingPlans.productId, productId))
    .orderBy(desc(trackingPlans.version))
    .limit(1);
  return row ? toPlan(row) : null;
}

/** Every version of the product's plan, newest first. */
export async function listPlans(db: Executor, productId: string): Promise<PlanRecord[]> {
  const rows = await db
    .select(planColumns)
    .from(trackingPlans)
    .leftJoin(users, eq(users.id, trackingPlans.createdBy))
    .where(eq(trackingPlans.productId, productId))
    .orderBy(desc(trackingPlans.version));
  return rows.map(toPlan);
}

/**
 * Stores version `version` of the plan; false when another save took that number first (the unique index decides,
 * so two concurrent saves based on one version cannot both win).
 */
export async function insertPlan(
  tx: Executor,
  row: { productId: string; version: number; events: StoredPlanEvent[]; createdBy: string | null },
): Promise<boolean> {
  const saved = await tx.insert(trackingPlans).values(row).onConflictDoNothing().returning({ id: trackingPlans.id });
  return saved.length === 1;
}

export type IngestProduct = { id: string; code: string; subsidiaryId: string };

export async function findProductsByCodes(db: Executor, codes: readonly string[]): Promise<IngestProduct[]> {
  if (!codes.length) return [];
  return db
    .select({ id: products.id, code: products.code, subsidiaryId: products.subsidiaryId })
    .from(products)
    .where(inArray(products.code, [...codes]));
}

/** The live event names of each product's newest plan (products without a plan are absent). */
export async function livePlannedEvents(
  db: Executor,
  productIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!productIds.length) return out;
  const rows = await db
    .selectDistinctOn([trackingPlans.productId], { productId: trackingPlans.productId, events: trackingPlans.events })
    .from(trackingPlans)
    .where(inArray(trackingPlans.productId, [...productIds]))
    .orderBy(trackingPlans.productId, desc(trackingPlans.version));
  for (const r of rows) out.set(r.productId, new Set(r.events.filter((e) => e.status === 'live').map((e) => e.name)));
  return out;
}

export type NewEventRow = typeof adoptionEvents.$inferInsert & { productId: string; eventId: string };

/** Inserts the rows, skipping those whose (product, event_id) is stored; answers the keys it inserted. */
export async function insertEvents(tx: Executor, rows: NewEventRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const inserted = await tx
    .insert(adoptionEvents)
    .values(rows)
    .onConflictDoNothing({ target: [adoptionEvents.productId, adoptionEvents.eventId] })
    .returning({ productId: adoptionEvents.productId, eventId: adoptionEvents.eventId });
  return new Set(inserted.map((r) => eventKey(r.productId, r.eventId)));
}

export const eventKey = (productId: string, eventId: string) => `${productId}\u0001${eventId}`;

/** The stored content hash of each (product, event_id) asked for that exists. */
export async function storedHashes(
  tx: Executor,
  keys: readonly { productId: string; eventId: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!keys.length) return out;
  const pairs = sql.join(
    keys.map((k) => sql`(${k.productId}::uuid, ${k.eventId})`),
    sql`, `,
  );
  const rows = await tx
    .select({ productId: adoptionEvents.productId, eventId: adoptionEvents.eventId, hash: adoptionEvents.contentHash })
    .from(adoptionEvents)
    .where(sql`(${adoptionEvents.productId}, ${adoptionEvents.eventId}) in (${pairs})`);
  for (const r of rows) out.set(eventKey(r.productId, r.eventId), r.hash);
  return out;
}
