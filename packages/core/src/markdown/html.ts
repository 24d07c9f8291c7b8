// A small tokenizer for the HTML that wiki exports leave in Markdown (Confluence, Notion, SharePoint): tables,
// <details>/<summary>, headings, lists and paragraphs. It keeps state across html_block tokens because a table
// or a <details> written with blank lines inside is split by markdown-it into several blocks.
import type { SectionBuilder } from './builder.ts';
import { type HtmlEvents, scanHtml } from './html-scan.ts';
import type { ListItem, Position, TableCell, TableRow } from './model.ts';
import { decodeEntities } from './text.ts';

const MAX_LIST_DEPTH = 12;
const PARAGRAPH_BREAKS = new Set(['p', 'div', 'br', 'blockquote', 'section', 'article', 'pre', 'hr', 'tbody', 'thead']);
const SKIPPED = new Set(['script', 'style']);

type TextBuffer = { text: string; pos: Position | null };
type OpenList = { ordered: boolean; counter: number };

export class HtmlReader implements HtmlEvents {
  private para: TextBuffer = { text: '', pos: null };
  private heading: { level: number; buffer: TextBuffer } | null = null;
  private summary: TextBuffer | null = null;
  private detailsPending: Position | null = null;
  private table: { pos: Position; rows: TableRow[]; row: TableRow | null; cell: TableCell | null } | null = null;
  private lists: OpenList[] = [];
  private items: ListItem[] = [];
  private openItems: ListItem[] = [];
  private listPos: Position | null = null;
  private skipping: string | null = null;
  private ignoredLists = 0;

  constructor(private readonly builder: SectionBuilder) {}

  feed(content: string, startLine: number): void {
    scanHtml(content, startLine, this);
  }

  /** Markdown content follows: whatever paragraph the HTML left open ends here. */
  interrupt(line: number): void {
    if (!this.table && !this.heading && !this.summary && this.lists.length === 0) this.flushParagraph(line);
  }

  finish(line: number): void {
    this.flushParagraph(line);
    if (this.table) this.closeTable(line);
    if (this.lists.length) this.closeList(line, true);
  }

  text(raw: string, pos: Position): void {
    if (this.skipping) return;
    const text = decodeEntities(raw).replace(/\s+/g, ' ');
    if (!text.trim()) {
      const target = this.target();
      if (target.text && !target.text.endsWith(' ')) target.text += ' ';
      return;
    }
    if (this.detailsPending && !this.summary) {
      this.builder.openDetails('Details', this.detailsPending);
      this.detailsPending = null;
    }
    this.append(text, pos);
  }

  /** Text goes to the innermost open container: heading, summary, table cell, list item or paragraph. */
  private target(): TextBuffer | TableCell | ListItem {
    return this.heading?.buffer ?? this.summary ?? this.table?.cell ?? this.openItems.at(-1) ?? this.para;
  }

  private append(text: string, pos: Position): void {
    const target = this.target();
    if ('pos' in target) target.pos ??= pos;
    else if (!target.text) {
      target.line = pos.line;
      target.column = pos.column;
    }
    target.text += text;
  }

  tag(closing: boolean, name: string, pos: Position): void {
    if (this.skipping) {
      if (closing && name === this.skipping) this.skipping = null;
      return;
    }
    if (SKIPPED.has(name) && !closing) this.skipping = name;
    else if (/^h[1-6]$/.test(name)) this.headingTag(closing, Number(name[1]), pos);
    else if (name === 'details') this.detailsTag(closing, pos);
    else if (name === 'summary') this.summaryTag(closing, pos);
    else if (name === 'table') closing ? this.closeTable(pos.line) : this.openTable(pos);
    else if (name === 'tr' || name === 'td' || name === 'th') this.rowTag(closing, name, pos);
    else if (name === 'ul' || name === 'ol') closing ? this.closeList(pos.line, false) : this.openList(name, pos);
    else if (name === 'li') this.itemTag(closing, pos);
    else if (PARAGRAPH_BREAKS.has(name)) this.breakTag();
  }

  private headingTag(closing: boolean, level: number, pos: Position): void {
    if (!closing) {
      this.flushParagraph(pos.line);
      this.heading = { level, buffer: { text: '', pos: null } };
      return;
    }
    if (!this.heading) return;
    const { buffer } = this.heading;
    this.heading = null;
    this.builder.heading(level, buffer.text.trim(), buffer.pos ?? pos);
  }

  private detailsTag(closing: boolean, pos: Position): void {
    this.flushParagraph(pos.line);
    if (!closing) {
      this.detailsPending = pos;
      return;
    }
    if (this.detailsPending) this.detailsPending = null;
    else this.builder.closeDetails(pos.line);
  }

  private summaryTag(closing: boolean, pos: Position): void {
    if (!closing) {
      this.flushParagraph(pos.line);
      this.summary = { text: '', pos: null };
      return;
    }
    if (!this.summary) return;
    const title = this.summary.text.trim();
    const at = this.detailsPending ?? this.summary.pos ?? pos;
    this.summary = null;
    this.detailsPending = null;
    this.builder.openDetails(title, at);
  }

  private openTable(pos: Position): void {
    this.flushParagraph(pos.line);
    if (this.table) this.closeTable(pos.line);
    this.table = { pos, rows: [], row: null, cell: null };
  }

  private rowTag(closing: boolean, name: string, pos: Position): void {
    const table = this.table;
    if (!table) return;
    if (name === 'tr') {
      if (table.row) table.rows.push(table.row);
      table.row = closing ? null : { line: pos.line, column: pos.column, cells: [] };
      table.cell = null;
      return;
    }
    if (closing) {
      table.cell = null;
      return;
    }
    if (!table.row) table.row = { line: pos.line, column: pos.column, cells: [] };
    table.cell = { text: '', line: pos.line, column: pos.column };
    table.row.cells.push(table.cell);
  }

  private closeTable(line: number): void {
    const table = this.table;
    if (!table) return;
    this.table = null;
    if (table.row) table.rows.push(table.row);
    for (const row of table.rows) for (const cell of row.cells) cell.text = cell.text.trim();
    const [head, ...body] = table.rows;
    this.builder.add({
      kind: 'table',
      source: 'html',
      line: table.pos.line,
      column: table.pos.column,
      endLine: Math.max(table.pos.line, line),
      header: head?.cells ?? [],
      rows: body,
    });
  }

  private openList(name: string, pos: Position): void {
    // Deeper nesting than any real document has is flattened (unclosed <ul> tags must not nest forever).
    if (this.lists.length >= MAX_LIST_DEPTH) {
      this.ignoredLists++;
      return;
    }
    if (this.lists.length === 0) {
      this.flushParagraph(pos.line);
      this.listPos = pos;
      this.items = [];
    }
    this.lists.push({ ordered: name === 'ol', counter: 0 });
  }

  private itemTag(closing: boolean, pos: Position): void {
    const list = this.lists[this.lists.length - 1];
    if (!list) return;
    if (closing) {
      this.openItems.pop();
      return;
    }
    if (this.openItems.length >= this.lists.length) this.openItems.pop();
    list.counter++;
    const parent = this.openItems[this.openItems.length - 1] ?? null;
    const item: ListItem = {
      text: '',
      line: pos.line,
      column: pos.column,
      ordered: list.ordered,
      number: list.ordered ? list.counter : null,
      task: null,
      depth: this.lists.length - 1,
      parent,
      children: [],
    };
    parent?.children.push(item);
    this.items.push(item);
    this.openItems.push(item);
  }

  private closeList(line: number, all: boolean): void {
    if (this.ignoredLists > 0 && !all) {
      this.ignoredLists--;
      return;
    }
    const depth = this.lists.length;
    while (this.openItems.length >= depth) this.openItems.pop();
    this.lists.pop();
    if (all) this.lists = [];
    if (this.lists.length > 0 || !this.listPos) return;
    for (const item of this.items) item.text = item.text.trim();
    const first = this.items[0];
    this.builder.add({
      kind: 'list',
      ordered: first?.ordered ?? false,
      items: this.items,
      line: this.listPos.line,
      column: this.listPos.column,
      endLine: Math.max(this.listPos.line, line),
    });
    this.listPos = null;
    this.items = [];
    this.openItems = [];
  }

  private breakTag(): void {
    const target = this.target();
    if (target === this.para) this.flushParagraph(null);
    else if (target.text && !target.text.endsWith(' ')) target.text += ' ';
  }

  private flushParagraph(line: number | null): void {
    const { text, pos } = this.para;
    this.para = { text: '', pos: null };
    const trimmed = text.trim();
    if (!trimmed || !pos) return;
    this.builder.add({
      kind: 'paragraph',
      text: trimmed,
      line: pos.line,
      column: pos.column,
      endLine: line ?? pos.line,
      quoted: false,
    });
  }
}
