// The feedback module's manifest: one feedback backlog per product — submitted from the form and the API, imported
// from chat exports (WhatsApp, Slack, Teams) and triaged into the backlog's stories, bugs and sprint clarifications
// (issue #13).
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { feedbackRoutes } from './routes.ts';

export const feedbackModule = {
  name: 'feedback',
  routes: feedbackRoutes,
  permissions: ['feedback.submit', 'feedback.triage'],
  auditActions: AUDIT_ACTIONS.feedback,
  jobs: ['feedback.parseExport'],
} satisfies ModuleManifest;
