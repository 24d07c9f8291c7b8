import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciiSubstringSet } from './substring-set.ts';
import { WORD_LISTS_EN } from './words-en.ts';

const expected = (needles: readonly string[], text: string) => {
  const lower = text.toLowerCase();
  return needles.some((n) => lower.includes(n));
};

describe('AsciiSubstringSet', () => {
  it('answers like lower-casing and `some(includes)`, overlapping and nested strings included', () => {
    const needles = ['he', 'she', 'his', 'hers', 'citeturn', 'as an ai', 'ok', 'a'];
    const set = new AsciiSubstringSet(needles);
    const texts = [
      '',
      'ushers',
      'h',
      'xcite turn',
      'CiteTurn0',
      'zzz',
      'As An AI model',
      'é a',
      'bbb',
      'AS AN Aİ',
      'o\u212A',
    ];
    for (const text of texts) expect(set.foundIn(text), text).toBe(expected(needles, text));
    expect(new AsciiSubstringSet([]).foundIn('anything')).toBe(false);
    expect(new AsciiSubstringSet(['']).foundIn('')).toBe(true);
  });

  it('agrees with lower-casing and `some(includes)` on random texts over the AI leftovers', () => {
    const needles = WORD_LISTS_EN.aiLeftovers.map((e) => e.toLowerCase());
    const set = new AsciiSubstringSet(needles);
    const pieces = fc.constantFrom(
      ...needles,
      ...needles.map((n) => n.toUpperCase()),
      ...needles.map((n) => n.slice(0, -1)),
      ' ',
      'é',
      'x',
      "'",
      'here ',
      'İ',
      '\u212A',
      'Σ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(set.foundIn(text)).toBe(expected(needles, text));
      }),
    );
  });
});
