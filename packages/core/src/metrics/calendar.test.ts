import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  calendar,
  dayToIso,
  isoToDay,
  monthOf,
  monthStart,
  monthToIso,
  weekdayOf,
  weekOf,
} from './calendar.ts';

const at = (iso: string) => Date.parse(iso);

describe('calendar', () => {
  it('buckets an instant into the local day of the reporting zone', () => {
    const berlin = calendar('Europe/Berlin');
    // 23:30 UTC is already the next day in Berlin (UTC+1 in winter, +2 in summer).
    expect(dayToIso(berlin.dayOf(at('2026-01-14T23:30:00Z')))).toBe('2026-01-15');
    expect(dayToIso(berlin.dayOf(at('2026-07-14T21:59:00Z')))).toBe('2026-07-14');
    expect(dayToIso(berlin.dayOf(at('2026-07-14T22:00:00Z')))).toBe('2026-07-15');
    expect(dayToIso(calendar('UTC').dayOf(at('2026-01-14T23:30:00Z')))).toBe('2026-01-14');
  });

  it('follows daylight saving changes on the day they happen', () => {
    const ny = calendar('America/New_York');
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT. 04:30 UTC is 23:30 EST the day before; 05:30 UTC is 00:30.
    expect(dayToIso(ny.dayOf(at('2026-03-08T04:30:00Z')))).toBe('2026-03-07');
    expect(dayToIso(ny.dayOf(at('2026-03-08T05:30:00Z')))).toBe('2026-03-08');
    // After the change midnight is 04:00 UTC.
    expect(dayToIso(ny.dayOf(at('2026-03-09T03:59:00Z')))).toBe('2026-03-08');
    expect(dayToIso(ny.dayOf(at('2026-03-09T04:00:00Z')))).toBe('2026-03-09');
    // Half-hour zones too.
    expect(dayToIso(calendar('Asia/Kolkata').dayOf(at('2026-05-01T18:29:00Z')))).toBe('2026-05-01');
    expect(dayToIso(calendar('Asia/Kolkata').dayOf(at('2026-05-01T18:30:00Z')))).toBe('2026-05-02');
  });

  it('refuses an unknown zone by name', () => {
    expect(() => calendar('Mars/Olympus')).toThrow('unknown time zone: Mars/Olympus');
  });

  it('numbers weeks from the chosen first weekday and months by calendar month', () => {
    const wed = isoToDay('2026-12-02');
    expect(weekdayOf(wed)).toBe(3);
    expect(dayToIso(weekOf(wed))).toBe('2026-11-30');
    expect(dayToIso(weekOf(wed, 7))).toBe('2026-11-29');
    expect(dayToIso(bucketOf(wed, 'week', 1))).toBe('2026-11-30');
    expect(monthToIso(monthOf(wed))).toBe('2026-12');
    expect(dayToIso(monthStart(monthOf(wed) + 1))).toBe('2027-01-01');
    expect(isoToDay('2026-02-30')).toBeNaN();
    expect(isoToDay('soon')).toBeNaN();
  });
});
