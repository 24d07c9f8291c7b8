import { ZAuditPage, ZAuditQuery } from '@pi-studio/core/contract/audit';
import { defineRoute } from '../../http/route.ts';
import { listAuditEvents } from './service.ts';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    summary: 'The append-only audit trail (administrators: all; admin/productops roles: their subsidiaries)',
    tag: 'audit',
    access: 'authenticated',
    query: ZAuditQuery,
    response: ZAuditPage,
    handler: async (ctx, { query }) => ({ body: await listAuditEvents(ctx, query) }),
  }),
];
