// Queries for tracking plans and adoption events. Rows are mapped to plain records here; nothing else touches tables.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { type adoptionEvents, type StoredPlanEvent, trackingPlans } from '../../db/schema/adoption.ts';
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

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/**
 * Inserts the rows, skipping those whose (product, event_id) is stored; answers the keys it inserted. The batch goes
 * in as one JSON parameter expanded by jsonb_to_recordset: building a 1,000-row VALUES list through the query builder
 * (15,000 parameters) took most of an ingest request's time.
 */
export async function insertEvents(tx: Executor, rows: NewEventRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const batch = rows.map((r) => ({
    product_id: r.productId,
    event_id: r.eventId,
    event: r.event,
    occurred_at: r.occurredAt,
    received_at: r.receivedAt,
    user_id: r.userId ?? null,
    anonymous_id: r.anonymousId ?? null,
    account_id: r.accountId ?? null,
    properties: r.properties,
    environment: r.environment,
    app_version: r.appVersion ?? null,
    timezone: r.timezone ?? null,
    source: r.source,
    late: r.late ?? false,
    content_hash: r.contentHash,
  }));
  const inserted = rowsOf(
    await tx.execute(sql`
      insert into adoption_events (product_id, event_id, event, occurred_at, received_at, user_id, anonymous_id,
        account_id, properties, environment, app_version, timezone, source, late, content_hash)
      select product_id, event_id, event, occurred_at, received_at, user_id, anonymous_id, account_id, properties,
        environment, app_version, timezone, source, late, content_hash
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(product_id uuid, event_id text, event text,
        occurred_at timestamptz, received_at timestamptz, user_id text, anonymous_id text, account_id text,
        properties jsonb, environment text, app_version text, timezone text, source text, late boolean,
        content_hash text)
      on conflict (product_id, event_id) do nothing
      returning product_id, event_id`),
  );
  return new Set(inserted.map((r) => eventKey(String(r.product_id), String(r.event_id))));
}

export const eventKey = (productId: string, eventId: string) => `${productId}\u0001${eventId}`;

/** The stored content hash of each (product, event_id) asked for that exists (the keys go in as one JSON parameter). */
export async function storedHashes(
  tx: Executor,
  keys: readonly { productId: string; eventId: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!keys.length) return out;
  const json = JSON.stringify(keys.map((k) => ({ product_id: k.productId, event_id: k.eventId })));
  const rows = rowsOf(
    await tx.execute(sql`
      select e.product_id, e.event_id, e.content_hash from adoption_events e
      join jsonb_to_recordset(${json}::jsonb) as k(product_id uuid, event_id text)
        on e.product_id = k.product_id and e.event_id = k.event_id`),
  );
  for (const r of rows) out.set(eventKey(String(r.product_id), String(r.event_id)), String(r.content_hash));
  return out;
}
