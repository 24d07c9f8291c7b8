// Query keys start with 'backlog' and the product code, so one invalidation refreshes every list of that backlog.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchRequirements,
  fetchSprints,
  fetchStory,
  fetchStoryChecks,
  fetchStoryPage,
  type StoryFilters,
} from './api.ts';

export const backlogKeys = {
  all: (code: string) => ['backlog', code] as const,
  requirements: (code: string) => ['backlog', code, 'requirements'] as const,
  stories: (code: string) => ['backlog', code, 'stories'] as const,
  storyList: (code: string, filters: StoryFilters) => ['backlog', code, 'stories', 'list', filters] as const,
  story: (code: string, key: string) => ['backlog', code, 'stories', 'one', key] as const,
  summary: (code: string) => ['backlog', code, 'stories', 'summary'] as const,
  sprints: (code: string) => ['backlog', code, 'sprints'] as const,
};

export const useRequirements = (code: string) =>
  useQuery({ queryKey: backlogKeys.requirements(code), queryFn: () => fetchRequirements(code) });

/** One page of stories from `cursor` (undefined: the first); the list keeps the cursors it came through. */
export const useStoryPage = (code: string, filters: StoryFilters, cursor: string | undefined) =>
  useQuery({
    queryKey: [...backlogKeys.storyList(code, filters), cursor ?? ''] as const,
    queryFn: () => fetchStoryPage(code, filters, cursor),
    placeholderData: keepPreviousData,
  });

/** The first stories of a sprint (the sprint view shows what it holds; the stories tab lists them all). */
export const useSprintStories = (code: string, sprintId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...backlogKeys.storyList(code, { sprint: sprintId }), 'sprint'] as const,
    queryFn: () => fetchStoryPage(code, { sprint: sprintId }),
    enabled,
  });

/** The first stories linked to one requirement, for the requirements panel's list under it. */
export const useRequirementStories = (code: string, requirementId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...backlogKeys.storyList(code, { requirement: requirementId }), 'requirement'] as const,
    queryFn: () => fetchStoryPage(code, { requirement: requirementId }, undefined, 20),
    enabled,
  });

export const useStoryChecks = (code: string, key: string | null, revision: number | undefined) =>
  useQuery({
    queryKey: [...backlogKeys.story(code, key ?? ''), 'checks', revision ?? 0] as const,
    queryFn: () => fetchStoryChecks(code, key ?? ''),
    enabled: Boolean(key) && revision !== undefined,
  });

export const useStory = (code: string, key: string | null) =>
  useQuery({
    queryKey: backlogKeys.story(code, key ?? ''),
    queryFn: () => fetchStory(code, key ?? ''),
    enabled: Boolean(key),
  });

export const useSprints = (code: string) =>
  useQuery({ queryKey: backlogKeys.sprints(code), queryFn: () => fetchSprints(code) });
