import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './blocks.ts';

describe('markdownBlocks', () => {
  it('reads headings, paragraphs with emphasis, nested and ordered lists, tables, code and rules', () => {
    const blocks = markdownBlocks(
      [
        '# Title',
        '',
        'Some **bold** and *italic* with `code` and a [link](https://x.org).',
        '',
        '- one',
        '  - nested',
        '',
        '3. third',
        '4. fourth',
        '',
        '| A | B |',
        '|---|---|',
        '| 1 | **2** |',
        '',
        '```',
        'npm start',
        '```',
        '',
        '---',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'item',
      'item',
      'item',
      'item',
      'table',
      'code',
      'rule',
    ]);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Some ' },
        { text: 'bold', bold: true },
        { text: ' and ' },
        { text: 'italic', italic: true },
        { text: ' with ' },
        { text: 'code', code: true },
        { text: ' and a ' },
        { text: 'link' },
        { text: ' (https://x.org)' },
        { text: '.' },
      ],
    });
    expect(blocks.slice(2, 6).map((b) => (b.type === 'item' ? [b.depth, b.marker] : null))).toEqual([
      [0, '•'],
      [1, '•'],
      [0, '3.'],
      [0, '4.'],
    ]);
    expect(blocks[6]).toEqual({ type: 'table', header: ['A', 'B'], rows: [['1', '2']] });
    expect(blocks[7]).toEqual({ type: 'code', text: 'npm start' });
  });

  it('drops raw HTML (template guidance in comments) and survives hostile text', () => {
    expect(markdownBlocks('<!-- guidance -->\n\n<script>alert(1)</script>\n\nText <b>bold</b> <!-- x -->')).toEqual([
      { type: 'paragraph', runs: [{ text: 'Text ' }, { text: 'bold' }, { text: ' ' }] },
    ]);
    expect(markdownBlocks('')).toEqual([]);
    expect(() => markdownBlocks(`${'> '.repeat(5000)}x\n\u0000\ud800 ${'*a '.repeat(20000)}`)).not.toThrow();
  });
});
