// The UAT module's manifest (issue #13): sessions per sprint or build, test cases generated from the stories' Gherkin,
// runs by members and guest testers with screenshots, defects raised into the backlog and retested, guest links.
// Sign-off is its own module (modules/signoff), owning uat.signoff.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { uatRoutes } from './routes.ts';
import { seedDemoUat } from './seed.ts';

export const uatModule = {
  name: 'uat',
  routes: uatRoutes,
  permissions: ['uat.manage', 'uat.run'],
  auditActions: AUDIT_ACTIONS.uat,
  demo: seedDemoUat,
} satisfies ModuleManifest;
