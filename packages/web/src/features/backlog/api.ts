// The backlog API (issue #12): requirements synced from the PRD that passed the gate, stories and bugs, their checks,
// and sprints. Request and response types come from the contract in core (ADR 0010); none is declared here.
import type {
  GenerateBody,
  Requirement,
  RequirementList,
  RequirementSync,
  Sprint,
  SprintBody,
  SprintList,
  Story,
  StoryChecks,
  StoryFinding,
  StoryInput,
  StoryList,
  StoryPage,
  StoryPatch,
  StoryQuery,
  StoryStatus,
  StoryType,
} from '@pi-studio/core/contract/backlog';
import { api, getWithEtag, qs } from '../../lib/api.ts';

export type {
  Requirement,
  RequirementList,
  RequirementSync,
  Sprint,
  Story,
  StoryChecks,
  StoryFinding,
  StoryInput,
  StoryPatch,
  StoryStatus,
  StoryType,
};

/** What the stories list filters by: the list's query without the paging. */
export type StoryFilters = Omit<StoryQuery, 'cursor' | 'limit'>;

const enc = encodeURIComponent;
const base = (code: string) => `/products/${enc(code)}`;
/** The revision as the API's ETag writes it, for If-Match. */
const ifMatch = (revision: number) => ({ 'if-match': `"${revision}"` });

export const fetchRequirements = (code: string) => api.get<RequirementList>(`${base(code)}/requirements`);
export const syncRequirements = (code: string) => api.post<RequirementSync>(`${base(code)}/requirements/sync`);

export const STORY_PAGE = 100;
export const fetchStoryPage = (code: string, filters: StoryFilters, cursor?: string, limit = STORY_PAGE) =>
  api.get<StoryPage>(`${base(code)}/stories${qs({ ...filters, cursor, limit })}`);

export const fetchStory = async (code: string, key: string) =>
  (await getWithEtag<Story>(`${base(code)}/stories/${enc(key)}`)).data;
export const fetchStoryChecks = (code: string, key: string) =>
  api.get<StoryChecks>(`${base(code)}/stories/${enc(key)}/checks`);

export const createStory = (code: string, body: StoryInput) => api.post<Story>(`${base(code)}/stories`, body);
/** Sends the revision the person edited: someone else's change in between answers 409 `stale_version`. */
export const updateStory = (code: string, key: string, patch: StoryPatch, revision: number) =>
  api.patch<Story>(`${base(code)}/stories/${enc(key)}`, patch, { headers: ifMatch(revision) });
/** Deletes a story (its key is not given again); 409 `stale_version` when someone saved it since. */
export const deleteStory = (code: string, key: string, revision: number) =>
  api.delete<void>(`${base(code)}/stories/${enc(key)}`, { headers: ifMatch(revision) });
export const generateStories = (code: string, body: GenerateBody = {}) =>
  api.post<StoryList>(`${base(code)}/stories/generate`, body).then((r) => r.items);

export const fetchSprints = (code: string) => api.get<SprintList>(`${base(code)}/sprints`).then((r) => r.items);
export const createSprint = (code: string, body: SprintBody) => api.post<Sprint>(`${base(code)}/sprints`, body);
export const startSprint = (code: string, id: string) => api.post<Sprint>(`${base(code)}/sprints/${enc(id)}/start`);
export const endSprint = (code: string, id: string) => api.post<Sprint>(`${base(code)}/sprints/${enc(id)}/end`);
