// Key/value metadata as documents really carry it: `Owner: Jane` lines (bold or not), two-column tables
// (`| Owner | Jane |`, with or without a Field/Value header), and front matter (collected in front-matter.ts).
import type { Block, MetadataEntry, TableCell } from './model.ts';
import { plainText } from './text.ts';

const KEY_VALUE = /^[-*+]?\s*([A-Za-z][A-Za-z0-9 ()/&.'-]{0,40}?)\s*:\s+(\S.*)$/;
const TABLE_KEY_HEADERS = new Set(['field', 'key', 'property', 'attribute', 'item', 'name', '']);

export function collectMetadata(blocks: readonly Block[]): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && !block.quoted) fromLines(block.text, block.line, block.column, entries);
    else if (block.kind === 'list') {
      for (const item of block.items) if (item.depth === 0) fromLines(item.text, item.line, item.column, entries);
    } else if (block.kind === 'table' && block.header.length === 2) fromTable(block.header, block.rows, entries);
  }
  return entries;
}

function fromLines(text: string, line: number, column: number, out: MetadataEntry[]): void {
  if (text.indexOf(':') < 0) return;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\*\*|__/g, '').trim();
    const m = KEY_VALUE.exec(raw);
    if (!m || (m[1] as string).split(' ').length > 5) continue;
    out.push({
      key: (m[1] as string).trim().toLowerCase(),
      value: plainText(m[2] as string),
      line: line + i,
      column: i === 0 ? column : 1,
      text: raw,
      source: 'line',
    });
  }
}

function fromTable(header: TableCell[], rows: { cells: TableCell[] }[], out: MetadataEntry[]): void {
  const [k, v] = header as [TableCell, TableCell];
  const headerIsLabel = TABLE_KEY_HEADERS.has(plainText(k.text).toLowerCase());
  if (!headerIsLabel) push(k, v, out);
  for (const row of rows) {
    const [key, value] = row.cells;
    if (key && value) push(key, value, out);
  }
}

function push(key: TableCell, value: TableCell, out: MetadataEntry[]): void {
  const name = plainText(key.text).replace(/:$/, '').toLowerCase();
  if (!name || name.split(' ').length > 5) return;
  out.push({
    key: name,
    value: plainText(value.text),
    line: key.line,
    column: key.column,
    text: `${key.text} | ${value.text}`,
    source: 'table',
  });
}
