// Evidence files on a checklist item (issue #14: "evidence link or file"): PDF, PNG, JPEG, plain text, Markdown or
// DOCX, recognised by their bytes (core's sniffEvidenceFile; the declared type and the name are the client's word),
// at most 10 MB and 20 per item, kept in the database beside the UAT screenshots and sign-off evidence with their
// sha256. Anyone who reads the product lists and downloads them; the team keeping the package adds and removes
// them while the package is open. Each change is audited in its transaction; a file counts as evidence for readiness.
import {
  EVIDENCE_FILE_LIMITS,
  type EvidenceFile,
  type EvidenceFileBody,
} from '@pi-studio/core/contract/handover-items';
import type { HandoverPackage } from '@pi-studio/core/contract/handover-package';
import { evidenceFileName, sniffEvidenceFile } from '@pi-studio/core/handover-package/evidence-file';
import type { UseCaseCtx } from '../../../../use-case/context.ts';
import { badRequest, Conflict, notFound, TooLarge, UnsupportedType } from '../../../../use-case/errors.ts';
import { writeAudit } from '../../../audit/writer.ts';
import { sha256Hex } from '../../../signoff/hash.ts';
import { presentEvidenceFile } from '../presenters.ts';
import { lockPackage } from '../repo.ts';
import { packageAnswer, packageItem } from '../service.ts';
import {
  countEvidenceFiles,
  deleteEvidenceFile,
  findEvidenceFile,
  insertEvidenceFile,
  listEvidenceFiles,
} from './repo.ts';

const fileProblem = (reason: string) => [{ name: 'file', reason }];
const MB = EVIDENCE_FILE_LIMITS.bytes / 1024 / 1024;

function assertOpen(pkg: { status: string; release: string }, code: string): void {
  if (pkg.status !== 'open')
    throw new Conflict('package_accepted', `${code} release ${pkg.release} was accepted by IT: its evidence is closed`);
}

async function readFile(body: EvidenceFileBody): Promise<{ bytes: Uint8Array; mediaType: EvidenceFile['mediaType'] }> {
  if (body.file.size > EVIDENCE_FILE_LIMITS.bytes)
    throw new TooLarge(
      'file_too_large',
      `the file is ${(body.file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MB} MB`,
      fileProblem(`larger than ${MB} MB`),
    );
  const bytes = new Uint8Array(await body.file.arrayBuffer());
  if (bytes.length === 0) throw badRequest('empty_file', 'the file is empty', fileProblem('empty'));
  const mediaType = sniffEvidenceFile(bytes, body.file.name);
  if (!mediaType)
    throw new UnsupportedType(
      'unsupported_file_type',
      'evidence must be a PDF, PNG, JPEG, Word (.docx), Markdown or UTF-8 plain text file (its type is read from its content)',
      fileProblem('not a PDF, PNG, JPEG, .docx, Markdown or UTF-8 text file'),
    );
  return { bytes, mediaType };
}

export async function addEvidenceFile(
  ctx: UseCaseCtx,
  code: string,
  itemId: string,
  body: EvidenceFileBody,
): Promise<EvidenceFile> {
  const { product, pkg } = await packageItem(ctx, code, itemId, 'handover.write');
  assertOpen(pkg, code);
  const { bytes, mediaType } = await readFile(body);
  const fileName = evidenceFileName(body.file.name, mediaType);
  const sha256 = sha256Hex(bytes);
  const id = await ctx.deps.db.transaction(async (tx) => {
    const locked = await lockPackage(tx, pkg.id);
    assertOpen(locked, code);
    if ((await countEvidenceFiles(tx, pkg.id, itemId)) >= EVIDENCE_FILE_LIMITS.perItem)
      throw new Conflict('too_many_files', `an item keeps at most ${EVIDENCE_FILE_LIMITS.perItem} evidence files`);
    const id = await insertEvidenceFile(tx, {
      productId: product.id,
      packageId: pkg.id,
      itemId,
      fileName,
      mediaType,
      bytes,
      sha256,
      uploadedByName: ctx.actor?.name ?? ctx.who().actorLabel,
      uploadedBy: ctx.actor?.userId ?? null,
      at: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'handover.evidence_added',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release} ${itemId}: ${fileName}`,
      subsidiaryId: product.subsidiaryId,
      after: { itemId, fileId: id, fileName, mediaType, size: bytes.length, sha256 },
    });
    return id;
  });
  const row = await findEvidenceFile(ctx.deps.db, pkg.id, itemId, id);
  if (!row) throw new Error(`evidence file ${id} vanished`);
  return presentEvidenceFile(row);
}

export async function evidenceFiles(ctx: UseCaseCtx, code: string, itemId: string): Promise<{ items: EvidenceFile[] }> {
  const { pkg } = await packageItem(ctx, code, itemId, 'product.read');
  return { items: (await listEvidenceFiles(ctx.deps.db, pkg.id, itemId)).map(presentEvidenceFile) };
}

const noFile = (fileId: string) =>
  notFound(`evidence file ${fileId}`, [{ name: 'path.fileId', reason: 'no such evidence file on this item' }]);

export async function evidenceFileDownload(ctx: UseCaseCtx, code: string, itemId: string, fileId: string) {
  const { pkg } = await packageItem(ctx, code, itemId, 'product.read');
  const row = await findEvidenceFile(ctx.deps.db, pkg.id, itemId, fileId);
  if (!row) throw noFile(fileId);
  return { bytes: row.bytes, fileName: row.fileName };
}

export async function removeEvidenceFile(
  ctx: UseCaseCtx,
  code: string,
  itemId: string,
  fileId: string,
): Promise<HandoverPackage> {
  const { product, pkg } = await packageItem(ctx, code, itemId, 'handover.write');
  assertOpen(pkg, code);
  await ctx.deps.db.transaction(async (tx) => {
    const locked = await lockPackage(tx, pkg.id);
    assertOpen(locked, code);
    const row = await findEvidenceFile(tx, pkg.id, itemId, fileId);
    if (!row || !(await deleteEvidenceFile(tx, pkg.id, itemId, fileId))) throw noFile(fileId);
    await writeAudit(tx, ctx.who(), {
      action: 'handover.evidence_removed',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release} ${itemId}: ${row.fileName}`,
      subsidiaryId: product.subsidiaryId,
      before: { itemId, fileId, fileName: row.fileName, sha256: row.sha256 },
      after: { itemId, fileId, removed: true },
    });
  });
  return packageAnswer(ctx, code);
}
