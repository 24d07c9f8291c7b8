// The search module's manifest: full-text search over the documents a caller may see.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { searchRoutes } from './routes.ts';

export const searchModule = {
  name: 'search',
  routes: searchRoutes,
  permissions: [],
  auditActions: AUDIT_ACTIONS.search,
} satisfies ModuleManifest;
