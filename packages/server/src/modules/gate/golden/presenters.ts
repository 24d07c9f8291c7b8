// What the Golden library API sends: ISO dates, version strings, typed by the contract (core/contract/gate.ts).
import type { GoldenExample } from '@pi-studio/core/contract/gate';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { GoldenRow } from './repo.ts';

export function presentGolden(g: GoldenRow): GoldenExample {
  return {
    id: g.id,
    criterion: g.criterion,
    text: g.text,
    source: g.source,
    documentId: g.documentId,
    version: g.major !== null && g.minor !== null ? formatVersion({ major: g.major, minor: g.minor }) : null,
    subsidiary: g.subsidiary,
    productType: g.productType,
    createdAt: g.createdAt.toISOString(),
    createdBy: g.createdById ? { id: g.createdById, name: g.createdByName ?? '', email: g.createdByEmail ?? '' } : null,
  };
}
