import type { Role } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from './context.ts';
import { forbidden } from './errors.ts';

/**
 * Studio-wide resources (taxonomy, templates) are managed by admins and by anyone holding one of
 * `roles` in at least one subsidiary (the ProductOps lead works across subsidiaries).
 */
export function requireStudioRole(ctx: UseCaseCtx, roles: readonly Role[]): void {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  if (actor.isAdmin) return;
  for (const role of actor.roles.values()) if (roles.includes(role)) return;
  throw forbidden(`only administrators and ${roles.join('/')} can do this`);
}
