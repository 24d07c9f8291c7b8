// Formatting: what makes a pack hard to read or silently loses content — skipped heading levels, empty sections,
// table rows whose cells do not line up with the header (Markdown renderers drop or pad them), tables without
// their separator row (rendered as a paragraph of pipes), lists that restart or skip numbers, empty items,
// `#anchor` links to no heading and a code fence never closed (everything after it renders as code).
import { sectionAnchor } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import type { ListItem, Section, TableBlock } from '../markdown/model.ts';
import { lineAnchor, type PackText } from './pack-text.ts';
import { packFinding, FORMAT_RULES as R } from './rules.ts';

export function checkFormatting(text: PackText, alreadyEmpty: ReadonlySet<Section>): Finding[] {
  const findings: Finding[] = [];
  headings(text, alreadyEmpty, findings);
  for (const block of text.doc.blocks) {
    if (block.kind === 'table' && block.source === 'markdown') tableColumns(text, block, findings);
    if (block.kind === 'paragraph') pipeParagraph(text, block.line, block.text, findings);
    if (block.kind === 'list') listItems(text, block.items, findings);
  }
  deadAnchors(text, findings);
  unclosedFence(text, findings);
  return findings;
}

function headings(text: PackText, alreadyEmpty: ReadonlySet<Section>, out: Finding[]): void {
  let previous = 0;
  let lastHeadingLine: number | null = null;
  for (const s of text.doc.sections) {
    if (s.level === 0 || s.fromDetails || s.level > 6) continue;
    if (previous > 0 && s.level > previous + 1)
      out.push(
        packFinding(
          R.heading_skip,
          sectionAnchor(s),
          `"${s.title}" is a level-${s.level} heading right after a level-${previous} one.`,
          `Make it a level-${previous + 1} heading (${'#'.repeat(previous + 1)}), or add the missing level above it.`,
        ),
      );
    // "# Go / No-Go Report" + "## User Management System" on the next line: a subtitle, not an empty section.
    const subtitle = previous === 1 && s.line === (lastHeadingLine ?? -1) + 1;
    previous = s.level;
    lastHeadingLine = s.line;
    const empty = s.children.length === 0 && !s.blocks.some((b) => b.kind !== 'heading');
    if (empty && !subtitle && !alreadyEmpty.has(s))
      out.push(
        packFinding(
          R.empty_section,
          sectionAnchor(s),
          `"${s.title}" is an empty section.`,
          'Write the section or remove the heading.',
        ),
      );
  }
}

/** Cells in a source row: unescaped pipes outside code spans, without the optional outer pipes. */
export function cellCount(line: string): number {
  let body = line.trim().replace(/`[^`]*`/g, 'x');
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  let count = 1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '|') count++;
  }
  return count;
}

function tableColumns(text: PackText, table: TableBlock, out: Finding[]): void {
  const expected = cellCount(text.lines[table.line - 1] ?? '');
  const bad = table.rows.filter((row) => cellCount(text.lines[row.line - 1] ?? '') !== expected);
  const first = bad[0];
  if (!first) return;
  const got = cellCount(text.lines[first.line - 1] ?? '');
  const more = bad.length > 1 ? ` (${bad.length} rows of this table do not match)` : '';
  out.push(
    packFinding(
      R.table_columns,
      lineAnchor(text, first.line, 0),
      `This row has ${got} cells but the header has ${expected}${more}: renderers drop or pad the difference.`,
      `Give every row ${expected} cells; escape a pipe inside a cell as \\|.`,
    ),
  );
}

function pipeParagraph(text: PackText, line: number, body: string, out: Finding[]): void {
  const rows = body.split('\n');
  if (rows.length < 2 || !rows.every((r) => /^\s*\|.*\|\s*$/.test(r))) return;
  const [header = '', separator = ''] = rows;
  if (/^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(separator)) {
    const want = cellCount(header);
    out.push(
      packFinding(
        R.table_columns,
        lineAnchor(text, line + 1, 0),
        `The separator row has ${cellCount(separator)} cells but the header has ${want}: the table does not render at all.`,
        `Give the separator row ${want} cells (| --- | per column).`,
      ),
    );
    return;
  }
  out.push(
    packFinding(
      R.table_separator,
      lineAnchor(text, line, 0),
      'These lines look like a table but have no separator row, so they render as one paragraph of pipes.',
      'Add a separator row under the header, e.g. | --- | --- |.',
    ),
  );
}

function listItems(text: PackText, items: readonly ListItem[], out: Finding[]): void {
  const siblings = new Map<ListItem | null, ListItem[]>();
  for (const item of items) {
    // A "1. ______" fill-in line is reported once, as an unfilled placeholder (leftovers.ts).
    if (item.text.trim() === '' && item.children.length === 0 && !/_{5,}/.test(text.lines[item.line - 1] ?? ''))
      out.push(
        packFinding(
          R.empty_list_item,
          lineAnchor(text, item.line, Math.max(0, item.column - 1)),
          'This list item is empty.',
          'Write the item or remove it.',
        ),
      );
    if (!item.ordered || item.number === null) continue;
    const group = siblings.get(item.parent) ?? [];
    group.push(item);
    siblings.set(item.parent, group);
  }
  for (const group of siblings.values()) {
    const numbers = group.map((i) => i.number as number);
    // "1. 1. 1." is a valid Markdown style: the renderer numbers the items.
    if (numbers.every((n) => n === numbers[0])) continue;
    const at = numbers.findIndex((n, i) => i > 0 && n !== (numbers[i - 1] as number) + 1);
    const item = group[at];
    if (!item) continue;
    out.push(
      packFinding(
        R.list_numbering,
        lineAnchor(text, item.line, Math.max(0, item.column - 1)),
        `Step ${item.number} follows step ${numbers[at - 1]}: a step is missing, repeated or out of order.`,
        'Renumber the steps in order (or number every item "1." and let the renderer count).',
      ),
    );
  }
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces → "-". */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Renderers disagree on dashes and punctuation; comparing letters and digits only avoids false dead links. */
const loose = (id: string) => id.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function deadAnchors(text: PackText, out: Finding[]): void {
  const known = new Set<string>();
  for (const s of text.doc.sections) if (s.title) known.add(loose(slugOf(s.title)));
  const explicit = /\b(?:id|name)\s*=\s*["']([^"']{1,200})["']|\{#([\w-]{1,200})\}/g;
  for (const line of text.lines) for (const m of line.matchAll(explicit)) known.add(loose(m[1] ?? m[2] ?? ''));
  const link = /\]\(#([^)\s]{1,300})\)/g;
  text.lines.forEach((line, i) => {
    if (text.inCode[i + 1] || !line.includes('](#')) return;
    for (const m of line.matchAll(link)) {
      let target = m[1] as string;
      try {
        target = decodeURIComponent(target);
      } catch {
        // A malformed escape stays as written; it will not match a heading either.
      }
      if (known.has(loose(target))) continue;
      out.push(
        packFinding(
          R.dead_anchor,
          lineAnchor(text, i + 1, m.index ?? 0),
          `The link to #${target.slice(0, 80)} points at no heading in this pack.`,
          'Point the link at an existing heading (its id is the heading in lower case with dashes) or add that section.',
        ),
      );
    }
  });
}

function unclosedFence(text: PackText, out: Finding[]): void {
  let open: { line: number; marker: string } | null = null;
  text.lines.forEach((line, i) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m) return;
    const marker = m[1] as string;
    if (!open) open = { line: i + 1, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && line.trim() === marker) open = null;
  });
  const unclosed = open as { line: number; marker: string } | null;
  if (!unclosed) return;
  out.push(
    packFinding(
      R.unclosed_fence,
      lineAnchor(text, unclosed.line, 0),
      'This code block is never closed: everything after it renders as code.',
      `Close it with ${unclosed.marker} on a line of its own.`,
    ),
  );
}
