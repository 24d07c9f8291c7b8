// Draft stories from requirements (core/stories/drafts.ts): one story per requirement with the narrative and the
// Gherkin prefilled from what the requirement says, linked to it, for the builder to accept or edit. Numbered from
// the product's story sequence like manual stories, in one transaction with one audit event.
import { type GenerateBody, STORY_LIMITS, type StoryList } from '@pi-studio/core/contract/backlog';
import { artifactId } from '@pi-studio/core/naming/convention';
import { draftStory } from '@pi-studio/core/stories/drafts';
import { normalisePriority } from '@pi-studio/core/stories/priority';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { readConvention } from '../../workspace/admin/service.ts';
import { backlogProduct } from '../policy.ts';
import { lockBacklog, takeStoryNumber } from '../repo.ts';
import { draftableRequirements, findRequirements } from '../requirements/repo.ts';
import { presentStory } from './presenters.ts';
import { insertStory, listStories, setStoryRequirements } from './repo.ts';
import { artifactCode } from './service.ts';

export async function generateStories(ctx: UseCaseCtx, code: string, body: GenerateBody): Promise<StoryList> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const db = ctx.deps.db;
  const { convention } = await readConvention(db);
  const ids = await db.transaction(async (tx) => {
    await lockBacklog(tx, product.id);
    if (body.requirementIds) {
      const found = new Map((await findRequirements(tx, product.id, body.requirementIds)).map((r) => [r.id, r]));
      const problems = body.requirementIds.flatMap((id, i) => {
        const req = found.get(id);
        if (!req) return [{ name: `requirementIds.${i}`, reason: `no requirement with this id in ${code}` }];
        return req.removed
          ? [{ name: `requirementIds.${i}`, reason: `${req.key} is no longer in the PRD baseline` }]
          : [];
      });
      if (problems.length) throw validationFailed(problems);
    }
    const reqs = await draftableRequirements(tx, product.id, body.requirementIds);
    const at = ctx.deps.now();
    const made: { id: string; key: string; requirement: string }[] = [];
    for (const req of reqs) {
      const number = await takeStoryNumber(tx, product.id);
      const draft = draftStory(
        {
          ...req,
          kind: req.kind === 'nfr' ? 'nfr' : 'functional',
          priority: normalisePriority(req.priority),
        },
        { product: code, number, convention },
      );
      const key = artifactId(convention, code, artifactCode(convention, 'story'), number);
      const id = await insertStory(tx, {
        productId: product.id,
        number,
        key,
        type: 'story',
        title: draft.title.slice(0, STORY_LIMITS.title) || key,
        narrative: draft.narrative.slice(0, STORY_LIMITS.narrative),
        acceptance: draft.acceptance.slice(0, STORY_LIMITS.acceptance),
        priority: draft.priority,
        status: 'backlog',
        estimate: null,
        sprintId: null,
        createdBy: ctx.actor?.userId ?? null,
        at,
      });
      await setStoryRequirements(tx, id, [req.rowId]);
      made.push({ id, key, requirement: req.id });
    }
    if (made.length > 0) {
      await writeAudit(tx, ctx.who(), {
        action: 'stories.generated',
        targetType: 'product',
        targetId: product.id,
        targetLabel: code,
        subsidiaryId: product.subsidiaryId,
        after: { stories: made.map(({ key, requirement }) => ({ key, requirement })) },
      });
    }
    return made.map((m) => m.id);
  });
  if (ids.length === 0) return { items: [] };
  const stories = await listStories(db, { productId: product.id, ids, limit: ids.length });
  return { items: stories.map(presentStory) };
}
