// The adoption event envelope (research/adoption-and-reporting.md §1.2–1.5): one record as sent by the API or a CSV
// row, checked field by field. Every problem is reported with the field and a code (Mixpanel's strict mode shape),
// never dropped silently; timestamps are corrected for clock skew and graded late / too old / in the future.
import { hostileTextReason } from '../contract/text.ts';

export type EventEnvironment = 'production' | 'uat' | 'test';
export type EventSource = 'api' | 'csv' | 'sdk';

export type AdoptionEvent = {
  eventId: string;
  event: string;
  product: string;
  occurredAt: number;
  userId: string | null;
  anonymousId: string | null;
  accountId: string | null;
  properties: Record<string, string | number | boolean | null>;
  environment: EventEnvironment;
  appVersion: string | null;
  timezone: string | null;
  source: EventSource;
  /** Arrived 72 h to 35 days after it happened: accepted, and reports of closed periods it touches are restated. */
  late: boolean;
};

export type EnvelopeError = { field: string; code: string; message: string };

export const EVENT_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
const PROPERTY_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** RFC 3339 date-time with an offset or Z: naive local times are refused, never guessed. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const MAX_ID = 64;
const MAX_PROPERTIES = 50;
const MAX_VALUE = 1024;
export const MAX_EVENT_BYTES = 32 * 1024;
const HOUR = 3_600_000;
const LATE_AFTER_MS = 72 * HOUR;
const TOO_OLD_AFTER_MS = 35 * 24 * HOUR;
const SKEW_TOLERANCE_MS = 5 * 60_000;

export type EnvelopeOptions = {
  receivedAt: number;
  source: EventSource;
  /** Event names the product's tracking plan knows; null accepts any well-formed name. */
  plannedEvents: ReadonlySet<string> | null;
  /** The product a product-scoped token is limited to. */
  product?: string;
  /** Older than 35 days is accepted only for a backfill marked historical. */
  historical?: boolean;
};

export type EnvelopeResult = { ok: true; event: AdoptionEvent } | { ok: false; errors: EnvelopeError[] };

/** Checks one record; `derivedId` supplies an event id for a CSV row that has none (§1.3). */
export function checkEnvelope(raw: unknown, options: EnvelopeOptions, derivedId?: string): EnvelopeResult {
  const errors: EnvelopeError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', code: 'not_an_object', message: 'An event is a JSON object.' }] };
  }
  if (JSON.stringify(raw).length > MAX_EVENT_BYTES) {
    return { ok: false, errors: [{ field: '', code: 'too_large', message: 'An event is at most 32 KB of JSON.' }] };
  }
  const r = raw as Record<string, unknown>;
  const text = (field: string, value: unknown, required: boolean, max = MAX_ID): string | null => {
    if (value === undefined || value === null || value === '') {
      if (required) fail(field, 'required', `${field} is required.`);
      return null;
    }
    const hostile = typeof value === 'string' ? hostileTextReason(value) : undefined;
    if (typeof value !== 'string') fail(field, 'wrong_type', `${field} must be a string.`);
    else if (hostile) fail(field, 'unstorable_text', `${field} ${hostile}.`);
    else if (value.length > max) fail(field, 'too_long', `${field} is longer than ${max} characters.`);
    else return value;
    return null;
  };
  const eventId = text('event_id', r.event_id ?? derivedId, true);
  const event = text('event', r.event, true);
  if (event && !EVENT_NAME.test(event)) {
    fail('event', 'bad_event_name', 'event must be object_action in lowercase snake_case (e.g. report_exported).');
  } else if (event && options.plannedEvents && !options.plannedEvents.has(event)) {
    fail('event', 'unplanned_event', `${event} is not in the product's tracking plan.`);
  }
  const product = text('product', r.product, true);
  if (product && options.product && product !== options.product) {
    fail('product', 'wrong_product', `This token sends events for ${options.product} only.`);
  }
  const userId = text('user_id', r.user_id, false, 128);
  const anonymousId = text('anonymous_id', r.anonymous_id, false, 128);
  if (!userId && !anonymousId && !errors.some((e) => e.field === 'user_id' || e.field === 'anonymous_id')) {
    fail('user_id', 'required', 'Either user_id or anonymous_id is required.');
  }
  for (const [field, id] of [
    ['user_id', userId],
    ['anonymous_id', anonymousId],
  ] as const) {
    if (id && EMAIL.test(id)) fail(field, 'pii', `${field} looks like an e-mail address: send a pseudonymous id.`);
  }
  const accountId = text('account_id', r.account_id, false, 128);
  const properties = checkProperties(r.properties, fail);
  const context = checkContext(r.context, fail, text);
  const occurredAt = checkTimes(r, options, fail);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: {
      eventId: eventId as string,
      event: event as string,
      product: product as string,
      occurredAt: (occurredAt as { at: number }).at,
      userId,
      anonymousId,
      accountId,
      properties,
      ...context,
      source: options.source,
      late: (occurredAt as { late: boolean }).late,
    },
  };
}

type Fail = (field: string, code: string, message: string) => void;

function checkProperties(value: unknown, fail: Fail): AdoptionEvent['properties'] {
  const out: AdoptionEvent['properties'] = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('properties', 'wrong_type', 'properties must be a flat JSON object.');
    return out;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_PROPERTIES) fail('properties', 'too_many', `At most ${MAX_PROPERTIES} properties.`);
  for (const [key, v] of entries.slice(0, MAX_PROPERTIES)) {
    const field = `properties.${key}`;
    if (!PROPERTY_KEY.test(key) || key.length > MAX_ID) fail(field, 'bad_property_key', 'Keys are snake_case.');
    else if (v !== null && typeof v === 'object') fail(field, 'wrong_type', 'Values are strings, numbers or booleans.');
    else if (typeof v === 'string' && (v.length > MAX_VALUE || hostileTextReason(v)))
      fail(field, 'bad_value', `A value is text of at most ${MAX_VALUE} characters.`);
    else if (typeof v === 'string' && EMAIL.test(v)) fail(field, 'pii', 'Values must not hold e-mail addresses.');
    else if (typeof v === 'number' && !Number.isFinite(v)) fail(field, 'bad_value', 'Numbers must be finite.');
    else out[key] = v as string | number | boolean | null;
  }
  return out;
}

type Text = (field: string, value: unknown, required: boolean, max?: number) => string | null;

function checkContext(
  value: unknown,
  fail: Fail,
  text: Text,
): Pick<AdoptionEvent, 'environment' | 'appVersion' | 'timezone'> {
  const c = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (value !== undefined && value !== null && c !== value) fail('context', 'wrong_type', 'context must be an object.');
  const environment = c.environment ?? 'production';
  if (environment !== 'production' && environment !== 'uat' && environment !== 'test') {
    fail('context.environment', 'bad_environment', 'context.environment is production, uat or test.');
  }
  const timezone = text('context.timezone', c.timezone, false);
  if (timezone && !isZone(timezone)) fail('context.timezone', 'bad_timezone', `${timezone} is not an IANA time zone.`);
  return {
    environment: environment as EventEnvironment,
    appVersion: text('context.app_version', c.app_version, false),
    timezone,
  };
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** occurred_at, corrected for clock skew when sent_at is given (rounded to 5 minutes, §1.5), and graded. */
function checkTimes(
  r: Record<string, unknown>,
  { receivedAt, historical }: EnvelopeOptions,
  fail: Fail,
): { at: number; late: boolean } | null {
  const parse = (field: string, v: unknown, required: boolean): number | null => {
    if (v === undefined || v === null) {
      if (required) fail(field, 'required', `${field} is required.`);
      return null;
    }
    if (typeof v !== 'string' || !RFC3339.test(v) || Number.isNaN(Date.parse(v))) {
      fail(field, 'bad_timestamp', `${field} must be an RFC 3339 time with an offset or Z (2026-11-30T09:15:00Z).`);
      return null;
    }
    return Date.parse(v);
  };
  const occurred = parse('occurred_at', r.occurred_at, true);
  const sent = parse('sent_at', r.sent_at, false);
  if (occurred === null) return null;
  let at = occurred;
  if (sent !== null) {
    const skew = sent - receivedAt;
    if (Math.abs(skew) > SKEW_TOLERANCE_MS) at = occurred - Math.round(skew / SKEW_TOLERANCE_MS) * SKEW_TOLERANCE_MS;
  }
  if (at - receivedAt > HOUR) fail('occurred_at', 'timestamp_in_future', 'occurred_at is more than an hour ahead.');
  else if (receivedAt - at > TOO_OLD_AFTER_MS && !historical) {
    fail('occurred_at', 'too_old', 'occurred_at is more than 35 days ago: send it as a historical backfill.');
  }
  return { at, late: receivedAt - at > LATE_AFTER_MS };
}

/**
 * The event id of a CSV row without one (§1.3): uuid-format(sha256(product|event|user_id|occurred_at_ms|
 * canonical properties)[0:32]), so re-uploading the same file adds nothing. `sha256` returns hex.
 */
export function derivedEventId(row: Record<string, unknown>, sha256: (text: string) => string): string {
  const occurred = typeof row.occurred_at === 'string' ? Date.parse(row.occurred_at) : Number.NaN;
  const props = row.properties && typeof row.properties === 'object' ? (row.properties as Record<string, unknown>) : {};
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1))));
  const key = [row.product, row.event, row.user_id ?? row.anonymous_id ?? '', occurred, canonical].join('|');
  const h = sha256(key).slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
