import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../compile.ts';
import { DEFAULT_RUBRIC } from '../default-rubric.ts';
import { meaningfulWords } from './content.ts';

const lexicon = compileRubric(DEFAULT_RUBRIC).lexicon();

describe('meaningfulWords', () => {
  it('counts the same words from the phrase tokens of a text as by scanning it again', () => {
    const piece = fc.constantFrom(
      'word',
      'e-mail',
      'user_id',
      'a--b',
      'x-_y',
      "won't",
      'FR-12',
      'p95',
      'TBD',
      'must',
      'Given',
      'N/A',
      ' ',
      '  ',
      '-',
      '_',
      "'",
      ':',
      '\n',
      'é',
      '—',
      '[Insert name]',
      'to be defined',
      '**Owner:**',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const { hits } = lexicon.phrases.scan(text);
        const tokens = lexicon.phrases.tokensOf(text);
        const placeholders = hits.filter((h) => h.list === 'placeholders');
        expect(tokens).not.toBeNull();
        const scanned = meaningfulWords(text, lexicon.placeholders, placeholders);
        expect(meaningfulWords(text, lexicon.placeholders, placeholders, tokens)).toBe(scanned);
        // Without hits, the words come from the placeholder matcher's tokens (brackets blank a copy of the text first).
        if (!/[[{<]/.test(text)) {
          const own = lexicon.placeholders.hits(text);
          expect(meaningfulWords(text, lexicon.placeholders)).toBe(meaningfulWords(text, lexicon.placeholders, own));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
