// What a module is, for the rest of the server: one manifest each (modules/<m>/module.ts), listed once in
// modules/index.ts. App assembly, the OpenAPI document, the authorization matrix and the demo loop over that list,
// so adding a module touches one list (docs/architecture.md, "A module is a manifest").
import type { Permission } from '@pi-studio/core/access/roles';
import type { AuditAction } from '@pi-studio/core/contract/audit-actions';
import type { Tx } from '../db/client.ts';
import type { RouteDef } from '../http/route.ts';
import type { Jobs } from '../lib/jobs/registry.ts';

export type ModuleManifest = {
  /** The folder under src/modules/. */
  name: string;
  /** Every API route the module serves, below /api/v1. */
  routes: readonly RouteDef[];
  /**
   * The permissions the module owns (the table itself is core's `PERMISSIONS`, where roles are granted them). Each
   * permission has exactly one owner; a route may check another module's (search reads products).
   */
  permissions: readonly Permission[];
  /** The audit actions the module declares: `AUDIT_ACTIONS[name]` from `@pi-studio/core/contract/audit-actions`. */
  auditActions: readonly AuditAction[];
  /** Adds the module's part of the demo studio, after the shared studio (subsidiaries, people, products) is in. */
  demo?: (tx: Tx) => Promise<unknown>;
  /**
   * The worker jobs the module runs (names in lib/jobs/registry.ts). The registry keeps its own lazy imports: a
   * worker loads only the job it runs, never this manifest and the routes behind it.
   */
  jobs?: readonly (keyof Jobs)[];
};
