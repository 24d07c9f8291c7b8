import type { Executor } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import type { AuditActor } from '../../use-case/actor.ts';

// Defined in http/ (which builds it per request and may not import modules); named here too for writeAudit's callers.
export type { AuditActor };

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  targetLabel?: string;
  subsidiaryId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Call inside the same transaction as the change it records: both commit or neither does. */
export async function writeAudit(tx: Executor, who: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: who.actorId,
    actorLabel: who.actorLabel,
    requestId: who.requestId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel ?? '',
    subsidiaryId: entry.subsidiaryId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
