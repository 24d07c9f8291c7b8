import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, shiftWeek, weekRange } from './week.ts';

describe('report weeks', () => {
  it('steps across year boundaries, including years with a week 53', () => {
    expect(shiftWeek('2026-W46', 1)).toBe('2026-W47');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2020-W53', 1)).toBe('2021-W01');
    expect(() => shiftWeek('2026-W54', 1)).toThrow('not an ISO week');
  });

  it('defaults to the last complete week and names its days', () => {
    expect(lastCompleteWeek(Date.parse('2026-11-16T09:00:00Z'))).toBe('2026-W46');
    expect(weekRange('2026-W46')).toBe('9 Nov – 15 Nov 2026');
  });
});
