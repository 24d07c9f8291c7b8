import { randomBytes } from 'node:crypto';
import type { SearchHit, SearchQuery } from '@pi-studio/core/contract/search';
import { visibleSubsidiaries } from '../../use-case/actor.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { presentHit } from './presenters.ts';
import { searchDocuments } from './repo.ts';

/** Full-text search over the current versions; visibility is applied inside the query (admins: every subsidiary). */
export async function search(ctx: UseCaseCtx, query: SearchQuery): Promise<SearchHit[]> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const visible = visibleSubsidiaries(actor);
  if (visible && visible.length === 0) return [];
  // Fresh random markers per request: a document cannot contain them, so it cannot forge a highlight.
  const token = randomBytes(8).toString('hex');
  const markers = { start: `pismarkstart${token}`, stop: `pismarkstop${token}` };
  const rows = await searchDocuments(ctx.deps.db, {
    q: query.q,
    limit: query.limit,
    kind: query.kind,
    subsidiaryCode: query.subsidiary,
    visibleSubsidiaryIds: visible,
    markers,
  });
  return rows.map((r) => presentHit(r, markers));
}
