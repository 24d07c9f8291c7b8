// Drift against the gate baseline: each kind with a case that drifts and one that does not, the order, and the
// journey from the issue (an unlinked story mid-sprint, then an approved change request that resolves it).
import { describe, expect, it } from 'vitest';
import type { ExtractedRequirement } from '../stories/requirements.ts';
import {
  type DriftChangeRequest,
  type DriftInput,
  type DriftSprint,
  type DriftStory,
  detectDrift,
  scopeSurprises,
} from './drift.ts';

const req = (id: string, text = `The system does ${id}.`, line = 10): ExtractedRequirement => ({
  id,
  generated: false,
  kind: 'functional',
  text,
  priority: 'Must',
  acceptance: [],
  line,
  section: 'Requirements',
});
const story = (key: string, requirementIds: string[], overrides: Partial<DriftStory> = {}): DriftStory => ({
  key,
  createdAt: '2026-03-01T09:00:00Z',
  requirementIds,
  sprintId: null,
  ...overrides,
});
const sprint = (overrides: Partial<DriftSprint> = {}): DriftSprint => ({
  id: 'sp1',
  name: 'Sprint 1',
  startedAt: '2026-03-02T09:00:00Z',
  committedStoryKeys: [],
  ...overrides,
});
const cr = (
  key: string,
  requirementIds: string[],
  overrides: Partial<DriftChangeRequest> = {},
): DriftChangeRequest => ({
  key,
  status: 'approved',
  decidedAt: '2026-03-05T12:00:00Z',
  requirementIds,
  ...overrides,
});

const BASE = [req('FR-1', 'A merchant sees the payout date.', 5), req('FR-2', 'A merchant gets an email.', 6)];

function input(overrides: Partial<DriftInput> = {}): DriftInput {
  return {
    baseline: { prdVersion: '1.0', requirements: BASE },
    current: { prdVersion: '1.0', requirements: BASE },
    stories: [story('S-1', ['FR-1']), story('S-2', ['FR-2'])],
    sprints: [],
    changeRequests: [],
    ...overrides,
  };
}

const changed = [req('FR-1', 'A merchant sees the payout date and time.', 5), BASE[1] as ExtractedRequirement];

describe('detectDrift', () => {
  it('finds nothing when the build matches the baseline', () => {
    expect(detectDrift(input())).toEqual([]);
  });

  it('reports a requirement changed in a later PRD version, with its line and the version', () => {
    expect(detectDrift(input({ current: { prdVersion: '1.1', requirements: changed } }))).toEqual([
      {
        kind: 'requirement-changed-without-approval',
        what: 'FR-1 changed between PRD 1.0 and 1.1 without an approved change request.',
        where: { requirementId: 'FR-1', line: 5 },
        since: '1.1',
      },
    ]);
  });

  it('lets an approved change request resolve the change, matching the id loosely; pending or rejected do not', () => {
    const current = { prdVersion: '1.1', requirements: changed };
    expect(detectDrift(input({ current, changeRequests: [cr('CR-1', ['fr1'])] }))).toEqual([]);
    const pending = detectDrift(input({ current, changeRequests: [cr('CR-2', ['FR-1'], { status: 'pending' })] }));
    expect(pending.map((d) => d.what)).toEqual([
      'FR-1 changed between PRD 1.0 and 1.1 without an approved change request (change request CR-2 is pending).',
    ]);
    const rejected = detectDrift(input({ current, changeRequests: [cr('CR-3', ['FR-1'], { status: 'rejected' })] }));
    expect(rejected).toHaveLength(1);
    const otherApproved = detectDrift(input({ current, changeRequests: [cr('CR-4', ['FR-2'])] }));
    expect(otherApproved).toHaveLength(1);
  });

  it('reports added and removed requirements unless approved, and stories left on a removed one', () => {
    const current = { prdVersion: '1.2', requirements: [BASE[0] as ExtractedRequirement, req('FR-3', 'Refunds.', 7)] };
    const drift = detectDrift(input({ current }));
    expect(drift.map((d) => [d.kind, d.where])).toEqual([
      ['requirement-added-without-approval', { requirementId: 'FR-3', line: 7 }],
      ['requirement-removed-without-approval', { requirementId: 'FR-2' }],
      ['story-without-requirement', { storyKey: 'S-2' }],
    ]);
    expect(drift[1]?.what).toBe(
      'FR-2 is in the baseline PRD 1.0 but not in 1.2, and no approved change request removed it.',
    );
    expect(drift[2]?.what).toBe('Story S-2 links only to FR-2 (removed from the PRD).');
    expect(drift[2]?.since).toBe('2026-03-01T09:00:00Z');

    const approved = detectDrift(input({ current, changeRequests: [cr('CR-1', ['FR-3', 'FR-2'])] }));
    expect(approved.map((d) => d.kind)).toEqual(['story-without-requirement']);
  });

  it('reports stories with no requirement, or only unknown ones, naming their sprint', () => {
    const drift = detectDrift(
      input({
        stories: [story('S-1', ['FR-1']), story('S-3', [], { sprintId: 'sp1' }), story('S-4', ['FR-99', 'fr_1'])],
        sprints: [sprint({ committedStoryKeys: ['S-3'] })],
      }),
    );
    expect(drift).toEqual([
      {
        kind: 'story-without-requirement',
        what: 'Story S-3 is linked to no requirement.',
        where: { storyKey: 'S-3', sprint: 'Sprint 1' },
        since: '2026-03-01T09:00:00Z',
      },
    ]);
    const unknown = detectDrift(input({ stories: [story('S-5', ['FR-99'])] }));
    expect(unknown[0]?.what).toBe('Story S-5 links only to FR-99 (not in PRD 1.0).');
  });

  it('reports a story in a started sprint that was not committed, since it could have joined', () => {
    const stories = [
      story('S-1', ['FR-1'], { sprintId: 'sp1' }),
      story('S-2', ['FR-2'], { sprintId: 'sp1', createdAt: '2026-03-03T10:00:00Z' }),
      story('S-3', ['FR-2'], { sprintId: 'sp1', createdAt: '2026-02-01T10:00:00Z' }),
      story('S-4', ['FR-2'], { sprintId: 'sp2' }),
    ];
    const sprints = [
      sprint({ committedStoryKeys: ['S-1'] }),
      sprint({ id: 'sp2', name: 'Sprint 2', startedAt: null, committedStoryKeys: [] }),
    ];
    expect(detectDrift(input({ stories, sprints }))).toEqual([
      {
        kind: 'story-added-after-sprint-start',
        what: 'Story S-2 was added to sprint "Sprint 1" after it started and is not in its commitment.',
        where: { storyKey: 'S-2', sprint: 'Sprint 1' },
        since: '2026-03-03T10:00:00Z',
      },
      {
        kind: 'story-added-after-sprint-start',
        what: 'Story S-3 was added to sprint "Sprint 1" after it started and is not in its commitment.',
        where: { storyKey: 'S-3', sprint: 'Sprint 1' },
        since: '2026-03-02T09:00:00Z',
      },
    ]);
  });

  it('accepts a story added mid-sprint when a change request on its requirement was approved after the start', () => {
    const stories = [story('S-2', ['FR-2'], { sprintId: 'sp1' })];
    const sprints = [sprint()];
    expect(detectDrift(input({ stories, sprints, changeRequests: [cr('CR-1', ['FR-2'])] }))).toEqual([]);
    const before = cr('CR-1', ['FR-2'], { decidedAt: '2026-03-01T00:00:00Z' });
    expect(detectDrift(input({ stories, sprints, changeRequests: [before] }))).toHaveLength(1);
    const pending = cr('CR-1', ['FR-2'], { status: 'pending', decidedAt: null });
    expect(detectDrift(input({ stories, sprints, changeRequests: [pending] }))).toHaveLength(1);
  });

  it('orders by kind, then PRD order and natural story order, whatever the input order', () => {
    const current = {
      prdVersion: '2.0',
      requirements: [
        req('FR-3', 'New.', 4),
        req('FR-1', 'Changed text entirely here.', 5),
        req('FR-2', BASE[1]?.text, 6),
      ],
    };
    const stories = [story('S-10', []), story('S-9', []), story('S-1', ['FR-1'])];
    const a = detectDrift(input({ current, stories }));
    const b = detectDrift(input({ current, stories: [...stories].reverse() }));
    expect(a).toEqual(b);
    expect(a.map((d) => d.where.requirementId ?? d.where.storyKey)).toEqual(['FR-1', 'FR-3', 'S-9', 'S-10']);
  });

  it('resolves the journey: unlinked story mid-sprint, then an approved change request adds its requirement', () => {
    const sprints = [sprint({ committedStoryKeys: ['S-1', 'S-2'] })];
    const added = story('S-3', [], { sprintId: 'sp1', createdAt: '2026-03-04T08:00:00Z' });
    const drifting = detectDrift(input({ sprints, stories: [story('S-1', ['FR-1']), story('S-2', ['FR-2']), added] }));
    expect(drifting.map((d) => d.kind)).toEqual(['story-without-requirement', 'story-added-after-sprint-start']);

    const resolved = detectDrift(
      input({
        current: { prdVersion: '1.1', requirements: [...BASE, req('FR-3', 'Instant payouts.', 7)] },
        sprints,
        stories: [story('S-1', ['FR-1']), story('S-2', ['FR-2']), { ...added, requirementIds: ['FR-3'] }],
        changeRequests: [cr('CR-1', ['FR-3'])],
      }),
    );
    expect(resolved).toEqual([]);
  });

  it('does not throw on hostile text and keeps it in the sentence', () => {
    const hostile = req('FR-1', 'Pay\u0000out \uD800 now', 5);
    const drift = detectDrift(
      input({
        current: { prdVersion: '1.1\u0000', requirements: [hostile, BASE[1] as ExtractedRequirement] },
        stories: [story('S-\uDFFF', ['\u0000'], { createdAt: 'not a date', sprintId: 'sp1' })],
        sprints: [sprint({ name: 'Sprint "\uD800"' })],
      }),
    );
    expect(drift.map((d) => d.kind)).toEqual([
      'requirement-changed-without-approval',
      'story-without-requirement',
      'story-added-after-sprint-start',
    ]);
    expect(drift[2]?.since).toBe('2026-03-02T09:00:00Z');
  });
});

describe('scopeSurprises', () => {
  const crs = [
    cr('CR-1', ['FR-1'], { decidedAt: '2026-03-01T00:00:00Z' }), // before the start
    cr('CR-2', ['FR-1'], { decidedAt: '2026-03-02T09:00:00Z' }), // at the start
    cr('CR-3', ['FR-1'], { decidedAt: '2026-03-05T10:00:00+02:00' }),
    cr('CR-4', ['FR-1'], { status: 'rejected' }),
    cr('CR-5', ['FR-1'], { status: 'pending', decidedAt: null }),
    cr('CR-6', ['FR-1'], { decidedAt: '2026-04-01T00:00:00Z' }), // after the end
  ];

  it('counts change requests approved from the start to the end of the sprint', () => {
    expect(scopeSurprises({ startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-16T09:00:00Z' }, crs)).toBe(2);
    expect(scopeSurprises({ startedAt: '2026-03-02T09:00:00Z' }, crs)).toBe(3);
  });

  it('is 0 for a sprint that has not started', () => {
    expect(scopeSurprises({ startedAt: null }, crs)).toBe(0);
  });
});
