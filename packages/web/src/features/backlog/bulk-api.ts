// The stories' bulk edit (POST …/stories/bulk): one status, sprint or priority for up to 500 stories, all or nothing.
// Types come from the contract in core (ADR 0010).
import type { StoryBulkBody, StoryBulkPatch, StoryBulkResult } from '@pi-studio/core/contract/backlog-bulk';
import { api } from '../../lib/api.ts';

export type { StoryBulkPatch };

export const bulkUpdateStories = (code: string, body: StoryBulkBody) =>
  api.post<StoryBulkResult>(`/products/${encodeURIComponent(code)}/stories/bulk`, body).then((r) => r.items);
