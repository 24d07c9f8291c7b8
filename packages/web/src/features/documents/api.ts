import { api, getWithEtag, qs } from '../../lib/api.ts';
import type { PersonRef } from '../../lib/people.ts';

export type DocumentKind = 'context' | 'prd';
export const DOCUMENT_KINDS: { value: DocumentKind; label: string }[] = [
  { value: 'context', label: 'Context' },
  { value: 'prd', label: 'PRD' },
];

export type Version = {
  id: string;
  version: string;
  major: number;
  minor: number;
  author: PersonRef;
  createdAt: string;
  contentHash: string;
  note: string | null;
  sourceFile: string | null;
  metadata: Record<string, unknown> | null;
};
export type VersionWithBody = Version & { body: string };

export type DocumentDetail = {
  id: string;
  kind: string;
  title: string;
  code: string;
  product: { code: string; name: string; subsidiary: string | { code: string } };
  revision: number;
  currentVersion: VersionWithBody;
};

export type DiffLine = { type: 'add' | 'del' | 'same'; text: string; oldLine?: number; newLine?: number };
export type Diff = { from: string; to: string; stats: { added: number; removed: number }; lines: DiffLine[] };

export type Template = {
  id: string;
  kind: string;
  name: string;
  subsidiary: string | null;
  currentVersion: { version: string; createdAt: string } | null;
};

export type Bump = 'minor' | 'major';

const enc = encodeURIComponent;

export async function fetchDocument(id: string): Promise<{ document: DocumentDetail; etag: string }> {
  const { data, etag } = await getWithEtag<DocumentDetail>(`/documents/${enc(id)}`);
  // The revision is the concurrency token; the header is authoritative when present.
  return { document: data, etag: etag ?? `"${data.revision}"` };
}

export const fetchVersions = (id: string) =>
  api.get<{ items: Version[] }>(`/documents/${enc(id)}/versions`).then((r) => r.items);

export const fetchVersion = (id: string, version: string) =>
  api.get<VersionWithBody>(`/documents/${enc(id)}/versions/${enc(version)}`);

export const fetchDiff = (id: string, from: string, to: string) =>
  api.get<Diff>(`/documents/${enc(id)}/diff${qs({ from, to })}`);

export const fetchTemplates = (kind: string) =>
  api.get<{ items: Template[] }>(`/templates${qs({ kind })}`).then((r) => r.items);

export type CreateDocumentBody = { kind: DocumentKind; title?: string; templateId?: string; body?: string };

export const createDocument = (productCode: string, body: CreateDocumentBody) =>
  api.post<DocumentDetail>(`/products/${enc(productCode)}/documents`, body);

export function importDocument(productCode: string, file: File, kind: DocumentKind) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  return api.post<DocumentDetail>(`/products/${enc(productCode)}/documents/import`, form);
}

export type SaveVersionBody = { body: string; bump: Bump; note?: string; title?: string };

export const saveVersion = (id: string, body: SaveVersionBody, etag: string) =>
  api.post<Version>(`/documents/${enc(id)}/versions`, body, { headers: { 'if-match': etag } });
