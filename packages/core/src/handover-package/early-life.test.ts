import { describe, expect, it } from 'vitest';
import { elsEndFrom, elsStatus, elsWindow, inEls } from './early-life.ts';

describe('early-life support', () => {
  const accepted = new Date('2026-12-01T17:30:00Z');
  it('runs 30 days from the acceptance day unless told otherwise', () => {
    expect(elsWindow(accepted, null)).toEqual({ days: 30, startsOn: '2026-12-01', endsOn: '2026-12-31' });
    expect(elsWindow(accepted, 45).endsOn).toBe('2027-01-15');
    expect(elsWindow(accepted, 0).days).toBe(30);
    expect(elsWindow(accepted, 1.5).days).toBe(30);
  });
  it('counts a day inside the window, both ends included, and ends after the last day', () => {
    const w = elsWindow(accepted, 10);
    expect([inEls(w, '2026-11-30'), inEls(w, '2026-12-01'), inEls(w, '2026-12-11'), inEls(w, '2026-12-12')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(elsStatus(w, new Date('2026-12-11T23:59:00Z'))).toBe('active');
    expect(elsStatus(w, new Date('2026-12-12T00:00:00Z'))).toBe('ended');
  });
  it('gives the end of a window starting on a review date', () => {
    expect(elsEndFrom('2026-12-01', 30)).toBe('2026-12-31');
    expect(elsEndFrom('not a date', 30)).toBe('not a date');
  });
});
