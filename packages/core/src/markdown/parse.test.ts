import { describe, expect, it } from 'vitest';
import type { ListBlock, TableBlock } from './model.ts';
import { parseDocument } from './parse.ts';

describe('parseDocument', () => {
  it('builds sections with heading paths and keeps 1-based lines and columns', () => {
    const doc = parseDocument(
      '# Payouts PRD\n\nIntro.\n\n## Requirements\n\n### Functional\n\nText here.\n\n## Risks\n',
    );
    expect(doc.sections.map((s) => [s.path, s.line, s.endLine])).toEqual([
      ['', 1, 12],
      ['Payouts PRD', 1, 12],
      ['Payouts PRD > Requirements', 5, 10],
      ['Payouts PRD > Requirements > Functional', 7, 10],
      ['Payouts PRD > Risks', 11, 12],
    ]);
    const para = doc.blocks.find((b) => b.kind === 'paragraph' && b.text === 'Text here.');
    expect(para).toMatchObject({ line: 9, column: 1, section: { title: 'Functional' } });
  });

  it('reads lists with numbers, nesting and task items', () => {
    // An ordered list may only interrupt a paragraph when it starts at 1 (CommonMark).
    const doc = parseDocument('- [ ] open task\n- [x] done task\n  1. nested first\n  2. nested second\n');
    const list = doc.blocks[0] as ListBlock;
    expect(list.items.map((i) => [i.text, i.task, i.depth, i.number, i.line, i.column])).toEqual([
      ['open task', 'open', 0, null, 1, 7],
      ['done task', 'done', 0, null, 2, 7],
      ['nested first', null, 1, 1, 3, 6],
      ['nested second', null, 1, 2, 4, 6],
    ]);
    expect(list.items[2]?.parent).toBe(list.items[1]);
  });

  it('reads pipe tables with a line per row and a column per cell', () => {
    const doc = parseDocument('| Id | Requirement |\n|---|---|\n| FR-1 | Export |\n');
    const table = doc.blocks[0] as TableBlock;
    expect(table.header.map((c) => c.text)).toEqual(['Id', 'Requirement']);
    expect(table.rows[0]?.cells.map((c) => [c.text, c.line, c.column])).toEqual([
      ['FR-1', 3, 3],
      ['Export', 3, 10],
    ]);
  });

  it('reads wiki-export HTML: tables, headings, lists, paragraphs and <details>', () => {
    const doc = parseDocument(
      '<h2>Background</h2>\n<p>Merchants &amp; agents wait.</p>\n\n<details>\n<summary>Out of scope</summary>\n<ul><li>Enterprise</li><li>Terminals</li></ul>\n</details>\n\n<table>\n<tr><th>ID</th><th>Requirement</th></tr>\n<tr><td>REQ-1</td><td>Upload ID</td></tr>\n</table>\n\nAfter.\n',
    );
    expect(doc.sections.map((s) => s.path)).toEqual(['', 'Background', 'Background > Out of scope']);
    expect(doc.sections[2]?.fromDetails).toBe(true);
    const kinds = doc.blocks.map((b) => `${b.kind}@${b.line}:${b.section.title}`);
    expect(kinds).toEqual([
      'heading@1:Background',
      'paragraph@2:Background',
      'heading@4:Out of scope',
      'list@6:Out of scope',
      'table@9:Background',
      'paragraph@14:Background',
    ]);
    const table = doc.blocks[4] as TableBlock;
    expect(table.rows[0]?.cells.map((c) => [c.text, c.line])).toEqual([
      ['REQ-1', 11],
      ['Upload ID', 11],
    ]);
    expect(doc.blocks[1]).toMatchObject({ text: 'Merchants & agents wait.' });
  });

  it('keeps Markdown between <details> tags inside the details section', () => {
    const doc = parseDocument(
      '## FR-1\n\n<details>\n<summary>Acceptance criteria</summary>\n\n- Given a sale\n\n</details>\n\nOutside.\n',
    );
    const list = doc.blocks.find((b) => b.kind === 'list');
    expect(list?.section.path).toBe('FR-1 > Acceptance criteria');
    expect(doc.blocks.at(-1)?.section.path).toBe('FR-1');
  });

  it('reads fenced code with its language', () => {
    const doc = parseDocument('## AC\n\n```Gherkin\nGiven a\nThen b\n```\n');
    expect(doc.blocks[1]).toMatchObject({ kind: 'code', lang: 'gherkin', text: 'Given a\nThen b\n', line: 4 });
  });

  it('parses front matter without shifting lines and collects metadata entries', () => {
    const doc = parseDocument(
      '---\nowner: Amina\nversion: 1.3\n---\n# PRD\n\nStatus: Draft\n\n| Field | Value |\n|---|---|\n| Approvers | Lee |\n',
    );
    expect(doc.frontMatter).toMatchObject({ line: 1, endLine: 4, data: { owner: 'Amina', version: 1.3 }, error: null });
    expect(doc.sections[1]).toMatchObject({ title: 'PRD', line: 5 });
    expect(doc.metadata.map((m) => `${m.key}=${m.value}@${m.line}/${m.source}`)).toEqual([
      'owner=Amina@2/front-matter',
      'version=1.3@3/front-matter',
      'status=Draft@7/line',
      'approvers=Lee@11/table',
    ]);
  });

  it('falls back to YAML for complex front matter and reports bad YAML instead of throwing', () => {
    expect(parseDocument('---\napprovers: [Lee, Sam]\n---\n').frontMatter?.data).toEqual({ approvers: ['Lee', 'Sam'] });
    expect(parseDocument('---\nkey: [unclosed\n---\n').frontMatter?.error).toMatch(/not valid YAML/);
  });

  it('normalises CRLF and a byte-order mark', () => {
    const doc = parseDocument('\uFEFF# Title\r\n\r\nText\r\n');
    expect(doc.lines).toEqual(['# Title', '', 'Text', '']);
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: 'Text', line: 3 });
  });
});
