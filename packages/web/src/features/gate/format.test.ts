import { describe, expect, it } from 'vitest';
import {
  ageColor,
  ageLabel,
  daysLabel,
  daysWaiting,
  isoDateInDays,
  overruledLabel,
  percent,
  splitGoldenCitation,
} from './format.ts';

describe('gate formatting', () => {
  it('shows hours for the first two days, then days', () => {
    expect(ageLabel(0.2)).toBe('< 1 h');
    expect(ageLabel(5.7)).toBe('5 h');
    expect(ageLabel(47.9)).toBe('47 h');
    expect(ageLabel(49)).toBe('2 d');
  });

  it('counts whole days a review has waited', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    expect(daysWaiting('2026-12-10T08:00:00Z', now)).toBe(0);
    expect(daysWaiting('2026-12-09T11:00:00Z', now)).toBe(1);
    expect(daysWaiting('2026-12-06T12:00:00Z', now)).toBe(4);
    expect(daysWaiting('2026-12-11T12:00:00Z', now)).toBe(0);
    expect([daysLabel(0), daysLabel(1), daysLabel(4)]).toEqual(['less than a day', '1 day', '4 days']);
  });

  it('colours old queue items', () => {
    expect([ageColor(3), ageColor(30), ageColor(100)]).toEqual(['green', 'yellow', 'red']);
  });

  it('formats rates and leaves unknown rates blank', () => {
    expect(percent(75.6)).toBe('75.6%');
    expect(percent(100)).toBe('100%');
    expect(percent(null)).toBe('—');
  });

  it('splits the golden citation off a fix', () => {
    const out = splitGoldenCitation(
      'Add a metric. Golden example (EMX-PAY-PRD v1.2): "Cut payout time from 3 d to 1 d"',
    );
    expect(out).toEqual({
      fix: 'Add a metric.',
      golden: { source: 'EMX-PAY-PRD v1.2', text: 'Cut payout time from 3 d to 1 d' },
    });
    expect(splitGoldenCitation('Add a metric.').golden).toBeNull();
  });

  it('gives UTC calendar dates', () => {
    expect(isoDateInDays(14, new Date('2026-11-20T23:30:00Z'))).toBe('2026-12-04');
  });
});

describe('overruledLabel', () => {
  it('explains a decision that differs from the engine, and says nothing otherwise', () => {
    expect(overruledLabel({ verdict: 'pass', engineVerdict: 'fail' })).toBe(
      'decided by ProductOps; the engine said Fail',
    );
    expect(overruledLabel({ verdict: 'pass', engineVerdict: 'pass' })).toBeNull();
    expect(overruledLabel({ verdict: null, engineVerdict: null })).toBeNull();
  });
});
