// Handover packs (issue #14): an upload is read as text (read-pack.ts), validated by core's pack validator against
// the product record, and stored as the next version of its kind for the product — the text with every secret
// masked, never the raw upload — with the report and the file's hash, name, size and uploader, audited in the same
// transaction. Reads answer versions and findings; the masked text is a download of its own.
import { createHash } from 'node:crypto';
import type {
  PackOverview,
  PackUploadQuery,
  PackVersionDetail,
  PackVersionList,
} from '@pi-studio/core/contract/handover';
import { runbookFacts } from '@pi-studio/core/handover/runbook-facts';
import { PACK_KINDS, type PackKind, type ProductRecord } from '@pi-studio/core/handover/types';
import { jobProblem } from '../../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { notFound } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { currentPackage, newestArtifactBody, packageReleases } from '../package/repo.ts';
import { handoverProduct } from '../policy.ts';
import { presentPack, presentPackDetail } from './presenters.ts';
import { packFileName, packFormat, readPack } from './read-pack.ts';
import {
  findMaskedText,
  findVersion,
  insertPack,
  latestPerKind,
  listVersions,
  lockProduct,
  nextVersion,
} from './repo.ts';
import { PACK_INLINE_MAX_CHARS, type PackJobInput, type ValidatedPack, validatePackJob } from './validate-job.ts';

/**
 * What the product record says about the product: its name, code and owners; from its handover package the release
 * under handover (earlier ones as previous versions); from the package's newest runbook-lite the environments and
 * links, so a pack naming another environment or host of the product than the runbook is a finding.
 */
export async function productRecord(ctx: UseCaseCtx, code: string): Promise<ProductRecord> {
  const row = await findProduct(ctx.deps.db, code);
  if (!row) return { code };
  const owners = (
    [
      ['product owner', row.po],
      ['builder', row.builder],
      ['IT owner', row.itOwner],
    ] as const
  ).flatMap(([role, person]) =>
    person?.name && person.email ? [{ name: person.name, email: person.email, role }] : [],
  );
  const record: ProductRecord = {
    name: row.product.name,
    code: row.product.code,
    ...(owners.length ? { owners } : {}),
  };
  const pkg = await currentPackage(ctx.deps.db, row.product.id);
  if (!pkg) return record;
  const releases = await packageReleases(ctx.deps.db, row.product.id);
  const runbook = await newestArtifactBody(ctx.deps.db, pkg.id, 'runbook');
  const facts = runbook ? runbookFacts(runbook) : null;
  return {
    ...record,
    version: pkg.release,
    previousVersions: releases.map((r) => r.release).filter((r) => r !== pkg.release),
    ...(facts?.environments.length ? { environments: facts.environments } : {}),
    ...(facts?.urls.length ? { urls: facts.urls } : {}),
  };
}

/** Small packs inline; large ones in the job pool so the event loop keeps answering. */
export async function validatePackText(ctx: UseCaseCtx, input: PackJobInput): Promise<ValidatedPack> {
  if (input.text.length <= PACK_INLINE_MAX_CHARS) return validatePackJob(input);
  try {
    return await ctx.deps.jobs.run('handover.validatePack', input);
  } catch (err) {
    throw jobProblem(err, { code: 'pack_too_complex', field: 'body', what: 'this pack' });
  }
}

export async function uploadPack(
  ctx: UseCaseCtx,
  code: string,
  query: PackUploadQuery,
  mediaType: string | undefined,
  bytes: Uint8Array,
): Promise<PackVersionDetail> {
  const product = await handoverProduct(ctx, code, 'handover.write');
  const format = packFormat(mediaType);
  const fileName = packFileName(query.fileName, query.kind, format);
  const text = await readPack(bytes, format, fileName, ctx.deps.jobs);
  const { report, maskedText, maskedLines, findings } = await validatePackText(ctx, {
    text,
    kind: query.kind,
    product: await productRecord(ctx, code),
  });
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const version = await ctx.deps.db.transaction(async (tx) => {
    await lockProduct(tx, product.id);
    const version = await nextVersion(tx, product.id, query.kind);
    const packId = await insertPack(tx, {
      productId: product.id,
      kind: query.kind,
      version,
      fileName,
      mediaType: mediaType ?? '',
      size: bytes.length,
      sha256,
      maskedText,
      maskedLines,
      score: report.score,
      verdict: report.verdict,
      blockers,
      findings,
      uploadedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'handover.pack_uploaded',
      targetType: 'handover_pack',
      targetId: packId,
      targetLabel: `${product.code} ${query.kind} pack v${version}`,
      subsidiaryId: product.subsidiaryId,
      // Figures only: no text, so no secret can reach the audit log.
      after: {
        kind: query.kind,
        version,
        fileName,
        size: bytes.length,
        sha256,
        score: report.score,
        verdict: report.verdict,
        blockers,
        maskedLines,
      },
    });
    return version;
  });
  const stored = await findVersion(ctx.deps.db, product.id, query.kind, version);
  if (!stored) throw new Error(`${product.code} ${query.kind} pack v${version} vanished after its upload`);
  return presentPackDetail(product.code, stored);
}

export async function packOverview(ctx: UseCaseCtx, code: string): Promise<PackOverview> {
  const product = await handoverProduct(ctx, code, 'product.read');
  const { latest, counts } = await latestPerKind(ctx.deps.db, product.id);
  return {
    items: PACK_KINDS.map((kind) => {
      const newest = latest.find((p) => p.kind === kind);
      return { kind, versions: counts.get(kind) ?? 0, latest: newest ? presentPack(product.code, newest) : null };
    }),
  };
}

export async function packVersions(ctx: UseCaseCtx, code: string, kind: PackKind): Promise<PackVersionList> {
  const product = await handoverProduct(ctx, code, 'product.read');
  const versions = await listVersions(ctx.deps.db, product.id, kind);
  return { kind, items: versions.map((v) => presentPack(product.code, v)) };
}

const noVersion = (kind: PackKind, version: number) =>
  notFound(`${kind} pack version ${version}`, [{ name: 'path.version', reason: `no version ${version} of this pack` }]);

export async function packVersion(
  ctx: UseCaseCtx,
  code: string,
  kind: PackKind,
  version: number,
): Promise<PackVersionDetail> {
  const product = await handoverProduct(ctx, code, 'product.read');
  const found = await findVersion(ctx.deps.db, product.id, kind, version);
  if (!found) throw noVersion(kind, version);
  return presentPackDetail(product.code, found);
}

/** The stored (masked) text, named after the upload with a .md extension: it is Markdown whatever was sent. */
export async function packText(
  ctx: UseCaseCtx,
  code: string,
  kind: PackKind,
  version: number,
): Promise<{ fileName: string; text: string }> {
  const product = await handoverProduct(ctx, code, 'product.read');
  const found = await findMaskedText(ctx.deps.db, product.id, kind, version);
  if (!found) throw noVersion(kind, version);
  const stem = found.fileName.replace(/\.[^.]*$/, '') || kind;
  return { fileName: `${product.code}-${kind}-v${version}-${stem}.md`, text: found.text };
}
