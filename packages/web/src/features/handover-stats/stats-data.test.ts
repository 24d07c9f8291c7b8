import { describe, expect, it } from 'vitest';
import type { GapStats } from './api.ts';
import { chartRows, itemName, rateLine, severityTotals } from './stats-data.ts';

const stats: GapStats = {
  accepted: 2,
  acceptedOnFirstHandover: 1,
  firstHandoverRate: 50,
  items: [
    { itemId: 'OPS-5', label: 'Alerts route to on-call', gaps: 2, critical: 1, major: 1, minor: 0, duringEls: 2 },
    { itemId: null, label: null, gaps: 1, critical: 0, major: 0, minor: 1, duringEls: 0 },
  ],
  earlyLifeSupport: { active: 1, gapsDuringEls: 2, gapsAfterEls: 1 },
  cohorts: [],
};

describe('handover statistics', () => {
  it('totals the gaps by severity', () => {
    expect(severityTotals(stats)).toEqual({ critical: 1, major: 1, minor: 1, total: 3 });
  });

  it('keeps one chart row per item, keyed by the severity labels', () => {
    expect(chartRows(stats)).toEqual([
      { item: 'OPS-5', Critical: 1, Major: 1, Minor: 0 },
      { item: 'None', Critical: 0, Major: 0, Minor: 1 },
    ]);
  });

  it('says the item in words', () => {
    expect(itemName(stats.items[0] as GapStats['items'][number])).toBe('OPS-5 · Alerts route to on-call');
    expect(itemName(stats.items[1] as GapStats['items'][number])).toBe('No checklist item');
  });

  it('says the first-handover share, or that nothing was accepted yet', () => {
    expect(rateLine(stats)).toBe('1 of 2 accepted packages were accepted on the first handover.');
    expect(rateLine({ ...stats, accepted: 1, acceptedOnFirstHandover: 1 })).toMatch(/^1 of 1 accepted package was/);
    expect(rateLine({ ...stats, accepted: 0 })).toBe('IT has not accepted any package yet.');
  });
});
