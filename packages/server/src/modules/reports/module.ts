import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { reportRoutes } from './routes.ts';

/** Reports (issue #15) read what the other modules recorded; they own no permission and change nothing. */
export const reportsModule = {
  name: 'reports',
  routes: reportRoutes,
  permissions: [],
  auditActions: AUDIT_ACTIONS.reports,
} satisfies ModuleManifest;
