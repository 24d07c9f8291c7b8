// The sign-off module's manifest: the PO/VB's tamper-evident sign-off of a UAT session or a release, its evidence,
// the verification of the hash chains, and the UAT report export (issue #13).
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { signoffRoutes } from './routes.ts';

export const signoffModule = {
  name: 'signoff',
  routes: signoffRoutes,
  permissions: ['uat.signoff'],
  auditActions: AUDIT_ACTIONS.signoff,
} satisfies ModuleManifest;
