import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, requirementKey } from './keys.ts';

describe('requirementKey', () => {
  it('treats FR-1, fr_1 and FR 1 as one id, and FR-1 and FR-11 as two', () => {
    expect(new Set(['FR-1', 'fr_1', 'FR 1', 'FR1'].map(requirementKey)).size).toBe(1);
    expect(requirementKey('FR-1')).not.toBe(requirementKey('FR-11'));
  });
});

describe('compareKeys', () => {
  it('sorts numbers inside keys by value', () => {
    const keys = ['PAY-S-10', 'PAY-S-2', 'PAY-B-1', 'PAY-S-1', 'PAY-S-02'];
    expect([...keys].sort(compareKeys)).toEqual(['PAY-B-1', 'PAY-S-1', 'PAY-S-02', 'PAY-S-2', 'PAY-S-10']);
  });

  it('compares numbers longer than 2^53 exactly, and is a total order on equal-looking keys', () => {
    expect(compareKeys('S-90071992547409930', 'S-90071992547409931')).toBeLessThan(0);
    expect(compareKeys('S-1', 'S-1')).toBe(0);
    expect(Math.sign(compareKeys('S-01', 'S-1'))).toBe(-Math.sign(compareKeys('S-1', 'S-01')));
    expect(compareKeys('S-01', 'S-1')).not.toBe(0);
  });

  it('orders exactly as comparing the runs of digits and non-digits one by one does', () => {
    // The comparator as first written (split into runs with a regular expression), kept as the reference.
    const reference = (a: string, b: string): number => {
      if (a === b) return 0;
      const ca = a.match(/\d+|\D+/g) ?? [];
      const cb = b.match(/\d+|\D+/g) ?? [];
      for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
        const x = ca[i] as string;
        const y = cb[i] as string;
        if (x === y) continue;
        if (/^\d/.test(x) && /^\d/.test(y)) {
          const sx = x.replace(/^0+(?=\d)/, '');
          const sy = y.replace(/^0+(?=\d)/, '');
          if (sx.length !== sy.length) return sx.length - sy.length;
          if (sx !== sy) return sx < sy ? -1 : 1;
          continue;
        }
        return x < y ? -1 : 1;
      }
      if (ca.length !== cb.length) return ca.length - cb.length;
      return a < b ? -1 : 1;
    };
    const key = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', 'S', 'a', 'é', '_', ' ') }),
      fc.string(),
      fc
        .tuple(fc.constantFrom('PAY-S-', 'PAY-BUG-', 'FR-', ''), fc.nat(), fc.constantFrom('', '0', '-1', 'a'))
        .map(([p, n, t]) => `${p}${n}${t}`),
    );
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(compareKeys(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});
