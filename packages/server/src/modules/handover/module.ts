// The handover module's manifest (issue #14): handing a product over to IT — its validated QA, security, runbook,
// release-notes and documentation packs, and the handover package (readiness checklist, artifacts, IT's review and
// acceptance, the post-handover gap log, the weekly checkpoint).
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { handoverRoutes } from './routes.ts';

export const handoverModule = {
  name: 'handover',
  routes: handoverRoutes,
  permissions: ['handover.write', 'handover.accept'],
  auditActions: AUDIT_ACTIONS.handover,
  // handover.validatePack validates packs over 64 KB off the event loop; handover.renderPackage draws the export's
  // PDF and DOCX.
  jobs: ['handover.validatePack', 'handover.renderPackage'],
} satisfies ModuleManifest;
