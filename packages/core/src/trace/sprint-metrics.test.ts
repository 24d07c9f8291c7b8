import { describe, expect, it } from 'vitest';
import {
  changeRequestsRaisedDuring,
  duringSprint,
  medianAnswerMinutes,
  sprintMetrics,
  uatReadiness,
} from './sprint-metrics.ts';

const sprint = { startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-16T09:00:00Z' };

describe('duringSprint', () => {
  it('counts the start and the end as inside, and nothing before a sprint starts', () => {
    expect(duringSprint(sprint, '2026-03-02T09:00:00Z')).toBe(true);
    expect(duringSprint(sprint, '2026-03-16T09:00:00Z')).toBe(true);
    expect(duringSprint(sprint, '2026-03-02T08:59:59Z')).toBe(false);
    expect(duringSprint(sprint, '2026-03-16T09:00:01Z')).toBe(false);
    expect(duringSprint({ ...sprint, endedAt: null }, '2027-01-01T00:00:00Z')).toBe(true);
    expect(duringSprint({ startedAt: null, endedAt: null }, '2026-03-05T00:00:00Z')).toBe(false);
  });
});

describe('changeRequestsRaisedDuring', () => {
  it('counts change requests raised inside the window, whatever their decision', () => {
    const crs = [
      { createdAt: '2026-03-01T09:00:00Z' },
      { createdAt: '2026-03-05T09:00:00Z' },
      { createdAt: '2026-03-10T09:00:00Z' },
      { createdAt: '2026-03-20T09:00:00Z' },
    ];
    expect(changeRequestsRaisedDuring(sprint, crs)).toBe(2);
    expect(changeRequestsRaisedDuring({ ...sprint, endedAt: null }, crs)).toBe(3);
    expect(changeRequestsRaisedDuring({ startedAt: null, endedAt: null }, crs)).toBe(0);
  });
});

describe('medianAnswerMinutes', () => {
  const asked = '2026-03-03T10:00:00Z';
  const after = (min: number) => new Date(Date.parse(asked) + min * 60_000).toISOString();

  it('is null when nothing is answered', () => {
    expect(medianAnswerMinutes([])).toBeNull();
    expect(medianAnswerMinutes([{ askedAt: asked, answeredAt: null }])).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle ones, to one decimal; open questions do not count', () => {
    const c = (min: number | null) => ({ askedAt: asked, answeredAt: min === null ? null : after(min) });
    expect(medianAnswerMinutes([c(30), c(5), c(null), c(600)])).toBe(30);
    expect(medianAnswerMinutes([c(10), c(5), c(null)])).toBe(7.5);
    expect(medianAnswerMinutes([c(1 / 3)])).toBe(0.3);
  });
});

describe('sprintMetrics', () => {
  it('counts mid-sprint and open questions, scope surprises and the commitment', () => {
    const m = sprintMetrics({
      ...sprint,
      clarifications: [
        { askedAt: '2026-03-01T10:00:00Z', answeredAt: '2026-03-01T11:00:00Z' },
        { askedAt: '2026-03-04T10:00:00Z', answeredAt: null },
        { askedAt: '2026-03-05T10:00:00Z', answeredAt: '2026-03-05T10:20:00Z' },
      ],
      changeRequests: [{ createdAt: '2026-03-04T10:00:00Z' }],
      storiesAddedAfterStart: 2,
      committedTotal: 5,
      committedDone: 3,
    });
    expect(m).toEqual({
      midSprintClarifications: 2,
      openClarifications: 1,
      medianAnswerMinutes: 40,
      scopeSurprises: 1,
      storiesAddedAfterStart: 2,
      committedDone: 3,
      committedTotal: 5,
    });
  });

  it('a planned sprint has no mid-sprint questions, surprises or late stories', () => {
    const m = sprintMetrics({
      startedAt: null,
      endedAt: null,
      clarifications: [{ askedAt: '2026-03-04T10:00:00Z', answeredAt: null }],
      changeRequests: [{ createdAt: '2026-03-04T10:00:00Z' }],
      storiesAddedAfterStart: 4,
      committedTotal: 0,
      committedDone: 0,
    });
    expect(m).toMatchObject({ midSprintClarifications: 0, openClarifications: 1, scopeSurprises: 0 });
    expect(m.storiesAddedAfterStart).toBe(0);
  });
});

describe('uatReadiness', () => {
  const done = (key: string) => ({ key, status: 'done' });
  const open = (key: string) => ({ key, status: 'in_progress' });
  const ended = (name: string, endedAt: string, committed: { key: string; status: string }[]) => ({
    name,
    status: 'ended' as const,
    endedAt,
    committed,
  });

  it('is ready once any ended sprint has all its committed stories done', () => {
    const r = uatReadiness('build', [
      ended('Sprint 2', '2026-03-30T09:00:00Z', [open('P-S-4')]),
      ended('Sprint 1', '2026-03-16T09:00:00Z', [done('P-S-1'), done('P-S-2')]),
    ]);
    expect(r).toEqual({
      ready: true,
      reason: 'sprint "Sprint 1" ended with all 2 committed stories done',
      notDone: [],
    });
  });

  it('names what is missing: no ended sprint, or the last ended sprint’s committed stories not done', () => {
    expect(uatReadiness('build', [{ name: 'S', status: 'active', endedAt: null, committed: [done('P-S-1')] }])).toEqual(
      { ready: false, reason: expect.stringMatching(/^no sprint has ended yet/), notDone: [] },
    );
    const r = uatReadiness('build', [
      ended('Sprint 1', '2026-03-16T09:00:00Z', [open('P-S-1')]),
      ended('Sprint 2', '2026-03-30T09:00:00Z', [open('P-S-4'), done('P-S-5'), open('P-S-7')]),
    ]);
    expect(r).toEqual({
      ready: false,
      reason: '2 committed stories of sprint "Sprint 2" not done: P-S-4, P-S-7',
      notDone: ['P-S-4', 'P-S-7'],
    });
  });

  it('a sprint that committed to nothing is no evidence', () => {
    const r = uatReadiness('build', [ended('Empty', '2026-03-16T09:00:00Z', [])]);
    expect(r.ready).toBe(false);
    expect(r.reason).toContain('ended without committed stories');
  });

  it('only a product in build is ready, whatever its sprints', () => {
    const r = uatReadiness('gate', [ended('Sprint 1', '2026-03-16T09:00:00Z', [done('P-S-1')])]);
    expect(r).toEqual({ ready: false, reason: expect.stringContaining('is in PRD gate'), notDone: [] });
    expect(uatReadiness('uat', []).reason).toContain('is in UAT');
  });
});
