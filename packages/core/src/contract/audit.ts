// GET /audit: the append-only audit trail, newest first, paged by a serial cursor.
import { z } from 'zod';
import { zLimit, zPage, zSerialCursor, zTimestamp } from './common.ts';

const day = () => z.iso.datetime({ offset: true }).or(z.iso.date());

export const ZAuditQuery = z.strictObject({
  actor: z.uuid().optional(),
  /** An action or its prefix: `product.` finds every product event. */
  action: z.string().trim().max(80).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(80).optional(),
  subsidiary: z.string().max(20).optional(),
  /** A date-time, or a date (`to`: through the end of that day, UTC). */
  from: day().optional(),
  to: day().optional(),
  cursor: zSerialCursor().optional(),
  limit: zLimit(200, 50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.strictObject({
  /** A serial number as a string (the cursor of the next page is the last one seen). */
  id: z.string(),
  at: zTimestamp(),
  /** `id` null: a system actor (the CLI, the demo loader) or an anonymous sign-in attempt; `label` says which. */
  actor: z.strictObject({ id: z.uuid().nullable(), label: z.string() }),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  targetLabel: z.string(),
  /** The code of the subsidiary the event belongs to; null for studio-wide events. */
  subsidiary: z.string().nullable(),
  /** What changed, as the action records it (free-form JSON; null when nothing was before or after). */
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string(),
});
export type AuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = zPage(ZAuditEvent);
export type AuditPage = z.infer<typeof ZAuditPage>;
