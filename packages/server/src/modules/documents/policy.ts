// Access is decided from the stored record (the product's subsidiary), never from what the request claims.
import type { Permission, Role } from '@pi-studio/core/access/roles';
import { decide } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { forbidden, notFound } from '../../use-case/errors.ts';
import { type DocumentRecord, findDocument, findProductByCode, type ProductRef } from './repo.ts';

// Unknown and invisible answer the same 404, so codes and ids cannot be probed.
function authorizeOn(ctx: UseCaseCtx, permission: Permission, subsidiaryId: string, what: string): void {
  if (decide(ctx.requireActor(), permission, subsidiaryId) === 'hidden') throw notFound(what);
  ctx.authorize(permission, subsidiaryId);
}

export async function productFor(ctx: UseCaseCtx, code: string, permission: Permission): Promise<ProductRef> {
  ctx.requireActor();
  const product = await findProductByCode(ctx.deps.db, code);
  if (!product) throw notFound('product');
  authorizeOn(ctx, permission, product.subsidiaryId, 'product');
  return product;
}

export async function documentFor(ctx: UseCaseCtx, id: string, permission: Permission): Promise<DocumentRecord> {
  ctx.requireActor();
  const doc = await findDocument(ctx.deps.db, id);
  if (!doc) throw notFound('document');
  authorizeOn(ctx, permission, doc.product.subsidiaryId, 'document');
  return doc;
}

const TEMPLATE_EDITOR_ROLES: readonly Role[] = ['admin', 'productops'];

/** Templates are global in v1: studio administrators and anyone with an admin or productops role maintain them. */
export function requireTemplateEditor(ctx: UseCaseCtx): void {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  if (!actor.isAdmin && ![...actor.roles.values()].some((r) => TEMPLATE_EDITOR_ROLES.includes(r))) {
    throw forbidden('only administrators and product ops edit templates');
  }
}
