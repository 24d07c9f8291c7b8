// Adoption tracking (issue #15): each product's tracking plan, one row per version (the events it plans, with their
// properties), and the adoption events products send (POST /api/v1/events). An event is unique per product by its
// `event_id` (the idempotency key); its content hash tells a re-sent event from a different one under the same id.
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts } from './columns.ts';
import { products } from './workspace.ts';

export type StoredPlanProperty = { name: string; type: 'string' | 'number' | 'boolean'; description: string };
export type StoredPlanEvent = {
  name: string;
  description: string;
  owner: string;
  status: 'live' | 'deprecated';
  properties: StoredPlanProperty[];
};

export const trackingPlans = pgTable(
  'tracking_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    events: jsonb('events').$type<StoredPlanEvent[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tracking_plans_product_version_uq').on(t.productId, t.version)],
);

export const adoptionEvents = pgTable(
  'adoption_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    userId: text('user_id'),
    anonymousId: text('anonymous_id'),
    accountId: text('account_id'),
    properties: jsonb('properties').$type<Record<string, string | number | boolean | null>>().notNull(),
    environment: text('environment').notNull(), // production | uat | test
    appVersion: text('app_version'),
    timezone: text('timezone'),
    source: text('source').notNull(), // api | csv | sdk
    late: boolean('late').notNull().default(false),
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    uniqueIndex('adoption_events_product_event_id_uq').on(t.productId, t.eventId),
    index('adoption_events_product_occurred_idx').on(t.productId, t.occurredAt),
  ],
);
