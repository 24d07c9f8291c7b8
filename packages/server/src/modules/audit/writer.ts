// The audit repo's write side: the one insert every module makes, in the transaction of the change it records.
// The reads are in repo.ts; this stays a file of its own so that every module imports just the writer.
import type { AuditAction } from '@pi-studio/core/contract/audit-actions';
import type { Executor } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import type { AuditActor } from '../../use-case/actor.ts';

// The actor is defined in use-case/, the actions in core (contract/audit-actions.ts); named here for writeAudit's callers.
export type { AuditAction, AuditActor };

export type AuditEntry = {
  /** One of the actions a module declares (`AUDIT_ACTIONS` in core): an undeclared one does not compile. */
  action: AuditAction;
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
