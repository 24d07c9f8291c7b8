// The documents API (docs/api-contract.md, "Documents"). Request and response types come from the contract in core
// (ADR 0010); none is declared here.
import type {
  Bump,
  CreateDocumentBody,
  Diff,
  DiffLine,
  DocumentDetail as DocumentAnswer,
  SaveVersionBody,
  Version,
  VersionList,
  VersionWithBody,
} from '@pi-studio/core/contract/documents';
import type { TemplateList } from '@pi-studio/core/contract/templates';
import type { CreatableKind } from '@pi-studio/core/documents/kinds';
import { api, getWithEtag, qs } from '../../lib/api.ts';

export type { Bump, CreateDocumentBody, DiffLine, SaveVersionBody, Version, VersionWithBody };

/** The kinds a person creates here (the others exist for templates). */
export type DocumentKind = CreatableKind;
export const DOCUMENT_KINDS: { value: DocumentKind; label: string }[] = [
  { value: 'context', label: 'Context' },
  { value: 'prd', label: 'PRD' },
];

/**
 * A document as the pages show it: the contract's, with its current version. The contract allows a document without
 * a version; none exists in practice (creating one stores v1.0 in the same transaction), so loading one is an error
 * rather than a state to draw.
 */
export type DocumentDetail = DocumentAnswer & { currentVersion: VersionWithBody };

const enc = encodeURIComponent;

export async function fetchDocument(id: string): Promise<{ document: DocumentDetail; etag: string }> {
  const { data, etag } = await getWithEtag<DocumentAnswer>(`/documents/${enc(id)}`);
  const { currentVersion } = data;
  if (!currentVersion) throw new Error(`${data.code} has no version yet`);
  // The revision is the concurrency token; the header is authoritative when present.
  return { document: { ...data, currentVersion }, etag: etag ?? `"${data.revision}"` };
}

export const fetchVersions = (id: string) =>
  api.get<VersionList>(`/documents/${enc(id)}/versions`).then((r) => r.items);

export const fetchVersion = (id: string, version: string) =>
  api.get<VersionWithBody>(`/documents/${enc(id)}/versions/${enc(version)}`);

export const fetchDiff = (id: string, from: string, to: string) =>
  api.get<Diff>(`/documents/${enc(id)}/diff${qs({ from, to })}`);

export const fetchTemplates = (kind: string) => api.get<TemplateList>(`/templates${qs({ kind })}`).then((r) => r.items);

export const createDocument = (productCode: string, body: CreateDocumentBody) =>
  api.post<DocumentAnswer>(`/products/${enc(productCode)}/documents`, body);

export function importDocument(productCode: string, file: File, kind: DocumentKind) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  return api.post<DocumentAnswer>(`/products/${enc(productCode)}/documents/import`, form);
}

export const saveVersion = (id: string, body: SaveVersionBody, etag: string) =>
  api.post<Version>(`/documents/${enc(id)}/versions`, body, { headers: { 'if-match': etag } });
