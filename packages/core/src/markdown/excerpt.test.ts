import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptOf } from './text.ts';

/** excerptOf as it was written first: every head flattened by a regex. */
function reference(text: string, max = 120): string {
  const flat = text
    .slice(0, max * 3)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

describe('excerptOf', () => {
  it('flattens white space exactly as /\\s+/g → " " does, skipping the replace when it would change nothing', () => {
    const piece = fc.constantFrom(
      'word',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u2028',
      '\u3000',
      'é',
      '\u0001',
      'x y',
      '…',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 130 }), (parts, max) => {
        const text = parts.join('');
        expect(excerptOf(text, max)).toBe(reference(text, max));
      }),
    );
  });
});
