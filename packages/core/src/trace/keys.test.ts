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
});
