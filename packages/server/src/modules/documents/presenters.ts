// What goes out over the API: ISO dates, version strings, people as {id, name, email}. The return types are the
// contract's (core/contract/documents.ts; templates: templates/presenters.ts), so the compiler holds every answer to it.
import type {
  DocumentDetail,
  DocumentSummary,
  StaleDocument,
  Version,
  VersionWithBody as VersionWithBodyOut,
} from '@pi-studio/core/contract/documents';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { DocumentRecord, DocumentSummaryRecord, VersionRecord, VersionWithBody } from './repo.ts';

export function presentVersion(v: VersionRecord): Version {
  return {
    id: v.id,
    version: formatVersion(v),
    major: v.major,
    minor: v.minor,
    author: v.author,
    createdAt: v.createdAt.toISOString(),
    contentHash: v.contentHash,
    note: v.note,
    sourceFile: v.sourceFile,
    metadata: v.metadata,
  };
}

export function presentVersionWithBody(v: VersionWithBody): VersionWithBodyOut {
  return { ...presentVersion(v), body: v.body };
}

export function presentDocument(d: DocumentRecord, current: VersionWithBody | null): DocumentDetail {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    code: documentCode(d.product.code, d.kind),
    product: {
      code: d.product.code,
      name: d.product.name,
      subsidiary: { id: d.product.subsidiaryId, code: d.product.subsidiaryCode, name: d.product.subsidiaryName },
    },
    revision: d.revision,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    currentVersion: current ? presentVersionWithBody(current) : null,
  };
}

export function presentDocumentSummary(d: DocumentSummaryRecord, productCode: string): DocumentSummary {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    code: documentCode(productCode, d.kind),
    revision: d.revision,
    updatedAt: d.updatedAt.toISOString(),
    currentVersion: d.current
      ? {
          id: d.current.id,
          version: formatVersion(d.current),
          createdAt: d.current.createdAt.toISOString(),
          author: d.current.author,
        }
      : null,
    versionCount: d.versionCount,
  };
}

/** The `current` member of a 409 stale_version problem: enough to show and merge what changed meanwhile. */
export function presentStaleCurrent(revision: number, v: VersionWithBody | null): StaleDocument {
  return { revision, ...(v ? presentVersionWithBody(v) : {}) };
}
