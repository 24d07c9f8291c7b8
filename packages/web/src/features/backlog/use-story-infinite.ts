// Every story matching the filters, fetched along the API's cursor in pages of 500 as the list or a board column
// scrolls: a 10,000-story backlog is 20 requests, and only the rows in view are in the DOM (VirtualStoryList).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchStoryPage, type Story, type StoryFilters } from './api.ts';
import { backlogKeys } from './queries.ts';
import { STORIES_PAGE } from './stories-view.ts';

/** Under the list keys, so every change that invalidates the backlog (edits, moves, bulk edits) refetches it too. */
export const storyInfiniteKey = (code: string, filters: StoryFilters) =>
  [...backlogKeys.storyList(code, filters), 'all'] as const;

/** `data` is the stories loaded so far, by number; `hasNextPage` says more are to come. */
export const useStoryInfinite = (code: string, filters: StoryFilters) =>
  useInfiniteQuery({
    queryKey: storyInfiniteKey(code, filters),
    queryFn: ({ pageParam }) => fetchStoryPage(code, filters, pageParam, STORIES_PAGE),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data): Story[] => data.pages.flatMap((p) => p.items),
    placeholderData: keepPreviousData,
  });
