import { describe, expect, it } from 'vitest';
import type { GateReviewRecord } from '../metrics/gate-process.ts';
import { reportMarkdown } from './render-text.ts';
import { type WeeklyIntakeInputs, weeklyIntakeReport } from './weekly-intake.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const monday = Date.parse('2026-11-16T00:00:00Z');
const week = { from: monday, to: monday + 7 * DAY, label: '2026-W47' };
const review = (
  prd: string,
  day: number,
  verdict: GateReviewRecord['verdict'],
  failing: string[] = [],
  hours = 24,
) => ({
  prd,
  submittedAt: monday + day * DAY - hours * HOUR,
  decidedAt: monday + day * DAY,
  verdict,
  failingCriteria: failing,
});

function inputs(over: Partial<WeeklyIntakeInputs> = {}): WeeklyIntakeInputs {
  return {
    id: 'r1',
    week,
    zone: 'Europe/Berlin',
    watermark: '2026-11-23T06:00:00Z',
    generatedAt: '2026-11-23T07:00:00Z',
    url: 'https://pistudio.invalid/reports/r1',
    reviews: [
      review('EMX-1', -3, 'pass'),
      review('EMX-2', -2, 'fail', ['metrics']),
      review('EMX-3', 1, 'pass', [], 10),
      review('EMX-4', 2, 'fail', ['metrics', 'acceptance'], 30),
      review('EMX-5', 3, 'conditional', ['metrics'], 50),
      review('NXN-1', 4, 'fail', ['scope'], 20),
    ],
    submitted: { current: 5, previous: 2 },
    overdueConditions: { current: 2, previous: 1 },
    queue: [
      { prd: 'NXN-2', title: 'Onboarding', author: 'Ben', waitingSince: monday + 6 * DAY, state: 'review' },
      { prd: 'EMX-4', title: 'Refunds', author: 'Ana', waitingSince: monday - 2 * DAY, state: 'rework' },
    ],
    subsidiaryOf: (prd) => prd.split('-')[0] as string,
    criterionName: (id) => ({ metrics: 'Goals and success metrics', scope: 'Scope and non-goals' })[id] ?? id,
    ftprTarget: 0.7,
    ...over,
  };
}

describe('weekly intake report', () => {
  it('fills the five tiles from the week and the one before', () => {
    const r = weeklyIntakeReport(inputs());
    const tile = (label: string) => r.tiles.find((t) => t.label === label);
    // This week's first verdicts: EMX-3 pass, EMX-4 fail, EMX-5 conditional, NXN-1 fail → 1 / 4.
    expect(tile('First-time pass rate')).toMatchObject({ value: 0.25, previous: 0.5, target: 0.7 });
    expect(tile('PRDs reviewed')?.value).toBe(4);
    expect(tile('Median gate cycle time')).toMatchObject({ value: 25, previous: 24 });
    expect(tile('Overdue conditions')).toMatchObject({ value: 2, previous: 1 });
    expect(tile('Intake queue')?.value).toBe(2);
  });

  it('lists reasons, the queue oldest first with late ones flagged, subsidiaries and asks', () => {
    const md = reportMarkdown(weeklyIntakeReport(inputs()));
    expect(md).toContain('| Goals and success metrics | 75% | not falling |');
    expect(md.indexOf('Refunds (EMX-4)')).toBeLessThan(md.indexOf('Onboarding (NXN-2)'));
    expect(md).toContain('| Refunds (EMX-4) | Ana | In rework | 9 d — over the usual cycle time |');
    expect(md).toContain('| Onboarding (NXN-2) | Ben | Awaiting review | 1 d |');
    expect(md).toContain('| EMX | 3 | 33% | Goals and success metrics |');
    expect(md).toContain('| NXN | 1 | 0% | — |');
    expect(md).toContain(
      '- First-time pass rate is below its target; most PRDs were sent back on Goals and success metrics',
    );
    expect(md).toContain('- 2 gate conditions are overdue');
  });

  it('says so plainly for an empty week', () => {
    const md = reportMarkdown(
      weeklyIntakeReport(inputs({ reviews: [], queue: [], overdueConditions: { current: 0, previous: 0 } })),
    );
    expect(md).toContain('First-time pass rate: no data this period, target 70%.');
    expect(md).toContain('No PRD was sent back in the last 4 weeks.');
    expect(md).toContain('Nothing is waiting.');
    expect(md).toContain('No thresholds breached.');
  });
});
