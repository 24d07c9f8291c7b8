// The backlog page's address: which tab, the stories tab's view (list or board) and its filters (the API's query
// fields of the same names), so a filtered list can be linked and survives a reload. Anything unknown is dropped,
// never sent to the API.
import { STORY_STATUSES, STORY_TYPES, type StoryStatus, type StoryType } from '@pi-studio/core/contract/backlog';

export const BACKLOG_TABS = ['requirements', 'stories', 'sprints', 'trace', 'changes'] as const;
export type BacklogTab = (typeof BACKLOG_TABS)[number];

/** How the stories tab shows them: one list (with bulk edit), or a board with a column per status. */
export const STORIES_VIEWS = ['list', 'board'] as const;
export type StoriesView = (typeof STORIES_VIEWS)[number];

export type BacklogSearch = {
  tab?: BacklogTab;
  status?: StoryStatus;
  type?: StoryType;
  /** A sprint's id, or `none` for the stories in no sprint. */
  sprint?: string;
  /** A requirement's id. */
  requirement?: string;
  /** The stories tab's view; absent is the list. */
  view?: StoriesView;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

export function backlogSearch(s: Record<string, unknown>): BacklogSearch {
  return {
    tab: oneOf(BACKLOG_TABS, s.tab),
    status: oneOf(STORY_STATUSES, s.status),
    type: oneOf(STORY_TYPES, s.type),
    sprint: s.sprint === 'none' ? 'none' : uuid(s.sprint),
    requirement: uuid(s.requirement),
    view: oneOf(STORIES_VIEWS, s.view),
  };
}
