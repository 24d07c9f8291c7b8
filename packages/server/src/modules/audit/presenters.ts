import type { AuditEvent } from '@pi-studio/core/contract/audit';
import type { AuditRow } from './repo.ts';

export const presentAuditEvent = ({ event: e, subsidiary }: AuditRow): AuditEvent => ({
  id: String(e.id),
  at: e.at.toISOString(),
  actor: { id: e.actorId, label: e.actorLabel },
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  targetLabel: e.targetLabel,
  subsidiary,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
});
