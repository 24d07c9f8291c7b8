// Whether a product may move from UAT to handover now (core/signoff/handover.ts): read here from the product's stage,
// its latest UAT session's build and the sign-offs of that build. The backlog's stage move and the sign-off list use
// the same answer.
import { type HandoverReadiness, handoverReadiness } from '@pi-studio/core/signoff/handover';
import { STAGES, type Stage } from '@pi-studio/core/workspace/stages';
import type { Executor } from '../../db/client.ts';
import { productStage } from '../backlog/repo.ts';
import { currentBuild, listSignoffs } from './repo.ts';

function stageOf(stage: string): Stage {
  const known = STAGES.find((s) => s === stage);
  if (!known) throw new Error(`unknown stage ${stage}`);
  return known;
}

/** `stage` when the caller has just read (and locked) it; otherwise it is read here. */
export async function handoverReadinessOf(db: Executor, productId: string, stage?: string): Promise<HandoverReadiness> {
  const now = stageOf(stage ?? (await productStage(db, productId)));
  const build = await currentBuild(db, productId);
  const signoffs = build === null ? [] : await listSignoffs(db, productId, { buildVersion: build });
  return handoverReadiness(now, build, signoffs);
}
