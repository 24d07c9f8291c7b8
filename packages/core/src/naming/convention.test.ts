import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONVENTION as C,
  checkConvention,
  documentId,
  formatId,
  type ParsedId,
  parseId,
  suggestKey,
  ZNamingConvention,
} from './convention.ts';

describe('naming convention', () => {
  it('parses the ids people use', () => {
    expect(parseId(C, 'FINTX-PAYOUTS')).toEqual({
      ok: true,
      id: { kind: 'product', subsidiary: 'FINTX', key: 'PAYOUTS' },
    });
    expect(parseId(C, 'FINTX-PAYOUTS-PRD v1.3')).toEqual({
      ok: true,
      id: {
        kind: 'document',
        subsidiary: 'FINTX',
        key: 'PAYOUTS',
        documentKind: 'prd',
        version: { major: 1, minor: 3 },
      },
    });
    expect(parseId(C, 'FINTX-PAYOUTS-FR-4')).toEqual({
      ok: true,
      id: { kind: 'artifact', subsidiary: 'FINTX', key: 'PAYOUTS', artifact: 'FR', number: 4 },
    });
  });

  it('explains what is wrong with a bad id', () => {
    const bad = parseId(C, 'fintx-PAYOUTS');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).toContain('subsidiary code');
    const suffix = parseId(C, 'FINTX-PAYOUTS-XYZ-1');
    expect(suffix.ok ? '' : suffix.error).toContain('unknown suffix');
    expect(parseId(C, 'FINTX-PAYOUTS-FR-0').ok).toBe(false);
  });

  it('builds document ids with versions', () => {
    expect(documentId(C, 'EMX-CHARGEMAP', 'context', { major: 2, minor: 0 })).toBe('EMX-CHARGEMAP-CTX v2.0');
  });

  it('suggests keys from names', () => {
    expect(suggestKey('Payout tracker 2')).toBe('PAYOUTTRACKER2');
    expect(suggestKey('Ünïcode café')).toBe('UNICODECAFE');
    expect(suggestKey('42')).toMatch(/^[A-Z][A-Z0-9]+$/);
  });

  it('rejects a convention with a broken pattern or duplicate document codes', () => {
    expect(checkConvention({ ...C, subsidiaryPattern: '[A-' })).toContain('not a valid regular expression');
    expect(checkConvention({ ...C, documentCodes: { prd: 'PRD', context: 'PRD' } })).toContain('unique');
    expect(checkConvention(C)).toBeNull();
    expect(ZNamingConvention.safeParse({ separator: '--' }).success).toBe(false);
  });

  const upper = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Z][A-Z0-9]{${min - 1},${max - 1}}$`));
  const arbId: fc.Arbitrary<ParsedId> = fc.oneof(
    fc.record({ kind: fc.constant('product' as const), subsidiary: upper(2, 10), key: upper(2, 20) }),
    fc.record({
      kind: fc.constant('artifact' as const),
      subsidiary: upper(2, 10),
      key: upper(2, 20),
      artifact: fc.constantFrom(...Object.keys(C.artifactCodes)),
      number: fc.integer({ min: 1, max: 999_999 }),
    }),
    fc.record({
      kind: fc.constant('document' as const),
      subsidiary: upper(2, 10),
      key: upper(2, 20),
      documentKind: fc.constantFrom(...Object.keys(C.documentCodes)),
      version: fc.record({ major: fc.integer({ min: 0, max: 99 }), minor: fc.integer({ min: 0, max: 99 }) }),
    }),
  );

  it('round-trips: parse(format(id)) = id', () => {
    fc.assert(
      fc.property(arbId, (id) => {
        const parsed = parseId(C, formatId(C, id));
        expect(parsed).toEqual({ ok: true, id });
      }),
    );
  });

  it('never throws on arbitrary strings, and format(parse(s)) = s when valid', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseId(C, s);
        if (r.ok) expect(formatId(C, r.id)).toBe(s);
      }),
    );
  });
});
