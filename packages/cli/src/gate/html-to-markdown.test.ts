import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
  it('writes headings, paragraphs, emphasis, links and nested lists one block per line', () => {
    const md = htmlToMarkdown(
      '<h1>Payouts</h1><p>Owner: <strong>Amina</strong> &amp; <em>Lee</em></p><p>See <a href="https://figma.com/x">designs</a>.</p><ol><li>FR-1 Export<ul><li>Given a sale</li></ul></li><li>FR-2 Filter</li></ol><h2>Risks</h2>',
    );
    expect(md).toBe(
      '# Payouts\n\nOwner: **Amina** & _Lee_\n\nSee [designs](https://figma.com/x).\n\n1. FR-1 Export\n   - Given a sale\n2. FR-2 Filter\n\n## Risks\n',
    );
  });

  it('turns tables into pipe tables and escapes pipes in cells', () => {
    expect(
      htmlToMarkdown(
        '<table><tr><td><p>Id</p></td><td><p>Text</p></td></tr><tr><td>FR-1</td><td>a | b</td></tr></table>',
      ),
    ).toBe('| Id | Text |\n| --- | --- |\n| FR-1 | a \\| b |\n');
  });

  it('returns an empty document for empty HTML', () => {
    expect(htmlToMarkdown('')).toBe('\n');
  });
});
