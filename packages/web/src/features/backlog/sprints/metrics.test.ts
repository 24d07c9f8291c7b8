import { describe, expect, it } from 'vitest';
import type { Sprint } from '../api.ts';
import { durationLabel, sprintMetricLines } from './metrics.ts';

const sprint = (patch: Partial<Sprint>, metrics: Partial<Sprint['metrics']> = {}): Sprint => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Sprint 1',
  status: 'active',
  baseline: null,
  committedStoryIds: [],
  storyCount: 0,
  startedAt: '2026-12-01T09:00:00.000Z',
  endedAt: null,
  createdBy: null,
  createdAt: '2026-11-30T09:00:00.000Z',
  metrics: {
    midSprintClarifications: 0,
    openClarifications: 0,
    medianAnswerMinutes: null,
    scopeSurprises: 0,
    storiesAddedAfterStart: 0,
    committedDone: 0,
    committedTotal: 0,
    ...metrics,
  },
  ...patch,
});

describe('sprint metrics in words', () => {
  it('says durations the way people do', () => {
    expect(durationLabel(45)).toBe('45 min');
    expect(durationLabel(210)).toBe('3.5 h');
    expect(durationLabel(3 * 24 * 60)).toBe('3 days');
  });

  it('shows nothing before the sprint starts', () => {
    expect(sprintMetricLines(sprint({ startedAt: null, status: 'planned' }))).toEqual([]);
  });

  it('flags what went against the plan: open questions, surprises, unfinished commitments once ended', () => {
    const lines = sprintMetricLines(
      sprint(
        { status: 'ended', endedAt: '2026-12-10T09:00:00.000Z' },
        {
          committedDone: 2,
          committedTotal: 3,
          scopeSurprises: 1,
          midSprintClarifications: 4,
          openClarifications: 1,
          medianAnswerMinutes: 90,
        },
      ),
    );
    expect(lines.map((l) => [l.label, l.value, l.warn])).toEqual([
      ['Committed done', '2 of 3', true],
      ['Added after start', '0', false],
      ['Scope surprises', '1', true],
      ['Mid-sprint clarifications', '4 (1 open question)', true],
      ['Median time to answer', '1.5 h', false],
    ]);
  });
});
