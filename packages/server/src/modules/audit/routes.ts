import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import { type AuditPage, ZAuditPage, ZAuditQuery } from '@pi-studio/core/contract/audit';
import { defineRoute } from '../../http/route.ts';
import { forbidden } from '../../use-case/errors.ts';
import { listAudit } from './repo.ts';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    summary: 'The append-only audit trail (administrators: all; admin/productops roles: their subsidiaries)',
    tag: 'audit',
    access: 'authenticated',
    query: ZAuditQuery,
    response: ZAuditPage,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      ctx.markAuthorized();
      const subsidiaryIds = [...actor.roles]
        .filter(([, role]) => ROLE_PERMISSIONS[role].includes('audit.read'))
        .map(([id]) => id);
      if (!actor.isAdmin && !subsidiaryIds.length)
        throw forbidden('the audit trail is for administrators and ProductOps');
      const rows = await listAudit(ctx.deps.db, query, actor.isAdmin ? null : { subsidiaryIds, actorId: actor.userId });
      const page = rows.slice(0, query.limit);
      const body: AuditPage = {
        items: page.map(({ event: e, subsidiary }) => ({
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
        })),
        nextCursor: rows.length > query.limit ? String(page.at(-1)?.event.id) : null,
      };
      return { body };
    },
  }),
];
