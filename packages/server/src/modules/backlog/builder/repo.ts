// What the builder API reads besides the stories list: the linked requirements' text, and which product a story key
// belongs to (builders name a story by its key alone; stories_key_idx).
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, stories } from '../../../db/schema/backlog.ts';
import { products } from '../../../db/schema/workspace.ts';

export async function requirementTexts(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { id: string; key: string; text: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: requirements.id, key: requirements.reqKey, text: requirements.text })
    .from(requirements)
    .where(inArray(requirements.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The products holding a story with this key (keys carry the product code, so at most one in practice). */
export async function productsWithStoryKey(
  db: Executor,
  key: string,
): Promise<{ code: string; subsidiaryId: string }[]> {
  return db
    .select({ code: products.code, subsidiaryId: products.subsidiaryId })
    .from(stories)
    .innerJoin(products, eq(products.id, stories.productId))
    .where(eq(stories.key, key))
    .limit(2);
}
