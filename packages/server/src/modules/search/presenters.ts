import type { SearchHit } from '@pi-studio/core/contract/search';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { markersToHtml } from '@pi-studio/core/documents/snippet';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { SearchRow } from './repo.ts';

/** A hit, its snippet as HTML: the search's own `markers` become <mark>, everything else is escaped. */
export const presentHit = (r: SearchRow, markers: { start: string; stop: string }): SearchHit => ({
  documentId: r.documentId,
  documentCode: documentCode(r.productCode, r.kind),
  title: r.title,
  kind: r.kind,
  product: { code: r.productCode, name: r.productName },
  subsidiary: r.subsidiaryCode,
  version: formatVersion(r),
  snippet: markersToHtml(r.snippet, markers.start, markers.stop),
});
