import { describe, expect, it } from 'vitest';
import { cleanText, hasUnsafeCharacters, mdCell, mdInline, mdTable } from './text.ts';

describe('text for generated Markdown', () => {
  it('cleanText drops control characters, mends lone surrogates, trims and cuts', () => {
    expect(cleanText(' a\u0000b\u001Fc\uDC00 ')).toBe('a b c\uFFFD');
    expect(cleanText('😀')).toBe('😀');
    expect(cleanText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect([cleanText(undefined), cleanText(42), cleanText({})]).toEqual(['', '', '']);
  });

  it('hasUnsafeCharacters sees NUL and lone surrogates, not tabs, line breaks or emoji', () => {
    expect(['a\u0000', 'b\uD800', '\uDFFFc'].map(hasUnsafeCharacters)).toEqual([true, true, true]);
    expect(['a\tb\nc\r\n', '😀', ''].map(hasUnsafeCharacters)).toEqual([false, false, false]);
  });

  it('mdInline keeps text on one line and inert; mdCell also escapes pipes and never leaves a cell empty', () => {
    expect(mdInline('# Title\n*bold* [link](x) <b>')).toBe('\\# Title \\*bold\\* \\[link\\](x) &lt;b>');
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('  ')).toBe('—');
    expect(mdTable(['A', 'B'], [['1'], ['x|y', null]])).toEqual([
      '| A | B |',
      '|---|---|',
      '| 1 | — |',
      '| x\\|y | — |',
    ]);
  });
});
