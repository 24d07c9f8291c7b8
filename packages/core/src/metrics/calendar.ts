// Day, week and month buckets in the studio's reporting time zone (research/adoption-and-reporting.md §1.5): every
// KPI counts "active in interval I" in that zone, DST included. Days are numbered (days since 1970-01-01 in the
// zone), so the formulas work on small integers instead of dates.

/** ISO weekday a week starts on: 1 = Monday (the default) … 7 = Sunday. */
export type WeekStart = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Calendar = {
  /** IANA zone name the buckets are computed in. */
  zone: string;
  weekStart: WeekStart;
  /** The local day number (days since 1970-01-01 in `zone`) of an instant given as epoch milliseconds. */
  dayOf(epochMs: number): number;
};

const DAY_MS = 86_400_000;
/** Zone offsets are looked up once per quarter hour of UTC: no zone changes its offset more often. */
const SLOT_MS = 900_000;

/** Throws a RangeError naming the zone when it is not a known IANA zone. */
export function calendar(zone = 'UTC', weekStart: WeekStart = 1): Calendar {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new RangeError(`unknown time zone: ${zone}`);
  }
  const offsets = new Map<number, number>();
  const offsetAt = (slot: number): number => {
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const at = slot * SLOT_MS;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const local = Date.UTC(
        parts.year as number,
        (parts.month as number) - 1,
        parts.day as number,
        parts.hour as number,
        parts.minute as number,
      );
      offset = local - at;
      offsets.set(slot, offset);
    }
    return offset;
  };
  return {
    zone,
    weekStart,
    dayOf(epochMs) {
      const slot = Math.floor(epochMs / SLOT_MS);
      return Math.floor((epochMs + offsetAt(slot)) / DAY_MS);
    },
  };
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of an ISO date (YYYY-MM-DD); NaN when it is not one. */
export function isoToDay(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) || dayToIso(ms / DAY_MS) !== iso ? Number.NaN : ms / DAY_MS;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The first day of the week `day` is in. */
export function weekOf(day: number, weekStart: WeekStart = 1): number {
  return day - ((weekdayOf(day) - weekStart + 7) % 7);
}

/** A month index (year × 12 + month − 1) of a day number: calendar months, not 30-day windows. */
export function monthOf(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first day number of a month index. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
}

/** The month index as YYYY-MM. */
export function monthToIso(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export type Interval = 'day' | 'week' | 'month';

/** The bucket (its first day, or the month index for months) a day falls in. */
export function bucketOf(day: number, interval: Interval, weekStart: WeekStart = 1): number {
  if (interval === 'day') return day;
  if (interval === 'week') return weekOf(day, weekStart);
  return monthOf(day);
}

/** The bucket after `bucket` (and `n` buckets on). */
export function nextBucket(bucket: number, interval: Interval, n = 1): number {
  if (interval === 'day') return bucket + n;
  if (interval === 'week') return bucket + 7 * n;
  return bucket + n;
}
