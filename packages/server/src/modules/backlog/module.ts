// The backlog module's manifest: requirements from the passed PRD, stories and bugs, sprints and their
// clarification logs, traceability, change requests, tracker exchange, the backlog summary, the build → UAT stage
// rule (it writes the workspace's `product.stage_changed`) and the builder API (token scope `builder`) (issue #12).
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { backlogRoutes } from './routes.ts';

export const backlogModule = {
  name: 'backlog',
  routes: backlogRoutes,
  permissions: ['backlog.write'],
  auditActions: AUDIT_ACTIONS.backlog,
  jobs: ['backlog.parseJira'],
} satisfies ModuleManifest;
