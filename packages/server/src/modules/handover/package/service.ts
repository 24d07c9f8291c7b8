// The handover package (issue #14): created once the product is in UAT or handover, from the current readiness
// checklist template for the product's type and flags, bound to the release it hands over and the newest accepting
// UAT sign-off. Items are edited one at a time (If-Match on the item's revision); every change is audited in its
// transaction, and every answer is the whole package, so the readiness score and its blockers are always current.
import type { HandoverPackage, ItemUpdate, PackageCreate } from '@pi-studio/core/contract/handover-package';
import { checkStructuredArtifact, STRUCTURED_KINDS } from '@pi-studio/core/handover-package/structured-artifacts';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, Invalid, NotFound, notFound, StaleVersion } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { listSignoffs } from '../../signoff/repo.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { type HandoverPermission, type HandoverProduct, handoverProduct } from '../policy.ts';
import { DEFAULT_TEMPLATE_ID, newestTemplate, resolveTemplate } from '../templates/service.ts';
import { type CheckedArtifacts, checklistState } from './checklist-state.ts';
import { listEvidenceFiles } from './items/repo.ts';
import { presentPackage } from './presenters.ts';
import {
  artifactSummaries,
  currentPackage,
  findArtifactVersion,
  findItem,
  insertPackage,
  lastArtifactVersion,
  listGaps,
  listItems,
  listReviews,
  lockPackage,
  type PackageRow,
  packageReleaseTaken,
  packVerdicts,
  upsertItem,
} from './repo.ts';

const PACKAGE_STAGES = ['uat', 'handover'];

export const noPackage = (code: string) =>
  new NotFound(`handover package of ${code}`, [], {
    code: 'no_handover_package',
    message: `${code} has no handover package yet: create one (POST /products/${code}/handover/package)`,
  });

/** The product (access checked on its stored subsidiary) with its name and stage. */
export async function packageProduct(ctx: UseCaseCtx, code: string, permission: HandoverPermission) {
  const product = await handoverProduct(ctx, code, permission);
  const row = await findProduct(ctx.deps.db, code);
  if (!row) throw notFound(`product ${code}`);
  return { ...product, name: row.product.name, stage: row.product.stage, itOwnerId: row.product.itOwnerId };
}
export type PackageProduct = Awaited<ReturnType<typeof packageProduct>>;

/** The product's current package, or 404 `no_handover_package`. */
export async function requirePackage(ctx: UseCaseCtx, product: HandoverProduct): Promise<PackageRow> {
  const pkg = await currentPackage(ctx.deps.db, product.id);
  if (!pkg) throw noPackage(product.code);
  return pkg;
}

/** The template a package was built from (its id and version are stored with it). */
export async function packageTemplate(db: Executor, pkg: { templateId: string; templateVersion: number }) {
  const template = await resolveTemplate(db, pkg.templateId, pkg.templateVersion);
  if (!template) throw new Error(`checklist template ${pkg.templateId} v${pkg.templateVersion} vanished`);
  return template;
}

/** The newest support flow, escalation matrix and ownership versions, checked by core. */
export async function checkedArtifacts(db: Executor, packageId: string): Promise<CheckedArtifacts> {
  const out = new Map<
    (typeof STRUCTURED_KINDS)[number],
    { version: number; report: ReturnType<typeof checkStructuredArtifact> }
  >();
  for (const kind of STRUCTURED_KINDS) {
    const version = await lastArtifactVersion(db, packageId, kind);
    const row = version > 0 ? await findArtifactVersion(db, packageId, kind, version) : null;
    if (row) out.set(kind, { version, report: checkStructuredArtifact(kind, row.body) });
  }
  return out;
}

export async function loadState(db: Executor, productId: string, pkg: PackageRow) {
  const [template, items, packs, files, artifacts] = await Promise.all([
    packageTemplate(db, pkg),
    listItems(db, pkg.id),
    packVerdicts(db, productId),
    listEvidenceFiles(db, pkg.id),
    checkedArtifacts(db, pkg.id),
  ]);
  return checklistState(template, pkg, items, packs, { files, artifacts });
}

export async function packageAnswer(ctx: UseCaseCtx, code: string): Promise<HandoverPackage> {
  const product = await packageProduct(ctx, code, 'product.read');
  const pkg = await requirePackage(ctx, product);
  const [state, artifacts, reviews, gaps] = await Promise.all([
    loadState(ctx.deps.db, product.id, pkg),
    artifactSummaries(ctx.deps.db, pkg.id),
    listReviews(ctx.deps.db, pkg.id),
    listGaps(ctx.deps.db, product.id),
  ]);
  const gapDays = gaps.filter((g) => g.packageId === pkg.id).map((g) => g.reportedOn);
  return presentPackage(product, pkg, state, artifacts, reviews, { today: ctx.deps.now(), gapDays });
}

export async function createPackage(ctx: UseCaseCtx, code: string, input: PackageCreate): Promise<HandoverPackage> {
  const product = await packageProduct(ctx, code, 'handover.write');
  if (!PACKAGE_STAGES.includes(product.stage))
    throw new Conflict(
      'not_ready_for_package',
      `${code} is in ${product.stage}: a handover package starts once the product is in UAT or handover`,
    );
  const db = ctx.deps.db;
  const template = input.template
    ? await resolveTemplate(db, input.template.id, input.template.version)
    : await newestTemplate(db, DEFAULT_TEMPLATE_ID);
  if (!template)
    throw new Invalid([{ name: 'template', reason: 'no such checklist template version (GET /handover/templates)' }]);
  const signoffs = await listSignoffs(db, product.id);
  const accepting = signoffs.filter((s) => s.decision !== 'refused').at(-1);
  await db.transaction(async (tx) => {
    const open = await currentPackage(tx, product.id);
    if (open?.status === 'open')
      throw new Conflict('package_exists', `${code} already has an open handover package (release ${open.release})`);
    if (await packageReleaseTaken(tx, product.id, input.release))
      throw new Conflict('package_exists', `${code} already had a package for release ${input.release}`, [
        { name: 'release', reason: 'already handed over; name the next release' },
      ]);
    const id = await insertPackage(tx, {
      productId: product.id,
      release: input.release,
      targetDate: input.targetDate,
      templateId: template.id,
      templateVersion: template.version,
      profileType: input.type,
      profileFlags: [...input.flags],
      signoffKey: accepting?.key ?? null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'handover.package_created',
      targetType: 'handover_package',
      targetId: id,
      targetLabel: `${code} release ${input.release}`,
      subsidiaryId: product.subsidiaryId,
      after: {
        release: input.release,
        type: input.type,
        flags: input.flags,
        template: `${template.id} v${template.version}`,
        signoff: accepting?.key ?? null,
      },
    });
  });
  return packageAnswer(ctx, code);
}

/** The product, its package and one checklist item (404 naming `path.itemId` when the checklist has none such). */
export async function packageItem(ctx: UseCaseCtx, code: string, itemId: string, permission: HandoverPermission) {
  const product = await packageProduct(ctx, code, permission);
  const pkg = await requirePackage(ctx, product);
  const state = await loadState(ctx.deps.db, product.id, pkg);
  const item = state.checklist.items.find((i) => i.id === itemId);
  if (!item)
    throw notFound(`checklist item ${itemId}`, [{ name: 'path.itemId', reason: `no item ${itemId} in the checklist` }]);
  return { product, pkg, item };
}

const LINK = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function checkUpdate(update: ItemUpdate): void {
  const bad = (update.evidence ?? []).flatMap((e, i) =>
    e.kind === 'link' && !LINK.test(e.ref) ? [{ name: `evidence.${i}.ref`, reason: 'a link is an http(s) URL' }] : [],
  );
  if (bad.length) throw new Invalid(bad);
}

type StoredItem = Awaited<ReturnType<typeof findItem>>;
type ChecklistItem = Awaited<ReturnType<typeof loadState>>['checklist']['items'][number];

/** The level override after the update: null when the item is at its template's level; why it was made optional. */
function nextOverride(item: ChecklistItem, before: StoredItem, update: ItemUpdate) {
  const required = update.required;
  if (required !== undefined && item.templateLevel === 'not_applicable')
    throw new Invalid([{ name: 'required', reason: `${item.id} does not apply to this product (${item.reason})` }]);
  const override =
    required === undefined
      ? (before?.requiredOverride ?? null)
      : required === (item.templateLevel === 'required')
        ? null
        : required;
  const given = update.requiredReason === undefined ? (before?.requiredReason ?? null) : update.requiredReason || null;
  const reason = override === null ? null : given;
  if (override === false && item.templateLevel === 'required' && !reason)
    throw new Invalid([
      { name: 'requiredReason', reason: `${item.id} is required by the template: say why it is optional here` },
    ]);
  return { requiredOverride: override, requiredReason: reason };
}

const isRequired = (templateLevel: string, override: boolean | null | undefined) =>
  override ?? templateLevel === 'required';

export async function updateItem(
  ctx: UseCaseCtx,
  code: string,
  itemId: string,
  update: ItemUpdate,
  ifMatch: string | undefined,
): Promise<HandoverPackage> {
  checkUpdate(update);
  const { product, pkg, item } = await packageItem(ctx, code, itemId, 'handover.write');
  if (pkg.status !== 'open')
    throw new Conflict(
      'package_accepted',
      `${code} release ${pkg.release} was accepted by IT: its checklist is closed`,
    );
  await ctx.deps.db.transaction(async (tx) => {
    await lockPackage(tx, pkg.id);
    const before = await findItem(tx, pkg.id, itemId);
    const revision = before?.revision ?? 0;
    if (ifMatch !== undefined && ifMatch !== `"${revision}"`)
      throw new StaleVersion(
        `${itemId} was changed by someone else (revision ${revision})`,
        `revision ${revision} is current`,
        `"${revision}"`,
        null,
      );
    const next = {
      status: update.status ?? before?.status ?? 'open',
      owner: update.owner === undefined ? (before?.owner ?? null) : update.owner || null,
      evidence: update.evidence ?? before?.evidence ?? [],
      reason: update.reason === undefined ? (before?.reason ?? null) : update.reason || null,
      approver: update.approver === undefined ? (before?.approver ?? null) : update.approver || null,
      ...nextOverride(item, before, update),
    };
    await upsertItem(tx, {
      packageId: pkg.id,
      itemId,
      ...next,
      revision: revision + 1,
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: ctx.deps.now(),
    });
    const level = item.templateLevel;
    await writeAudit(tx, ctx.who(), {
      action: 'handover.item_updated',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release} ${itemId}`,
      subsidiaryId: product.subsidiaryId,
      before: {
        itemId,
        status: before?.status ?? 'open',
        owner: before?.owner ?? null,
        evidence: before?.evidence.length ?? 0,
        required: isRequired(level, before?.requiredOverride),
      },
      after: {
        itemId,
        status: next.status,
        owner: next.owner,
        evidence: next.evidence.length,
        required: isRequired(level, next.requiredOverride),
        ...(next.requiredReason ? { requiredReason: next.requiredReason } : {}),
      },
    });
  });
  return packageAnswer(ctx, code);
}
