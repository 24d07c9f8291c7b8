// The gate module's manifest: PRD reviews (submit, score, decide), rubrics and the Golden library.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { seedDemoGate } from './demo/seed.ts';
import { gateRoutes } from './routes.ts';

export const gateModule = {
  name: 'gate',
  routes: gateRoutes,
  permissions: ['gate.review'],
  auditActions: AUDIT_ACTIONS.gate,
  demo: seedDemoGate,
  // gate.scoreMany / gate.scoreManyJson score batches for `pistudio gate DIR` on machines with three cores or more.
  jobs: ['gate.score', 'gate.scoreMany', 'gate.scoreManyJson'],
} satisfies ModuleManifest;
