// The workspace module's manifest: subsidiaries, products, taxonomy, the naming convention and users.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { namingRoutes, subsidiaryRoutes, taxonomyRoutes } from './admin/routes.ts';
import { productRoutes } from './products/routes.ts';
import { userRoutes } from './users/routes.ts';

export const workspaceModule = {
  name: 'workspace',
  routes: [...subsidiaryRoutes, ...productRoutes, ...taxonomyRoutes, ...namingRoutes, ...userRoutes],
  permissions: ['product.read', 'product.create', 'product.update', 'subsidiary.manage'],
  auditActions: AUDIT_ACTIONS.workspace,
} satisfies ModuleManifest;
