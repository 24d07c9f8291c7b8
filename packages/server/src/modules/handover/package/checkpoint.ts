// The weekly handover readiness checkpoint: every product the actor can see that is in UAT or handover, soonest target
// date first, with its package's readiness % and blocking items (or "no package yet"), as rows and as Markdown.
import type { Checkpoint } from '@pi-studio/core/contract/handover-package';
import { mdInline, mdTable } from '@pi-studio/core/handover-package/text';
import { STAGE_LABELS, type Stage } from '@pi-studio/core/workspace/stages';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { render } from './export/service.ts';
import { checkpointProducts } from './repo.ts';
import { loadState } from './service.ts';

type Row = Checkpoint['items'][number];

export async function checkpoint(ctx: UseCaseCtx): Promise<Checkpoint> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const db = ctx.deps.db;
  const products = await checkpointProducts(db, visibleSubsidiaries(actor));
  const items: Row[] = [];
  for (const p of products) {
    const base = { productCode: p.code, productName: p.name, subsidiary: p.subsidiary, stage: p.stage };
    if (!p.pkg) {
      items.push({ ...base, release: null, targetDate: null, score: null, ready: false, blockers: [] });
      continue;
    }
    const pkg = { ...p.pkg, createdByPerson: null, ownershipConfirmedByPerson: null };
    const { readiness } = await loadState(db, p.productId, pkg);
    items.push({
      ...base,
      release: p.pkg.release,
      targetDate: p.pkg.targetDate,
      score: readiness.score,
      ready: readiness.ready,
      blockers: readiness.blocking.map(({ itemId, label, owner }) => ({ itemId, label, owner })),
    });
  }
  const generatedAt = ctx.deps.now();
  return { generatedAt: generatedAt.toISOString(), items, markdown: checkpointMarkdown(items, generatedAt) };
}

/** The checkpoint as a PDF (rendered in the job pool), with its download name. */
export async function checkpointPdf(ctx: UseCaseCtx): Promise<{ bytes: Uint8Array; fileName: string }> {
  const cp = await checkpoint(ctx);
  const day = cp.generatedAt.slice(0, 10);
  const title = `Handover readiness checkpoint ${day}`;
  const out = await render(ctx, { markdown: cp.markdown, title, subject: 'PI Studio', formats: ['pdf'] });
  if (!out.pdf) throw new Error('the pdf renderer returned nothing');
  return { bytes: out.pdf, fileName: `handover-checkpoint-${day}.pdf` };
}

const stageLabel = (stage: string) => STAGE_LABELS[stage as Stage] ?? stage;

function checkpointMarkdown(items: readonly Row[], at: Date): string {
  const out = [`# Handover readiness checkpoint, ${at.toISOString().slice(0, 10)}`, ''];
  if (items.length === 0) return [...out, 'No product is in UAT or handover.', ''].join('\n');
  out.push(
    ...mdTable(
      ['Product', 'Subsidiary', 'Stage', 'Release', 'Target date', 'Readiness', 'Blocking items'],
      items.map((r) => [
        `${r.productName} (${r.productCode})`,
        r.subsidiary,
        stageLabel(r.stage),
        r.release ?? 'no package yet',
        r.targetDate ?? 'not set',
        r.score === null ? 'n/a' : `${r.score}%${r.ready ? ' (ready)' : ''}`,
        r.blockers.length,
      ]),
    ),
    '',
  );
  for (const r of items.filter((i) => i.blockers.length > 0)) {
    out.push(`## ${mdInline(r.productName)} (${mdInline(r.productCode)}): ${r.blockers.length} blocking`, '');
    for (const b of r.blockers)
      out.push(`- ${mdInline(b.itemId)} ${mdInline(b.label)}${b.owner ? ` (owner: ${mdInline(b.owner)})` : ''}`);
    out.push('');
  }
  return out.join('\n');
}
