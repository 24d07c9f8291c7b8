// One markdown-it pass → the document model. Inline parsing is switched off: checks read the raw inline source
// (which keeps offsets meaningful for line/column), and skipping it roughly halves the parse time.
import MarkdownIt from 'markdown-it';
import { SectionBuilder } from './builder.ts';
import { splitFrontMatter } from './front-matter.ts';
import { HtmlReader } from './html.ts';
import { collectMetadata } from './metadata.ts';
import type { DocModel, ListBlock, ListItem, TableBlock, TableRow } from './model.ts';
import { plainTextHeadings } from './plain-text.ts';
import { firstColumn, plainText } from './text.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** A paragraph that is only a bold, numbered title: "**1. Introduction**", "__3.2 Payments__". */
const BOLD_NUMBERED_HEADING = /^(?:\*\*|__)(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+([^*_\n]{2,80}?)(?:\*\*|__):?\s*$/;

/** A paragraph that is only a bold, named and numbered title: "**Story 1: Basic Doodling**", "**Feature 3 – Export**". */
const BOLD_NAMED_HEADING =
  /^(?:\*\*|__)(?:user story|story|feature|requirement|epic|use case|capability)\s*#?\s*\d{1,3}(?:\.\d{1,3})?\s*[:.)–—-]\s*[^*_\n]{2,80}?(?:\*\*|__)\s*$/i;

/**
 * A title glued to the sentence after it ("Telemetry RequirementsWe will collect …"), as wiki exports leave them:
 * up to six capitalised words, then a sentence starting with no space after the last one.
 */
const GLUED_HEADING =
  /^((?:[A-Z][\w&/-]*\s){0,5}[A-Z][a-z]+[a-z])(?=(?:The|This|These|We|Our|It|In|An?|When|If|For|To|As|Each|All|Some|Users?)\s)/;

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

type Nesting = 1 | 0 | -1;
const MdToken = (md.parse('x', {})[0] as Token).constructor as { prototype: Token };

/**
 * A block token with markdown-it's fields and methods (its prototype is markdown-it's Token), set by plain
 * assignment: markdown-it 15's Token sets eight of its fields through a generic defineProperty helper, a tenth of
 * the whole gate's time over a directory of PRDs.
 */
function PlainToken(this: Token, type: string, tag: string, nesting: Nesting) {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
PlainToken.prototype = MdToken.prototype;

/** This parser's block state makes PlainTokens; everything else is markdown-it's own (StateBlock.push). */
class PlainTokenState extends md.block.State {
  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = new (PlainToken as unknown as new (type: string, tag: string, nesting: Nesting) => Token)(
      type,
      tag,
      nesting,
    );
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}
md.block.State = PlainTokenState;

const TASK = /^\[([ xX])\]\s+/;

export function parseDocument(input: string): DocModel {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const { frontMatter, body, entries } = splitFrontMatter(lines, text);
  const builder = new SectionBuilder();
  new TokenWalker(md.parse(plainTextHeadings(body), {}), lines, builder).walk();
  builder.finish(lines.length);
  return {
    lines,
    root: builder.root,
    sections: builder.sections,
    blocks: builder.blocks,
    frontMatter,
    metadata: [...entries, ...collectMetadata(builder.blocks)],
  };
}

class TokenWalker {
  private readonly html: HtmlReader;
  private lists: { block: Omit<ListBlock, 'section'>; ordered: boolean }[] = [];
  /** Level of the last bold "**Story N: …**" heading, so the next one becomes its sibling. */
  private namedLevel: number | null = null;
  private items: ListItem[] = [];
  private table: Omit<TableBlock, 'section'> | null = null;
  private row: TableRow | null = null;
  private inHead = false;
  private quoteDepth = 0;
  private cellFrom = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly lines: string[],
    private readonly builder: SectionBuilder,
  ) {
    this.html = new HtmlReader(builder);
  }

  walk(): void {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.map && t.type !== 'html_block') this.html.interrupt(t.map[0] + 1);
      switch (t.type) {
        case 'heading_open':
          this.heading(t, tokens[i + 1]);
          break;
        case 'paragraph_open':
          this.paragraph(t, tokens[i + 1]);
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.openList(t);
          break;
        case 'list_item_open':
          this.openItem(t);
          break;
        case 'list_item_close':
          this.items.pop();
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.closeList();
          break;
        case 'table_open':
          this.table = {
            kind: 'table',
            source: 'markdown',
            ...this.pos(t),
            endLine: t.map?.[1] ?? 1,
            header: [],
            rows: [],
          };
          break;
        case 'thead_open':
          this.inHead = true;
          break;
        case 'thead_close':
          this.inHead = false;
          break;
        case 'tr_open':
          this.row = { ...this.pos(t), cells: [] };
          this.cellFrom = 0;
          break;
        case 'th_open':
        case 'td_open':
          this.cell(tokens[i + 1]);
          break;
        case 'tr_close':
          this.closeRow();
          break;
        case 'table_close':
          if (this.table) this.builder.add(this.table);
          this.table = null;
          break;
        case 'fence':
        case 'code_block':
          this.code(t);
          break;
        case 'html_block':
          this.html.feed(t.content, (t.map?.[0] ?? 0) + 1);
          break;
        case 'blockquote_open':
          this.quoteDepth++;
          break;
        case 'blockquote_close':
          this.quoteDepth--;
          break;
      }
    }
    this.html.finish(this.lines.length);
  }

  private pos(t: Token): { line: number; column: number } {
    const line = (t.map?.[0] ?? 0) + 1;
    return { line, column: firstColumn(this.lines[line - 1]) };
  }

  /** Column where `text` starts in its first source line (falls back to the first non-blank column). */
  private columnOf(line: number, text: string): number {
    const source = this.lines[line - 1] ?? '';
    const head = (text.split('\n', 1)[0] ?? '').slice(0, 12);
    const at = head ? source.indexOf(head) : -1;
    return at >= 0 ? at + 1 : firstColumn(source);
  }

  private heading(t: Token, inline: Token | undefined): void {
    // "- # of users" or "* #hashtag …": a list item whose text starts with "#" is the item's text, not a section.
    if (this.items.length > 0) {
      this.paragraph(t, inline && ({ ...inline, content: `# ${inline.content}` } as Token));
      return;
    }
    const level = Number(t.tag.slice(1)) || 1;
    this.builder.heading(level, plainText(inline?.content ?? ''), this.pos(t));
  }

  private paragraph(t: Token, inline: Token | undefined): void {
    const content = inline?.content ?? '';
    const line = (t.map?.[0] ?? 0) + 1;
    const item = this.items[this.items.length - 1];
    if (item) {
      if (item.text) {
        item.text += `\n${content}`;
        return;
      }
      const task = TASK.exec(content);
      item.task = task ? (task[1] === ' ' ? 'open' : 'done') : null;
      item.text = task ? content.slice(task[0].length) : content;
      item.line = line;
      item.column = this.columnOf(line, item.text);
      return;
    }
    const numbered = this.quoteDepth === 0 ? BOLD_NUMBERED_HEADING.exec(content) : null;
    if (numbered?.[1] && numbered[2]) {
      // "**2. Goals (MVP)**" on a line of its own: AI-written PRDs number their sections in bold instead of "##".
      const depth = numbered[1].split('.').filter(Boolean).length;
      this.builder.heading(Math.min(6, depth + 1), plainText(content), this.pos(t));
      return;
    }
    if (this.quoteDepth === 0 && BOLD_NAMED_HEADING.test(content)) {
      // One level below the section it starts in; the next story is its sibling, not its child.
      const current = this.builder.current.level;
      const level = this.namedLevel !== null && current === this.namedLevel ? current : Math.min(6, current + 1);
      this.namedLevel = level;
      this.builder.heading(level, plainText(content), this.pos(t));
      return;
    }
    const glued = this.quoteDepth === 0 ? GLUED_HEADING.exec(content) : null;
    if (glued?.[1]) {
      // "Key MetricsThe main metric …": a wiki export lost the line break after the heading.
      this.builder.heading(2, glued[1], this.pos(t));
      this.addParagraph(t, content.slice(glued[1].length), line);
      return;
    }
    this.addParagraph(t, content, line);
  }

  private addParagraph(t: Token, content: string, line: number): void {
    const endLine = t.map?.[1] ?? line;
    const column = this.columnOf(line, content);
    this.builder.add({ kind: 'paragraph', text: content, line, column, endLine, quoted: this.quoteDepth > 0 });
  }

  private openList(t: Token): void {
    const ordered = t.type === 'ordered_list_open';
    const outer = this.lists[0];
    const block = outer
      ? outer.block
      : { kind: 'list' as const, ordered, items: [], ...this.pos(t), endLine: t.map?.[1] ?? 1 };
    this.lists.push({ block, ordered });
  }

  private openItem(t: Token): void {
    const list = this.lists[this.lists.length - 1];
    if (!list) return;
    const parent = this.items[this.items.length - 1] ?? null;
    const item: ListItem = {
      text: '',
      ...this.pos(t),
      ordered: list.ordered,
      number: list.ordered ? Number(t.info) || null : null,
      task: null,
      depth: this.lists.length - 1,
      parent,
      children: [],
    };
    parent?.children.push(item);
    list.block.items.push(item);
    this.items.push(item);
  }

  private closeList(): void {
    const list = this.lists.pop();
    if (list && this.lists.length === 0) this.builder.add(list.block);
  }

  private cell(inline: Token | undefined): void {
    if (!this.row) return;
    const text = (inline?.content ?? '').trim();
    // Search each cell after the previous one: a wide row stays linear, and equal cells get their own column.
    const source = this.lines[this.row.line - 1] ?? '';
    const at = text ? source.indexOf(text.slice(0, 12), this.cellFrom) : -1;
    const column = at >= 0 ? at + 1 : this.cellFrom + 1;
    if (at >= 0) this.cellFrom = at + Math.min(text.length, 12);
    this.row.cells.push({ text, line: this.row.line, column });
  }

  private closeRow(): void {
    if (!this.table || !this.row) return;
    if (this.inHead) this.table.header = this.row.cells;
    else this.table.rows.push(this.row);
    this.row = null;
  }

  private code(t: Token): void {
    const line = (t.map?.[0] ?? 0) + 1;
    const lang = t.type === 'fence' ? (t.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '';
    // Fenced content starts on the line after the opening fence.
    const first = Math.min(t.type === 'fence' ? line + 1 : line, this.lines.length);
    this.builder.add({
      kind: 'code',
      lang,
      text: t.content,
      line: first,
      column: firstColumn(this.lines[first - 1]),
      endLine: t.map?.[1] ?? line,
    });
  }
}
