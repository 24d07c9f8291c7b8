import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown (mammoth output)', () => {
  it('writes headings, paragraphs and inline emphasis without needless escapes', () => {
    const html = '<h1>Payouts</h1><p>Costs 1.5% (est.) — see <em>note</em> and <strong>bold </strong>text.</p>';
    expect(htmlToMarkdown(html)).toBe('# Payouts\n\nCosts 1.5% (est.) — see *note* and **bold** text.\n');
  });

  it('escapes only what would change the meaning', () => {
    expect(htmlToMarkdown('<p># not a heading</p><p>1. not a list</p><p>a *star* [link] &lt;tag&gt; a_b</p>')).toBe(
      '\\# not a heading\n\n1\\. not a list\n\na \\*star\\* \\[link\\] \\<tag> a_b\n',
    );
  });

  it('writes nested lists, links and line breaks', () => {
    const html =
      '<ul><li>One<ul><li>One.a</li></ul></li><li><a href="https://x.test/a">Two</a></li></ul><ol><li>First</li><li>Second</li></ol><p>a<br />b</p>';
    expect(htmlToMarkdown(html)).toBe(
      '- One\n  - One.a\n- [Two](<https://x.test/a>)\n\n1. First\n2. Second\n\na\\\nb\n',
    );
  });

  it('indents lists nested in an ordered item to the item text, so they stay nested', () => {
    const md = htmlToMarkdown(
      '<h1>Payouts</h1><p>Owner: <strong>Amina</strong> &amp; <em>Lee</em></p><p>See <a href="https://figma.com/x">designs</a>.</p><ol><li>FR-1 Export<ul><li>Given a sale</li></ul></li><li>FR-2 Filter</li></ol><h2>Risks</h2>',
    );
    expect(md).toBe(
      '# Payouts\n\nOwner: **Amina** & *Lee*\n\nSee [designs](<https://figma.com/x>).\n\n1. FR-1 Export\n   - Given a sale\n2. FR-2 Filter\n\n## Risks\n',
    );
  });

  it('drops script links and keeps image alt text', () => {
    expect(htmlToMarkdown('<p><a href="javascript:alert(1)">click</a> <img src="" alt="Flow diagram" /></p>')).toBe(
      'click *(image: Flow diagram)*\n',
    );
  });

  it('writes tables with a header row, escaped pipes and multi-paragraph cells', () => {
    const html =
      '<table><tr><th><p>Id</p></th><th><p>Text</p></th></tr><tr><td><p>FR-1</p></td><td><p>a | b</p><p>second</p></td></tr><tr><td><p>FR-2</p></td></tr></table>';
    expect(htmlToMarkdown(html)).toBe('| Id | Text |\n| --- | --- |\n| FR-1 | a \\| b<br>second |\n| FR-2 |  |\n');
  });

  it('writes tables whose cells hold bare text', () => {
    expect(
      htmlToMarkdown(
        '<table><tr><td><p>Id</p></td><td><p>Text</p></td></tr><tr><td>FR-1</td><td>a | b</td></tr></table>',
      ),
    ).toBe('| Id | Text |\n| --- | --- |\n| FR-1 | a \\| b |\n');
  });

  it('returns an empty string for an empty document', () => {
    expect(htmlToMarkdown('')).toBe('');
    expect(htmlToMarkdown('<p></p><p> </p>')).toBe('');
  });
});
