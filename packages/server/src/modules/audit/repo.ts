import type { AuditQuery } from '@pi-studio/core/contract/audit';
import { and, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { subsidiaries } from '../../db/schema/workspace.ts';

// The audit trail's reads. Its one write, writeAudit, is in writer.ts: every module imports it from there.

const endOfDay = (d: string) => (d.length === 10 ? `${d}T23:59:59.999Z` : d);

/** `scope` null = every event; otherwise events of those subsidiaries plus the actor's own. */
export async function listAudit(
  db: Executor,
  q: AuditQuery,
  scope: { subsidiaryIds: string[]; actorId: string } | null,
) {
  const where: (SQL | undefined)[] = [];
  if (scope) {
    where.push(
      or(
        scope.subsidiaryIds.length ? inArray(auditEvents.subsidiaryId, scope.subsidiaryIds) : sql`false`,
        eq(auditEvents.actorId, scope.actorId),
      ),
    );
  }
  if (q.actor) where.push(eq(auditEvents.actorId, q.actor));
  if (q.action) where.push(ilike(auditEvents.action, `${q.action.replace(/[\\%_]/g, '\\$&')}%`));
  if (q.targetType) where.push(eq(auditEvents.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditEvents.targetId, q.targetId));
  if (q.subsidiary) where.push(eq(subsidiaries.code, q.subsidiary));
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.at, new Date(endOfDay(q.to))));
  // Newest first by the time the event happened, id breaking ties. Ids follow insertion, not time: the demo and
  // imports record past events after newer ones. The cursor stays the last event's id; its time is looked up.
  if (q.cursor) {
    const last = db
      .select({ at: auditEvents.at, id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.id, Number(q.cursor)));
    where.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${last})`);
  }
  return db
    .select({ event: auditEvents, subsidiary: subsidiaries.code })
    .from(auditEvents)
    .leftJoin(subsidiaries, eq(subsidiaries.id, auditEvents.subsidiaryId))
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit + 1);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
