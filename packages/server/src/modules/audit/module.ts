// The audit module's manifest: the audit log's reader. Every module writes events (writer.ts) and declares its own
// actions; this one adds none.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { auditRoutes } from './routes.ts';

export const auditModule = {
  name: 'audit',
  routes: auditRoutes,
  permissions: ['audit.read'],
  auditActions: AUDIT_ACTIONS.audit,
} satisfies ModuleManifest;
