// The builder API (issue #12): what build tools need, reachable with a token of scope `builder` alone — the stories
// ready for build with their Gherkin acceptance criteria and the linked requirements' text, and the story status a
// build moves. Both need backlog.write on the product's subsidiary (builders, PO/VB, ProductOps, admins); a status
// change is the stories PATCH (stories/service.ts): the same checks, If-Match and `story.updated` audit event.
import { decide } from '@pi-studio/core/access/roles';
import type {
  BuilderStatusBody,
  BuilderStory,
  BuilderStoryPage,
  BuilderStoryQuery,
  Story,
} from '@pi-studio/core/contract/backlog';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, notFound } from '../../../use-case/errors.ts';
import { backlogProduct } from '../policy.ts';
import { listStories, type StoryRecord } from '../stories/repo.ts';
import { updateStory } from '../stories/service.ts';
import { productsWithStoryKey, requirementTexts } from './repo.ts';

const INT4_MAX = 2_147_483_647;

function present(s: StoryRecord, texts: Map<string, { id: string; key: string; text: string }>): BuilderStory {
  return {
    id: s.id,
    key: s.key,
    type: s.type,
    title: s.title,
    narrative: s.narrative,
    acceptance: s.acceptance,
    priority: s.priority,
    status: s.status,
    estimate: s.estimate,
    sprint: s.sprint,
    requirements: s.requirements.map((r) => texts.get(r.id) ?? { ...r, text: '' }),
    revision: s.revision,
  };
}

export async function builderStories(ctx: UseCaseCtx, q: BuilderStoryQuery): Promise<BuilderStoryPage> {
  const product = await backlogProduct(ctx, q.product, 'backlog.write');
  const db = ctx.deps.db;
  const rows = await listStories(db, {
    productId: product.id,
    status: q.status,
    after: q.cursor === undefined ? undefined : Math.min(Number(q.cursor), INT4_MAX),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const texts = await requirementTexts(
    db,
    page.flatMap((s) => s.requirements.map((r) => r.id)),
  );
  const last = page.at(-1);
  return {
    items: page.map((s) => present(s, texts)),
    nextCursor: rows.length > q.limit && last ? String(last.number) : null,
  };
}

/** Finds the story's product among those the actor can see; unknown and invisible both answer 404. */
export async function setStoryStatus(
  ctx: UseCaseCtx,
  key: string,
  body: BuilderStatusBody,
  ifMatchHeader?: string,
): Promise<Story> {
  const actor = ctx.requireActor();
  const visible = (await productsWithStoryKey(ctx.deps.db, key)).filter(
    (p) => decide(actor, 'product.read', p.subsidiaryId) !== 'hidden',
  );
  const [product, other] = visible;
  if (!product) {
    ctx.markAuthorized();
    throw notFound(`story ${key}`, [{ name: 'path.key', reason: `no story ${key}` }]);
  }
  if (other) {
    ctx.markAuthorized();
    throw new Conflict('ambiguous_key', `${key} names stories of ${product.code} and ${other.code}`, [
      { name: 'path.key', reason: 'more than one product has a story with this key' },
    ]);
  }
  return updateStory(ctx, product.code, key, { status: body.status }, body.ifMatch ?? ifMatchHeader);
}
