// Requirements come from the PRD's baseline — the version of the newest gate review with a pass or conditional
// verdict — never from a draft nobody has reviewed. A sync reads that version with the gate's document model
// (core/stories/requirements.ts) and keeps each requirement's identity across versions (core/stories/identity.ts):
// same key, same row; text changes are appended to its history; requirements no longer in the PRD are marked
// removed in that version, never deleted (stories stay linked to them).
import type { RequirementList, RequirementSync } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import { compareVersions } from '@pi-studio/core/stories/identity';
import { normalisePriority } from '@pi-studio/core/stories/priority';
import { type ExtractedRequirement, extractRequirements } from '@pi-studio/core/stories/requirements';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { readConvention } from '../../workspace/admin/service.ts';
import { backlogProduct } from '../policy.ts';
import { findBaseline, lockBacklog, versionBody } from '../repo.ts';
import { presentBaseline, presentRequirement } from './presenters.ts';
import { insertRequirement, listRequirements, markRemoved, storedRequirements, updateRequirement } from './repo.ts';

/** How identity.ts compares ids: `FR-1`, `fr_1` and `FR1` are one requirement. */
const sameKey = (id: string) => id.toUpperCase().replace(/[-_\s]/g, '');

export async function requirementList(ctx: UseCaseCtx, code: string): Promise<RequirementList> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const baseline = await findBaseline(ctx.deps.db, product.id);
  const items = await listRequirements(ctx.deps.db, product.id);
  return { baseline: presentBaseline(baseline), items: items.map(presentRequirement) };
}

export async function syncRequirements(ctx: UseCaseCtx, code: string): Promise<RequirementSync> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const db = ctx.deps.db;
  const { convention } = await readConvention(db);
  const changes = await db.transaction(async (tx) => {
    await lockBacklog(tx, product.id);
    const baseline = await findBaseline(tx, product.id);
    if (!baseline) {
      throw conflict(
        'no_baseline',
        `${code}'s PRD has not passed the gate: requirements are read from the version with a pass or conditional verdict`,
      );
    }
    const version = formatVersion(baseline);
    const extracted = extractRequirements(await versionBody(tx, baseline.versionId), {
      product: code,
      separator: convention.separator,
    });
    const stored = await storedRequirements(tx, product.id);
    const previous: ExtractedRequirement[] = stored.map((s) => ({
      id: s.id,
      generated: s.generated,
      kind: s.kind === 'nfr' ? 'nfr' : 'functional',
      text: s.text,
      priority: normalisePriority(s.priority),
      acceptance: s.acceptance,
      line: s.line,
      section: s.section,
    }));
    const byKey = new Map(stored.map((s) => [sameKey(s.id), s]));
    const compared = compareVersions(previous, extracted);
    const now = ctx.deps.now();
    const result = { added: [] as string[], changed: [] as string[], removed: [] as string[], unchanged: 0 };
    for (const req of compared.requirements) {
      const values = {
        key: req.id,
        generated: req.generated,
        kind: req.kind,
        text: req.text,
        priority: req.priority,
        acceptance: req.acceptance,
        line: req.line,
        section: req.section,
        documentId: baseline.documentId,
        versionId: baseline.versionId,
      };
      const row = byKey.get(sameKey(req.id));
      if (!row) {
        await insertRequirement(tx, { ...values, productId: product.id, textHistory: [{ version, text: req.text }] });
        result.added.push(req.id);
        continue;
      }
      const textChanged = row.text !== req.text;
      const textHistory = textChanged ? [...row.textHistory, { version, text: req.text }] : row.textHistory;
      await updateRequirement(tx, row.rowId, { ...values, textHistory, at: now });
      if (textChanged) result.changed.push(req.id);
      else if (row.removedInVersionId !== null) result.added.push(req.id);
      else result.unchanged += 1;
    }
    const gone = compared.removed
      .map((r) => byKey.get(sameKey(r.id)))
      .filter((r): r is NonNullable<typeof r> => r !== undefined && r.removedInVersionId === null);
    await markRemoved(
      tx,
      gone.map((r) => r.rowId),
      baseline.versionId,
      now,
    );
    result.removed = gone.map((r) => r.id);
    await writeAudit(tx, ctx.who(), {
      action: 'requirements.synced',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: product.subsidiaryId,
      after: {
        documentId: baseline.documentId,
        versionId: baseline.versionId,
        version,
        reviewId: baseline.reviewId,
        ...result,
      },
    });
    return result;
  });
  return { ...(await requirementList(ctx, code)), changes };
}
