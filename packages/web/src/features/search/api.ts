import type { SearchResponse } from '@pi-studio/core/contract/search';
import { api, qs } from '../../lib/api.ts';

export type SearchParams = { q: string; limit?: number; kind?: string; subsidiary?: string };

export const searchDocuments = (params: SearchParams, signal?: AbortSignal) =>
  api.get<SearchResponse>(`/search${qs(params)}`, { signal }).then((r) => r.items);
