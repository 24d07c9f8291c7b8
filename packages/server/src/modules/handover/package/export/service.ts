// The package export: the whole package as one Markdown document (core's packageMarkdown), rendered to PDF and DOCX
// in the job pool, and a zip of the Markdown, the PDF, the DOCX, each artifact's newest version, each pack's newest
// masked text, the checklist items' evidence files (evidence/<item>/<name>) and a manifest with every file's size and
// sha256 (the evidence files listed with their item and uploader too). Reads only: nothing is stored, and a pack's raw
// upload was never kept, so no secret can leave through the export.
import { createHash } from 'node:crypto';
import { ARTIFACT_LABELS, type ArtifactKind } from '@pi-studio/core/contract/handover-package';
import { type ExportArtifact, packageMarkdown } from '@pi-studio/core/handover-package/package-markdown';
import { zipSync } from 'fflate';
import { jobProblem } from '../../../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../../../use-case/context.ts';
import { findMaskedText, latestPerKind } from '../../packs/repo.ts';
import { gapLog } from '../gaps.ts';
import { evidenceFilesWithBytes } from '../items/repo.ts';
import { findArtifactVersion } from '../repo.ts';
import { packageAnswer, packageProduct, requirePackage } from '../service.ts';
import type { Rendered, RenderInput } from './render-job.ts';

export type ExportFile = { path: string; bytes: Uint8Array };

const encoder = new TextEncoder();

/** What the export is made of, read once. */
async function gather(ctx: UseCaseCtx, code: string) {
  const product = await packageProduct(ctx, code, 'product.read');
  const pkg = await requirePackage(ctx, product);
  const [answer, gaps, packs] = await Promise.all([
    packageAnswer(ctx, code),
    gapLog(ctx, code),
    latestPerKind(ctx.deps.db, product.id),
  ]);
  const artifacts: ExportArtifact[] = [];
  for (const a of answer.artifacts) {
    if (a.latestVersion === null) continue;
    const row = await findArtifactVersion(ctx.deps.db, pkg.id, a.kind, a.latestVersion);
    if (row) artifacts.push({ kind: a.kind as ArtifactKind, label: a.label, version: row.version, body: row.body });
  }
  const packTexts = await Promise.all(
    packs.latest.map(async (p) => ({
      pack: p,
      text: await findMaskedText(ctx.deps.db, product.id, p.kind, p.version),
    })),
  );
  const markdown = packageMarkdown({
    pkg: answer,
    artifacts,
    packs: packs.latest.map((p) => ({
      kind: p.kind,
      version: p.version,
      fileName: p.fileName,
      verdict: p.verdict,
      score: p.score,
    })),
    gaps: gaps.items,
    generatedAt: ctx.deps.now().toISOString(),
  });
  return { answer, artifacts, packTexts, markdown };
}

export async function render(ctx: UseCaseCtx, input: RenderInput): Promise<Rendered> {
  try {
    return await ctx.deps.jobs.run('handover.renderPackage', input);
  } catch (err) {
    throw jobProblem(err, { code: 'export_too_complex', field: 'path.code', what: 'this package' });
  }
}

const baseName = (code: string, release: string) => `${code}-handover-${release}`.replace(/[^A-Za-z0-9._-]/g, '_');

/** The package as one PDF or one DOCX, with its download name. */
export async function packageDocument(
  ctx: UseCaseCtx,
  code: string,
  format: 'pdf' | 'docx',
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { answer, markdown } = await gather(ctx, code);
  const title = `Handover package ${answer.productCode} ${answer.release}`;
  const out = await render(ctx, { markdown, title, subject: answer.productName, formats: [format] });
  const bytes = out[format];
  if (!bytes) throw new Error(`the ${format} renderer returned nothing`);
  return { bytes, fileName: `${baseName(answer.productCode, answer.release)}.${format}` };
}

/**
 * `evidence/<item>/<file name>`, one path per file: the stored names are already safe (no path, no control
 * characters); a second file of the same name on one item gets its id's first characters in front.
 */
function evidencePathsOf(files: readonly { id: string; itemId: string; fileName: string }[]): string[] {
  const seen = new Set<string>();
  return files.map((f) => {
    let path = `evidence/${f.itemId}/${f.fileName}`;
    if (seen.has(path)) path = `evidence/${f.itemId}/${f.id.slice(0, 8)}-${f.fileName}`;
    seen.add(path);
    return path;
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The whole package as a zip, with a manifest of every file's size and sha256. */
export async function packageZip(ctx: UseCaseCtx, code: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { answer, artifacts, packTexts, markdown } = await gather(ctx, code);
  const evidence = await evidenceFilesWithBytes(ctx.deps.db, answer.id);
  const title = `Handover package ${answer.productCode} ${answer.release}`;
  const rendered = await render(ctx, { markdown, title, subject: answer.productName, formats: ['pdf', 'docx'] });
  const files: ExportFile[] = [{ path: 'package.md', bytes: encoder.encode(markdown) }];
  if (rendered.pdf) files.push({ path: 'package.pdf', bytes: rendered.pdf });
  if (rendered.docx) files.push({ path: 'package.docx', bytes: rendered.docx });
  for (const a of artifacts)
    files.push({ path: `artifacts/${a.kind.replace('_', '-')}-v${a.version}.md`, bytes: encoder.encode(a.body) });
  for (const { pack, text } of packTexts)
    if (text) files.push({ path: `packs/${pack.kind}-v${pack.version}.md`, bytes: encoder.encode(text.text) });
  const evidencePaths = evidencePathsOf(evidence);
  for (const [i, f] of evidence.entries()) files.push({ path: evidencePaths[i] ?? f.id, bytes: f.bytes });
  const manifest = {
    product: { code: answer.productCode, name: answer.productName },
    release: answer.release,
    status: answer.status,
    readiness: answer.readiness.score,
    signoffKey: answer.signoffKey,
    generatedAt: ctx.deps.now().toISOString(),
    artifacts: artifacts.map((a) => ({ kind: a.kind, label: ARTIFACT_LABELS[a.kind], version: a.version })),
    evidence: evidence.map((f, i) => ({
      itemId: f.itemId,
      path: evidencePaths[i],
      fileName: f.fileName,
      mediaType: f.mediaType,
      bytes: f.size,
      sha256: f.sha256,
      uploadedBy: f.uploadedByName,
      addedAt: f.createdAt.toISOString(),
    })),
    files: files.map((f) => ({ path: f.path, bytes: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  const zip = zipSync({
    ...Object.fromEntries(files.map((f) => [f.path, f.bytes])),
    'manifest.json': encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  return { bytes: zip, fileName: `${baseName(answer.productCode, answer.release)}.zip` };
}
