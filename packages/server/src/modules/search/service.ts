import { randomBytes } from 'node:crypto';
import type { SearchHit, SearchQuery } from '@pi-studio/core/contract/search';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { markersToHtml } from '@pi-studio/core/documents/snippet';
import { formatVersion } from '@pi-studio/core/documents/version';
import { type Actor, visibleSubsidiaries } from '../../use-case/actor.ts';
import type { Deps } from '../../use-case/deps.ts';
import { searchDocuments } from './repo.ts';

export async function search(deps: Deps, actor: Actor, query: SearchQuery): Promise<SearchHit[]> {
  const visible = visibleSubsidiaries(actor);
  if (visible && visible.length === 0) return [];
  // Fresh random markers per request: a document cannot contain them, so it cannot forge a highlight.
  const token = randomBytes(8).toString('hex');
  const markers = { start: `pismarkstart${token}`, stop: `pismarkstop${token}` };
  const rows = await searchDocuments(deps.db, {
    q: query.q,
    limit: query.limit,
    kind: query.kind,
    subsidiaryCode: query.subsidiary,
    visibleSubsidiaryIds: visible,
    markers,
  });
  return rows.map((r) => ({
    documentId: r.documentId,
    documentCode: documentCode(r.productCode, r.kind),
    title: r.title,
    kind: r.kind,
    product: { code: r.productCode, name: r.productName },
    subsidiary: r.subsidiaryCode,
    version: formatVersion(r),
    snippet: markersToHtml(r.snippet, markers.start, markers.stop),
  }));
}
