// The package's artifacts: each kind is Markdown kept as numbered versions (an edit names the version it started
// from; another save in between answers 409 stale_version). A text holding what looks like a secret is refused, never
// stored: artifacts say where secrets live, not what they are. Runbook-lite and release notes are read back with the
// pack validator's findings, the support flow, escalation matrix and ownership with core's structured checks; drafts
// come from templates, release notes from the stories and bugs done since the
// product's last accepted handover.
import {
  ARTIFACT_LABELS,
  type ArtifactDraft,
  type ArtifactHistory,
  type ArtifactKind,
  type ArtifactSave,
  type ArtifactVersion,
} from '@pi-studio/core/contract/handover-package';
import { findSecrets } from '@pi-studio/core/handover/secrets';
import type { PackKind } from '@pi-studio/core/handover/types';
import {
  escalationMatrixTemplate,
  ownershipTemplate,
  supportFlowTemplate,
} from '@pi-studio/core/handover-package/artifact-templates';
import { type DoneItem, draftReleaseNotes } from '@pi-studio/core/handover-package/release-notes';
import { releaseNotesMarkdown } from '@pi-studio/core/handover-package/release-notes-markdown';
import { runbookLiteTemplate } from '@pi-studio/core/handover-package/runbook-template';
import { checkStructuredArtifact, isStructuredKind } from '@pi-studio/core/handover-package/structured-artifacts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, Invalid, notFound, StaleVersion } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { productRecord, validatePackText } from '../packs/service.ts';
import { presentArtifact } from './presenters.ts';
import {
  doneStories,
  findArtifactVersion,
  insertArtifact,
  lastAcceptedPackage,
  lastArtifactVersion,
  listArtifactVersions,
  lockPackage,
  type PackageRow,
} from './repo.ts';
import { type PackageProduct, packageProduct, requirePackage } from './service.ts';

/** The pack kind an artifact is validated as, when there is one. */
const VALIDATED_AS: Partial<Record<ArtifactKind, PackKind>> = { runbook: 'runbook', release_notes: 'release-notes' };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function opened(ctx: UseCaseCtx, code: string, permission: 'product.read' | 'handover.write') {
  const product = await packageProduct(ctx, code, permission);
  return { product, pkg: await requirePackage(ctx, product) };
}

export async function artifactHistory(ctx: UseCaseCtx, code: string, kind: ArtifactKind): Promise<ArtifactHistory> {
  const { pkg } = await opened(ctx, code, 'product.read');
  const rows = await listArtifactVersions(ctx.deps.db, pkg.id, kind);
  return {
    kind,
    label: ARTIFACT_LABELS[kind],
    items: rows.map((r) => {
      const { body: _b, validation: _v, ...rest } = presentArtifact(r, null);
      return rest;
    }),
  };
}

/**
 * Runbook-lite and release notes through the pack validator; the support flow, escalation matrix and ownership
 * through core's structured checks (their Markdown tables read back); null for none.
 */
async function validated(ctx: UseCaseCtx, code: string, kind: ArtifactKind, body: string) {
  if (isStructuredKind(kind)) return checkStructuredArtifact(kind, body);
  const packKind = VALIDATED_AS[kind];
  if (!packKind) return null;
  const { report, findings } = await validatePackText(ctx, {
    text: body,
    kind: packKind,
    product: await productRecord(ctx, code),
  });
  return { score: report.score, verdict: report.verdict, findings };
}

/** The validator's verdict on an artifact version, for the kinds validated as packs (runbook, release notes). */
export async function artifactVerdict(
  ctx: UseCaseCtx,
  code: string,
  packageId: string,
  kind: ArtifactKind,
  version: number,
) {
  if (!VALIDATED_AS[kind] && !isStructuredKind(kind)) return null;
  const row = await findArtifactVersion(ctx.deps.db, packageId, kind, version);
  const v = row ? await validated(ctx, code, kind, row.body) : null;
  return v
    ? { verdict: v.verdict, score: v.score, blockers: v.findings.filter((f) => f.severity === 'blocker').length }
    : null;
}

export async function artifactVersion(
  ctx: UseCaseCtx,
  code: string,
  kind: ArtifactKind,
  version: number,
): Promise<ArtifactVersion> {
  const { pkg } = await opened(ctx, code, 'product.read');
  const row = await findArtifactVersion(ctx.deps.db, pkg.id, kind, version);
  if (!row)
    throw notFound(`${ARTIFACT_LABELS[kind]} version ${version}`, [
      { name: 'path.version', reason: `no version ${version} of the ${ARTIFACT_LABELS[kind].toLowerCase()}` },
    ]);
  return presentArtifact(row, await validated(ctx, code, kind, row.body));
}

function refuseSecrets(body: string): void {
  const hits = findSecrets(body);
  if (hits.length === 0) return;
  const lines = [...new Set(hits.map((h) => h.line))].slice(0, 10);
  throw new Invalid(
    [
      {
        name: 'body',
        reason: `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} hold${lines.length > 1 ? '' : 's'} what looks like a secret (${hits[0]?.rule.summary.toLowerCase() ?? 'a credential'}): say where it lives, never paste it`,
      },
    ],
    'secret_in_artifact',
  );
}

export async function saveArtifact(
  ctx: UseCaseCtx,
  code: string,
  kind: ArtifactKind,
  input: ArtifactSave,
): Promise<ArtifactVersion> {
  refuseSecrets(input.body);
  if (input.body.trim() === '') throw new Invalid([{ name: 'body', reason: 'an artifact needs text' }]);
  const { product, pkg } = await opened(ctx, code, 'handover.write');
  if (pkg.status !== 'open')
    throw new Conflict(
      'package_accepted',
      `${code} release ${pkg.release} was accepted by IT: its artifacts are closed`,
    );
  const version = await ctx.deps.db.transaction(async (tx) => {
    await lockPackage(tx, pkg.id);
    const last = await lastArtifactVersion(tx, pkg.id, kind);
    if (input.baseVersion !== last)
      throw new StaleVersion(
        `the ${ARTIFACT_LABELS[kind].toLowerCase()} was saved by someone else (version ${last})`,
        `version ${last} is current; reload it and apply your change`,
        `"${last}"`,
        { version: last },
      );
    const version = last + 1;
    const id = await insertArtifact(tx, {
      packageId: pkg.id,
      kind,
      version,
      body: input.body,
      note: input.note,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'handover.artifact_saved',
      targetType: 'handover_artifact',
      targetId: id,
      targetLabel: `${code} release ${pkg.release} ${ARTIFACT_LABELS[kind]} v${version}`,
      subsidiaryId: product.subsidiaryId,
      after: { kind, version, chars: input.body.length, note: input.note },
    });
    return version;
  });
  return artifactVersion(ctx, code, kind, version);
}

async function releaseNotesDraft(ctx: UseCaseCtx, product: PackageProduct, pkg: PackageRow): Promise<ArtifactDraft> {
  const [done, last] = await Promise.all([
    doneStories(ctx.deps.db, product.id),
    lastAcceptedPackage(ctx.deps.db, product.id),
  ]);
  const items: DoneItem[] = done.map((s) => ({
    key: s.key,
    kind: s.type === 'bug' ? 'bug' : 'story',
    title: s.title,
    doneOn: isoDay(s.doneAt),
    requirementKeys: s.requirementKeys,
  }));
  const since = last && last.release !== pkg.release ? { version: last.release, date: isoDay(last.acceptedAt) } : null;
  const draft = draftReleaseNotes({
    product: { name: product.name, code: product.code },
    release: { version: pkg.release, date: pkg.targetDate ?? isoDay(ctx.deps.now()) },
    lastRelease: since,
    items,
  });
  return {
    kind: 'release_notes',
    body: releaseNotesMarkdown(draft),
    covers: draft.groups.flatMap((g) => g.entries.map((e) => e.key)),
    since: since ? { release: since.version, date: since.date } : null,
  };
}

export async function artifactDraft(ctx: UseCaseCtx, code: string, kind: ArtifactKind): Promise<ArtifactDraft> {
  const { product, pkg } = await opened(ctx, code, 'product.read');
  if (kind === 'release_notes') return releaseNotesDraft(ctx, product, pkg);
  const row = await findProduct(ctx.deps.db, code);
  const who = { name: product.name, code: product.code, itOwner: row?.itOwner?.name ?? null };
  const body =
    kind === 'runbook'
      ? runbookLiteTemplate({ name: product.name, code: product.code, version: pkg.release, owner: who.itOwner })
      : kind === 'support'
        ? supportFlowTemplate(who)
        : kind === 'escalation'
          ? escalationMatrixTemplate(who)
          : ownershipTemplate(who);
  return { kind, body, covers: [], since: null };
}
