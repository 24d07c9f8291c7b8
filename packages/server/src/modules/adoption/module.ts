// The adoption module's manifest (issue #15): each product's versioned tracking plan, the PRD's analytics section
// checked against it, and adoption event ingest (POST /events). KPIs, CSV upload and dashboards come later.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { adoptionRoutes } from './routes.ts';

export const adoptionModule = {
  name: 'adoption',
  routes: adoptionRoutes,
  permissions: ['adoption.write', 'events.send'],
  auditActions: AUDIT_ACTIONS.adoption,
} satisfies ModuleManifest;
