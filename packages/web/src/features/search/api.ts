import { api, qs } from '../../lib/api.ts';

export type SearchHit = {
  documentId: string;
  documentCode: string;
  title: string;
  kind: string;
  product: { code: string; name: string };
  subsidiary: string;
  version: string;
  snippet: string;
};

export type SearchParams = { q: string; limit?: number; kind?: string; subsidiary?: string };

export const searchDocuments = (params: SearchParams, signal?: AbortSignal) =>
  api.get<{ items: SearchHit[] }>(`/search${qs(params)}`, { signal }).then((r) => r.items);
