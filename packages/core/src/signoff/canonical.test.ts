import { describe, expect, it } from 'vitest';
import { CanonicalError, canonicalJson } from './canonical.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null }, 'x'] })).toBe('{"a":[{"y":null,"z":true},"x"],"b":1}');
  });

  it('writes the same text for the same words in NFC and NFD, and dates as ISO UTC', () => {
    const nfd = 'Cafe\u0301';
    expect(canonicalJson({ t: nfd })).toBe(canonicalJson({ t: 'Café' }));
    expect(canonicalJson({ at: new Date('2026-03-02T10:00:00+02:00') })).toBe('{"at":"2026-03-02T08:00:00.000Z"}');
  });

  it('escapes what JSON escapes: quotes, control characters, line breaks', () => {
    expect(canonicalJson('a"b\n\u0001')).toBe('"a\\"b\\n\\u0001"');
  });

  it('refuses values without one canonical text: floats, undefined, invalid dates, NFC-equal keys', () => {
    expect(() => canonicalJson({ n: 1.5 })).toThrow(CanonicalError);
    expect(() => canonicalJson({ n: 2 ** 60 })).toThrow(/not a safe integer/);
    expect(() => canonicalJson({ u: undefined } as never)).toThrow(/undefined/);
    expect(() => canonicalJson(new Date('nope'))).toThrow(/invalid date/);
    expect(() => canonicalJson({ 'Cafe\u0301': 1, Café: 2 })).toThrow(/equal after NFC/);
  });
});
