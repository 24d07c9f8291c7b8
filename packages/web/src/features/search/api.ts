import type { SearchQuery, SearchResponse } from '@pi-studio/core/contract/search';
import { api, qs } from '../../lib/api.ts';

/** The search query; `limit` may be left to the server's default. */
export type SearchParams = Omit<SearchQuery, 'limit'> & Partial<Pick<SearchQuery, 'limit'>>;

export const searchDocuments = (params: SearchParams, signal?: AbortSignal) =>
  api.get<SearchResponse>(`/search${qs(params)}`, { signal }).then((r) => r.items);
