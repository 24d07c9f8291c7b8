// The fast path of word-ids.ts must read every text exactly as the reference `contentWords` does: same stems, same
// first spellings, same order — for plain-ASCII texts (read char by char) and all others (the string path).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWords } from './content-words.ts';
import { itemWords, WordTable } from './word-ids.ts';

function wordsOf(texts: string[]): [string, string][][] {
  const { stems, spellings, offsets, table } = itemWords(texts);
  return texts.map((_, i) => {
    const out: [string, string][] = [];
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      out.push([table.word(stems[k] as number), table.word(spellings[k] as number)]);
    }
    return out;
  });
}

// Words that hit every rule: suffixes (ies, ing, ed, es, s, ss, e), 's, apostrophes, stop words, digits, case.
const PIECES = `Tries tried trying stories story's users' DON'T don't it's its caf cafe cafes classes class boxes
running run ran declined DECLINES decline 3d x 12 a I'm we'd o'clock rock'n'roll ok Thanks login LOGGED hello's
pass passes passed eyes ies ing ed es s e ' - , . ! ? : ; ( ) [ ] / \\ \t \n 😀 café Ｃａｒｄ ﬁle بطاقة Straße`.split(
  /[ \n]+/,
);

describe('word ids', () => {
  it('give exactly the words of contentWords, on hand-picked texts', () => {
    const texts = [
      'The checkout DECLINES my debit card; it declined twice!!',
      "users' stories: it's the story's end, don't worry",
      'café Ｃａｒｄ ﬁle — non-ASCII texts take the string path',
      '',
      '   ',
      "rock'n'roll o'clock 'quoted' x y z 12 345",
      'a'.repeat(10_000),
    ];
    expect(wordsOf(texts)).toEqual(texts.map(contentWords));
  });

  it('give exactly the words of contentWords, on generated texts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 12 })
            .map((parts) => parts.join(' ')),
          { maxLength: 20 },
        ),
        (texts) => {
          expect(wordsOf(texts)).toEqual(texts.map(contentWords));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('intern: the same characters get the same id, across growth of the table', () => {
    const table = new WordTable();
    const ids = Array.from({ length: 20_000 }, (_, i) => table.idOfString(`w${i}`));
    expect(new Set(ids).size).toBe(20_000);
    expect(table.idOfString('w12345')).toBe(ids[12345]);
    expect(table.word(ids[19999] as number)).toBe('w19999');
    expect(table.idOfString('\ud800')).toBe(table.idOfString('\ud800'));
  });
});
