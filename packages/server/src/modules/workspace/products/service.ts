import type {
  Product,
  ProductBody,
  ProductPage,
  ProductPatch,
  ProductQuery,
  StageBody,
} from '@pi-studio/core/contract/products';
import { isValidProductKey, productCode, suggestKey } from '@pi-studio/core/naming/convention';
import { STAGE_LABELS } from '@pi-studio/core/workspace/stages';
import type { Db, Executor } from '../../../db/client.ts';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import {
  conflict,
  forbidden,
  type InvalidParam,
  notFound,
  staleVersion,
  validationFailed,
} from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { activeTermCodes, findSubsidiaryByCode } from '../admin/repo.ts';
import { readConvention } from '../admin/service.ts';
import { productDetail } from './detail-query.ts';
import { presentListItem, presentProduct } from './presenters.ts';
import { productDetailCache, productListCache } from './read-caches.ts';
import {
  countProducts,
  findProduct,
  findUsers,
  insertProduct,
  listProducts,
  type ProductRow,
  setForcedStage,
  updateProductAtRevision,
} from './repo.ts';

export const decodeCursor = (cursor?: string) =>
  cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

/**
 * One page of the products the actor can see, as response JSON. The board is every user's landing page, so pages
 * are kept in the read cache, keyed by what decides their content: the visible subsidiaries and the query.
 */
export async function listVisibleProducts(ctx: UseCaseCtx, q: ProductQuery): Promise<string> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const visible = visibleSubsidiaries(actor);
  const key = JSON.stringify([visible ? [...visible].sort() : null, q]);
  const pages = ctx.deps.caches.of(productListCache);
  return pages.get(key, async () => JSON.stringify(await productPage(ctx.deps.db, visible, q)));
}

async function productPage(db: Db, visible: string[] | null, q: ProductQuery): Promise<ProductPage> {
  const rows = await listProducts(db, {
    visible,
    subsidiaryCode: q.subsidiary,
    stage: q.stage,
    type: q.type,
    owner: q.owner,
    tag: q.tag,
    q: q.q,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit).map(presentListItem);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.code) : null };
}

/** Loads a product and decides `permission` on its stored subsidiary (404 when the actor cannot see it). */
export async function loadProduct(ctx: UseCaseCtx, code: string, permission: 'product.read' | 'product.update') {
  const row = await findProduct(ctx.deps.db, code);
  if (!row) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize(permission, row.product.subsidiaryId);
  return row;
}

/** Answered from the read cache while no committed change could have altered it (lib/read-cache.ts). */
export async function getProductDetail(ctx: UseCaseCtx, code: string) {
  const found = await ctx.deps.caches.of(productDetailCache).get(code, () => productDetail(ctx.deps.handle, code));
  if (!found) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize('product.read', found.subsidiaryId);
  return found;
}

async function checkReferences(db: Executor, body: Partial<ProductBody>): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  if (body.productType !== undefined && !(await activeTermCodes(db, 'product_type')).has(body.productType)) {
    problems.push({
      name: 'productType',
      reason: `unknown product type "${body.productType}" (see GET /taxonomy?kind=product_type)`,
    });
  }
  if (body.tags?.length) {
    const known = await activeTermCodes(db, 'tag');
    const unknown = body.tags.filter((t) => !known.has(t));
    if (unknown.length) problems.push({ name: 'tags', reason: `unknown tags: ${unknown.join(', ')}` });
  }
  const people = (['poId', 'builderId', 'itOwnerId'] as const).filter((k) => body[k]);
  const found = await findUsers(
    db,
    people.map((k) => body[k] as string),
  );
  for (const k of people) {
    const u = found.find((f) => f.id === body[k]);
    if (!u || u.disabled) problems.push({ name: k, reason: 'no active user with this id' });
  }
  return problems;
}

export async function createProduct(ctx: UseCaseCtx, body: ProductBody): Promise<Product> {
  const db = ctx.deps.db;
  const sub = await findSubsidiaryByCode(db, body.subsidiary);
  if (!sub) {
    ctx.markAuthorized();
    throw validationFailed([{ name: 'subsidiary', reason: `no subsidiary ${body.subsidiary}` }]);
  }
  ctx.authorize('product.create', sub.id);
  const { convention } = await readConvention(db);
  const key = body.key ?? suggestKey(body.name);
  const problems = await checkReferences(db, body);
  if (!isValidProductKey(convention, key)) {
    problems.push({
      name: 'key',
      reason: `"${key}" does not fit the naming convention (${convention.productKeyPattern})`,
    });
  }
  if (problems.length) throw validationFailed(problems);
  const code = productCode(convention, sub.code, key);
  const created = await db.transaction(async (tx) => {
    const row = await insertProduct(tx, {
      code,
      name: body.name,
      subsidiaryId: sub.id,
      productType: body.productType,
      tags: body.tags,
      summary: body.summary,
      poId: body.poId ?? null,
      builderId: body.builderId ?? null,
      itOwnerId: body.itOwnerId ?? null,
    });
    if (!row) throw conflict('product_exists', `product ${code} already exists; choose another key`);
    await writeAudit(tx, ctx.who(), {
      action: 'product.created',
      targetType: 'product',
      targetId: row.id,
      targetLabel: code,
      subsidiaryId: sub.id,
      after: { code, name: body.name, productType: body.productType, stage: row.stage },
    });
    return row;
  });
  const row = await findProduct(db, created.code);
  if (!row) throw notFound(`product ${code}`);
  return presentProduct(row);
}

/**
 * Changes a product. With `If-Match` (its ETag, `"<revision>"`) the change lands only on that revision: the check and
 * the UPDATE's revision condition run in one transaction, so of saves based on the same revision exactly one wins
 * and the others get 409 stale_version. Without If-Match the last save wins, as before.
 */
export async function updateProduct(
  ctx: UseCaseCtx,
  code: string,
  patch: ProductPatch,
  ifMatch?: string,
): Promise<Product> {
  const { product } = await loadProduct(ctx, code, 'product.update');
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    // The row lock makes a concurrent save of this product wait for this one, so `current` is what we change.
    const current = await findProduct(tx, code, { lock: true });
    if (!current || current.product.id !== product.id) throw notFound(`product ${code}`);
    const revision = current.product.revision;
    if (ifMatch && ifMatch !== productEtag(revision)) throw staleProduct(current);
    const problems = await checkReferences(tx, patch);
    if (problems.length) throw validationFailed(problems);
    const saved = await updateProductAtRevision(tx, product.id, revision, { ...patch, updatedAt: ctx.deps.now() });
    if (saved === null) throw staleProduct(current);
    await writeAudit(tx, ctx.who(), {
      action: 'product.updated',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: current.product.subsidiaryId,
      before: Object.fromEntries(
        Object.keys(patch).map((k) => [k, current.product[k as keyof typeof current.product]]),
      ),
      after: patch,
    });
  });
  const fresh = await findProduct(db, code);
  if (!fresh) throw notFound(`product ${code}`);
  return presentProduct(fresh);
}

/**
 * A studio administrator moves a product to any stage, with a reason. Until the evidence for the later stages exists
 * (UAT sign-off, IT acceptance), this is how a product gets past build; the gate's own moves (submission, verdict)
 * need no one to force them. The move is audited and the product keeps who forced it, when and why until the gate
 * moves it again. `If-Match` works as on PATCH.
 */
export async function forceStage(ctx: UseCaseCtx, code: string, body: StageBody, ifMatch?: string): Promise<Product> {
  // The route admits administrators only; the system (CLI, demo) may too.
  if (ctx.actor && !ctx.actor.isAdmin) throw forbidden('only a studio administrator can force a stage move');
  const { product } = await loadProduct(ctx, code, 'product.update');
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    const current = await findProduct(tx, code, { lock: true });
    if (!current || current.product.id !== product.id) throw notFound(`product ${code}`);
    const { revision, stage: from } = current.product;
    if (ifMatch && ifMatch !== productEtag(revision)) throw staleProduct(current);
    if (from === body.stage) {
      throw validationFailed([{ name: 'stage', reason: `${code} is already in ${STAGE_LABELS[body.stage]}` }]);
    }
    const at = ctx.deps.now();
    const saved = await setForcedStage(tx, product.id, revision, {
      stage: body.stage,
      from,
      reason: body.reason,
      by: ctx.actor?.userId ?? null,
      at,
    });
    if (saved === null) throw staleProduct(current);
    await writeAudit(tx, ctx.who(), {
      action: 'product.stage_forced',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: current.product.subsidiaryId,
      before: { stage: from },
      after: { stage: body.stage, reason: body.reason },
    });
  });
  const fresh = await findProduct(db, code);
  if (!fresh) throw notFound(`product ${code}`);
  return presentProduct(fresh);
}

/** The ETag of a product: its revision, quoted (the only If-Match form accepted, as before). */
export const productEtag = (revision: number) => `"${revision}"`;

/** 409 stale_version with the current ETag, and the product as it is now in `current`. */
const staleProduct = (current: ProductRow) =>
  staleVersion(
    `product ${current.product.code} changed since you loaded it (now revision ${current.product.revision}); reload`,
    `stale: current revision is ${current.product.revision}`,
    productEtag(current.product.revision),
    presentProduct(current),
  );

/** How many products the studio holds, whoever can see them (the demo loader refuses a studio that has some). */
export async function productCount(ctx: UseCaseCtx): Promise<number> {
  ctx.markAuthorized();
  return countProducts(ctx.deps.db);
}
