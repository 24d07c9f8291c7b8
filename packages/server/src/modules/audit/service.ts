import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { AuditPage, AuditQuery } from '@pi-studio/core/contract/audit';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { forbidden } from '../../use-case/errors.ts';
import { presentAuditEvent } from './presenters.ts';
import { listAudit } from './repo.ts';

/**
 * One page of the audit trail, newest first: administrators read every event; people whose role grants
 * `audit.read` (admin, productops) read their subsidiaries' events and their own.
 */
export async function listAuditEvents(ctx: UseCaseCtx, query: AuditQuery): Promise<AuditPage> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const subsidiaryIds = [...actor.roles]
    .filter(([, role]) => ROLE_PERMISSIONS[role].includes('audit.read'))
    .map(([id]) => id);
  if (!actor.isAdmin && !subsidiaryIds.length) throw forbidden('the audit trail is for administrators and ProductOps');
  const rows = await listAudit(ctx.deps.db, query, actor.isAdmin ? null : { subsidiaryIds, actorId: actor.userId });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentAuditEvent),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.event.id) : null,
  };
}
