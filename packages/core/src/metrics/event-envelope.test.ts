import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkEnvelope, derivedEventId, type EnvelopeOptions } from './event-envelope.ts';

const receivedAt = Date.parse('2026-12-01T12:00:00Z');
const options: EnvelopeOptions = { receivedAt, source: 'api', plannedEvents: new Set(['payout_approved']) };
const valid = {
  event_id: '0193a1b2-0000-7000-8000-000000000001',
  event: 'payout_approved',
  product: 'FINTX-PAYOUTS',
  occurred_at: '2026-12-01T11:59:00+01:00',
  user_id: 'u-42',
  properties: { amount_band: 'high', is_first: true, items: 3 },
  context: { environment: 'production', timezone: 'Europe/Berlin', app_version: '1.4.0' },
};
const codes = (raw: unknown, o: Partial<EnvelopeOptions> = {}) => {
  const r = checkEnvelope(raw, { ...options, ...o });
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('event envelope', () => {
  it('accepts a well-formed event and normalises it', () => {
    const r = checkEnvelope(valid, options);
    expect(r).toMatchObject({
      ok: true,
      event: {
        eventId: valid.event_id,
        occurredAt: Date.parse('2026-12-01T10:59:00Z'),
        environment: 'production',
        timezone: 'Europe/Berlin',
        source: 'api',
        late: false,
      },
    });
  });

  it('names each bad field with a code', () => {
    expect(codes({ ...valid, event: 'Exported Report' })).toEqual(['event:bad_event_name']);
    expect(codes({ ...valid, event: 'report_exported' })).toEqual(['event:unplanned_event']);
    expect(codes({ ...valid, event: 'report_exported' }, { plannedEvents: null })).toEqual([]);
    expect(codes({ ...valid, occurred_at: '2026-12-01T11:59:00' })).toEqual(['occurred_at:bad_timestamp']);
    expect(codes({ ...valid, occurred_at: 1764590340000 })).toEqual(['occurred_at:bad_timestamp']);
    expect(codes({ ...valid, user_id: undefined })).toEqual(['user_id:required']);
    expect(codes({ ...valid, user_id: 'ana@example.org' })).toEqual(['user_id:pii']);
    expect(codes({ ...valid, properties: { 'Bad Key': 1, nested: { a: 1 }, mail: 'x@y.com' } })).toEqual([
      'properties.Bad Key:bad_property_key',
      'properties.nested:wrong_type',
      'properties.mail:pii',
    ]);
    expect(codes({ ...valid, context: { environment: 'staging' } })).toEqual(['context.environment:bad_environment']);
    expect(codes({ ...valid, context: { timezone: 'Mars/Base' } })).toEqual(['context.timezone:bad_timezone']);
    expect(codes({ ...valid, product: 'EMX-OTHER' }, { product: 'FINTX-PAYOUTS' })).toEqual(['product:wrong_product']);
  });

  it('refuses hostile values, wrong types and oversized events without throwing', () => {
    expect(codes({ ...valid, event_id: 'a\u0000b' })).toEqual(['event_id:unstorable_text']);
    expect(codes({ ...valid, user_id: '\uD800' })).toEqual(['user_id:unstorable_text']);
    expect(codes({ ...valid, event_id: 42 })).toEqual(['event_id:wrong_type']);
    expect(codes({ ...valid, event_id: 'x'.repeat(65) })).toEqual(['event_id:too_long']);
    expect(codes({ ...valid, properties: { note: 'x'.repeat(40_000) } })).toEqual([':too_large']);
    expect(codes([valid])).toEqual([':not_an_object']);
    expect(codes(null)).toEqual([':not_an_object']);
  });

  it('corrects clock skew from sent_at and grades late, too old and future events', () => {
    // The device clock is 2 h behind: sent_at says 10:00 when the server received it at 12:00.
    const skewed = checkEnvelope(
      { ...valid, occurred_at: '2026-12-01T09:58:00Z', sent_at: '2026-12-01T10:00:00Z' },
      options,
    );
    expect(skewed.ok && skewed.event.occurredAt).toBe(Date.parse('2026-12-01T11:58:00Z'));
    expect(codes({ ...valid, occurred_at: '2026-12-01T13:30:00Z' })).toEqual(['occurred_at:timestamp_in_future']);
    const late = checkEnvelope({ ...valid, occurred_at: '2026-11-20T12:00:00Z' }, options);
    expect(late.ok && late.event.late).toBe(true);
    expect(codes({ ...valid, occurred_at: '2026-10-01T12:00:00Z' })).toEqual(['occurred_at:too_old']);
    expect(codes({ ...valid, occurred_at: '2026-10-01T12:00:00Z' }, { historical: true })).toEqual([]);
  });

  it('derives the same event id for the same CSV row, whatever the order of its properties', () => {
    const row = { product: 'P', event: 'payout_approved', user_id: 'u', occurred_at: '2026-12-01T10:00:00Z' };
    const a = derivedEventId({ ...row, properties: { a: 1, b: 2 } }, sha256);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(derivedEventId({ ...row, properties: { b: 2, a: 1 } }, sha256)).toBe(a);
    expect(
      derivedEventId({ ...row, occurred_at: '2026-12-01T11:00:00+01:00', properties: { a: 1, b: 2 } }, sha256),
    ).toBe(a);
    expect(derivedEventId({ ...row, properties: { a: 1, b: 3 } }, sha256)).not.toBe(a);
  });
});
