// Adoption event ingest (POST /events, issue #15; research/adoption-and-reporting.md §1.3–1.5). Each record is checked
// on its own (core's metrics/event-envelope.ts) against its product's live tracking-plan events, and refused with its
// index, field and code, never dropped silently. The accepted ones are stored in one transaction, idempotent by
// (product, event_id): the same id with the same content is a duplicate (counted, ignored), with other content it is
// refused `event_id_conflict`. Nothing accepted or duplicate: 400 with the same list of refusals.
import { createHash } from 'node:crypto';
import {
  ADOPTION_LIMITS,
  type EventBatchBody,
  type EventBatchResult,
  type RejectedEvent,
} from '@pi-studio/core/contract/adoption';
import { type AdoptionEvent, checkEnvelope, type EnvelopeError } from '@pi-studio/core/metrics/event-envelope';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { DomainError, TooLarge } from '../../use-case/errors.ts';
import { type SendDecision, sendDecision } from './policy.ts';
import {
  eventKey,
  findProductsByCodes,
  type IngestProduct,
  insertEvents,
  livePlannedEvents,
  type NewEventRow,
  storedHashes,
} from './repo.ts';

type Candidate = { index: number; key: string; row: NewEventRow };

const NOTHING_PLANNED: ReadonlySet<string> = new Set();

const PRODUCT_ERROR: Record<Exclude<SendDecision, 'allow'>, (code: string) => EnvelopeError> = {
  unknown_product: (code) => ({
    field: 'product',
    code: 'unknown_product',
    message: `No product ${code} you can see.`,
  }),
  product_forbidden: (code) => ({
    field: 'product',
    code: 'product_forbidden',
    message: `Your role does not allow sending events for ${code}.`,
  }),
};

const conflictError = (eventId: string): EnvelopeError => ({
  field: 'event_id',
  code: 'event_id_conflict',
  message: `An event with event_id ${eventId} and other content is stored: send a new event_id for a new event.`,
});

export async function ingestEvents(ctx: UseCaseCtx, body: EventBatchBody): Promise<EventBatchResult> {
  const actor = ctx.requireActor();
  // Access is decided per record (policy.ts), on the product each one names.
  ctx.markAuthorized();
  const records = body.events;
  if (records.length > ADOPTION_LIMITS.batchEvents) {
    throw new TooLarge(
      'too_many_events',
      `a batch holds at most ${ADOPTION_LIMITS.batchEvents} events; this one has ${records.length}`,
      [{ name: 'events', reason: `at most ${ADOPTION_LIMITS.batchEvents} events per request` }],
    );
  }
  const db = ctx.deps.db;
  const receivedAt = ctx.deps.now();
  const products = await productsNamed(ctx, records);
  const allowed = [...products.values()].filter((p) => sendDecision(actor, p.subsidiaryId) === 'allow');
  const planned = await livePlannedEvents(
    db,
    allowed.map((p) => p.id),
  );

  const rejected: RejectedEvent[] = [];
  const reject = (index: number, raw: unknown, errors: EnvelopeError[]) => {
    const id = (raw as { event_id?: unknown } | null)?.event_id;
    for (const e of errors) rejected.push({ index, event_id: typeof id === 'string' ? id : null, ...e });
  };
  const candidates: Candidate[] = [];
  const firstByKey = new Map<string, string>(); // key → content hash of its first record in this batch
  const copies = new Map<string, number[]>(); // key → indexes of later records with the same content

  for (const [index, raw] of records.entries()) {
    const code = (raw as { product?: unknown } | null)?.product;
    const product = typeof code === 'string' ? products.get(code) : undefined;
    const decision: SendDecision = product ? sendDecision(actor, product.subsidiaryId) : 'unknown_product';
    const plannedEvents = product && decision === 'allow' ? (planned.get(product.id) ?? NOTHING_PLANNED) : null;
    const result = checkEnvelope(raw, { receivedAt: receivedAt.getTime(), source: 'api', plannedEvents });
    const errors = result.ok ? [] : [...result.errors];
    if (typeof code === 'string' && decision !== 'allow' && !errors.some((e) => e.field === 'product')) {
      errors.push(PRODUCT_ERROR[decision](code));
    }
    if (errors.length || !result.ok || !product) {
      reject(index, raw, errors);
      continue;
    }
    const row = toRow(product, result.event, raw as Record<string, unknown>, receivedAt);
    const key = eventKey(product.id, row.eventId);
    const seen = firstByKey.get(key);
    if (seen === undefined) {
      firstByKey.set(key, row.contentHash);
      copies.set(key, []);
      candidates.push({ index, key, row });
    } else if (seen === row.contentHash) copies.get(key)?.push(index);
    else reject(index, raw, [conflictError(row.eventId)]);
  }

  let accepted = 0;
  let duplicates = 0;
  if (candidates.length) {
    await db.transaction(async (tx) => {
      const inserted = await insertEvents(
        tx,
        candidates.map((c) => c.row),
      );
      accepted = inserted.size;
      const skipped = candidates.filter((c) => !inserted.has(c.key));
      const stored = await storedHashes(
        tx,
        skipped.map((c) => ({ productId: c.row.productId, eventId: c.row.eventId })),
      );
      for (const c of candidates) {
        const later = copies.get(c.key) ?? [];
        if (inserted.has(c.key)) duplicates += later.length;
        else if (stored.get(c.key) === c.row.contentHash) duplicates += 1 + later.length;
        // Copies of a record that conflicts with the stored event conflict too.
        else
          for (const i of [c.index, ...later]) reject(i, { event_id: c.row.eventId }, [conflictError(c.row.eventId)]);
      }
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  ctx.deps.log.info(
    { requestId: ctx.requestId, accepted, duplicates, rejected: rejected.length },
    'adoption events ingested',
  );
  if (accepted + duplicates === 0) throw nothingAccepted(rejected);
  return { accepted, duplicates, rejected };
}

/** The products the records name, by code (any other value is refused per record by the envelope check). */
async function productsNamed(ctx: UseCaseCtx, records: readonly unknown[]): Promise<Map<string, IngestProduct>> {
  const codes = new Set<string>();
  for (const r of records) {
    const code = (r as { product?: unknown } | null)?.product;
    if (typeof code === 'string' && code.length <= 64) codes.add(code);
  }
  const found = await findProductsByCodes(ctx.deps.db, [...codes]);
  return new Map(found.map((p) => [p.code, p]));
}

function toRow(product: IngestProduct, e: AdoptionEvent, raw: Record<string, unknown>, receivedAt: Date): NewEventRow {
  return {
    productId: product.id,
    eventId: e.eventId,
    event: e.event,
    occurredAt: new Date(e.occurredAt),
    receivedAt,
    userId: e.userId,
    anonymousId: e.anonymousId,
    accountId: e.accountId,
    properties: e.properties,
    environment: e.environment,
    appVersion: e.appVersion,
    timezone: e.timezone,
    source: e.source,
    late: e.late,
    contentHash: contentHash(e, raw),
  };
}

/**
 * What makes two records the same event: the fields as sent, with occurred_at as an instant and the properties in key
 * order. `sent_at` and the receive time are left out, so a retry of the same event is a duplicate whenever it comes.
 */
export function contentHash(e: AdoptionEvent, raw: Record<string, unknown>): string {
  const props = Object.fromEntries(Object.entries(e.properties).sort(([a], [b]) => (a < b ? -1 : 1)));
  const occurred = Date.parse(String(raw.occurred_at));
  const fields = [e.product, e.event, occurred, e.userId, e.anonymousId, e.accountId, props];
  return createHash('sha256')
    .update(JSON.stringify([...fields, e.environment, e.appVersion, e.timezone]))
    .digest('hex');
}

/** 400 with the refusals: every record was refused (a duplicate counts as taken). */
function nothingAccepted(rejected: RejectedEvent[]): DomainError {
  return new DomainError(
    'bad_request',
    'no_events_accepted',
    `no event of the batch was accepted: ${rejected.length} problem(s), listed in rejected`,
    rejected.slice(0, 50).map((r) => ({ name: `events.${r.index}.${r.field || 'event'}`, reason: r.message })),
    { extra: { accepted: 0, duplicates: 0, rejected } },
  );
}
