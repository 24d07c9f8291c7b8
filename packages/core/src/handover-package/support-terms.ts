// The terms support flow, escalation matrix and ownership share: durations with units, coverage hours with a time
// zone, and people resolved from the directory (research/handover.md §3: "targets are numbers with units";
// hours carry a time zone; every person exists in the directory and is active).
import { cleanText } from './text.ts';

export const DURATION_UNITS = ['min', 'h', 'd', 'business_h', 'business_d'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Duration = { amount: number; unit: DurationUnit };

/**
 * Minutes for comparing targets across units: a business hour counts 60 minutes and a business day 8 hours, so
 * "≤ 60 min" sorts before "≤ 2 business h" and that before "≤ 1 business day", as the severity table intends.
 */
const MINUTES: Readonly<Record<DurationUnit, number>> = { min: 1, h: 60, d: 1440, business_h: 60, business_d: 480 };
const UNIT_WORDS: Readonly<Record<DurationUnit, string>> = {
  min: 'min',
  h: 'h',
  d: 'days',
  business_h: 'business h',
  business_d: 'business days',
};

export function isDuration(value: unknown): value is Duration {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, unit } = value as Record<string, unknown>;
  return (
    typeof amount === 'number' &&
    Number.isFinite(amount) &&
    amount > 0 &&
    (DURATION_UNITS as readonly unknown[]).includes(unit)
  );
}

export function minutesOf(d: Duration): number {
  return d.amount * MINUTES[d.unit];
}

export function formatDuration(d: Duration | null | undefined): string {
  return d && isDuration(d) ? `${d.amount} ${UNIT_WORDS[d.unit]}` : '';
}

export const COVERAGE_DAYS = ['24x7', 'mon-fri', 'mon-sat', 'mon-sun'] as const;
export type CoverageDays = (typeof COVERAGE_DAYS)[number];

/** When a tier or a severity path is covered. `from`/`to` (HH:MM, local to `timeZone`) unless the days are 24x7. */
export type CoverageHours = { days: CoverageDays; from?: string | null; to?: string | null; timeZone: string };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with the hours, or null: a missing or unknown time zone, bad times, an empty window. */
export function hoursProblem(
  hours: CoverageHours | null | undefined,
): { rule: 'no-timezone' | 'bad-hours'; message: string } | null {
  if (!hours || typeof hours !== 'object') return { rule: 'bad-hours', message: 'no hours given' };
  if (!isKnownTimeZone(hours.timeZone))
    return {
      rule: 'no-timezone',
      message: hours.timeZone ? `unknown time zone "${cleanText(hours.timeZone, 60)}"` : 'hours without a time zone',
    };
  if (!(COVERAGE_DAYS as readonly unknown[]).includes(hours.days))
    return { rule: 'bad-hours', message: 'unknown days' };
  if (hours.days === '24x7') return null;
  const { from, to } = hours;
  if (typeof from !== 'string' || typeof to !== 'string' || !HH_MM.test(from) || !HH_MM.test(to))
    return { rule: 'bad-hours', message: 'from and to are times such as 08:00 and 18:00' };
  if (from >= to) return { rule: 'bad-hours', message: `the window ${from}–${to} is empty` };
  return null;
}

export function formatHours(hours: CoverageHours | null | undefined): string {
  if (!hours || typeof hours !== 'object') return '';
  const window = hours.days === '24x7' ? '24×7' : `${hours.days} ${hours.from ?? '?'}–${hours.to ?? '?'}`;
  return `${window} (${cleanText(hours.timeZone, 60) || 'no time zone'})`;
}

/** IANA names and UTC, as the runtime's Intl knows them; an invalid name makes Intl throw a RangeError. */
export function isKnownTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '' || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A person or group as the directory knows them; `id` is the directory id when the record has one. */
export type PersonRef = { name: string; id?: string | null; email?: string | null };

/** Directory look-up given by the caller (the server reads users and groups); absent → no directory checks. */
export type Directory = (person: PersonRef) => 'active' | 'inactive' | 'unknown';

/** Who a reference means, for "nobody is their own backup": the id, else the email, else the name. */
export function identityOf(person: PersonRef | null | undefined): string {
  if (!person || typeof person !== 'object') return '';
  return (cleanText(person.id, 200) || cleanText(person.email, 200) || cleanText(person.name, 200)).toLowerCase();
}

export function personLabel(person: PersonRef | null | undefined): string {
  if (!person || typeof person !== 'object') return '';
  const name = cleanText(person.name, 200);
  const email = cleanText(person.email, 200);
  return name && email ? `${name} <${email}>` : name || email || cleanText(person.id, 200);
}
