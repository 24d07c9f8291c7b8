// Markdown as a flat list of printable blocks (headings, paragraphs, list items, tables, code, rules) with inline
// runs (bold, italic, code): the one reading of a document that the PDF and DOCX exports both render, so the two
// agree. Parsed with markdown-it (CommonMark + GFM tables); raw HTML is dropped (templates keep their guidance in
// HTML comments, which a reader does not see either). Pure.
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export type Run = { text: string; bold?: true; italic?: true; code?: true };

export type Block =
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'item'; depth: number; marker: string; runs: Run[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

// html: true so that HTML is recognised as such and left out, never printed as text.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

function runsOf(inline: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  const push = (text: string, code = false) => {
    if (!text) return;
    runs.push({
      text,
      ...(bold ? { bold: true } : {}),
      ...(italic ? { italic: true } : {}),
      ...(code ? { code: true } : {}),
    });
  };
  for (const t of inline?.children ?? []) {
    if (t.type === 'text') push(t.content);
    else if (t.type === 'code_inline') push(t.content, true);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') push(' ');
    else if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.type === 'link_open') href = String(t.attrGet('href') ?? '');
    else if (t.type === 'link_close') {
      if (href && !href.startsWith('#')) push(` (${href})`);
      href = null;
    } else if (t.type === 'image') push(`[image: ${t.content || String(t.attrGet('src') ?? '')}]`);
  }
  return runs;
}

const plain = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/** The table starting at tokens[i] (table_open) and the index after it. */
function readTable(tokens: readonly Token[], i: number): { block: Block; next: number } {
  const header: string[] = [];
  const rows: string[][] = [];
  let row: string[] | null = null;
  let inHead = false;
  let j = i + 1;
  for (; j < tokens.length && tokens[j]?.type !== 'table_close'; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push(row);
      row = null;
    } else if (t.type === 'inline' && row) row.push(plain(runsOf(t)));
  }
  return { block: { type: 'table', header, rows }, next: j + 1 };
}

export function markdownBlocks(source: string): Block[] {
  const tokens = md.parse(source, {});
  const blocks: Block[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let pendingMarker: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.type) {
      case 'heading_open':
        blocks.push({ type: 'heading', level: Number(t.tag.slice(1)), runs: runsOf(tokens[i + 1]) });
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        pendingMarker = list?.ordered ? `${list.n++}.` : '•';
        break;
      }
      case 'paragraph_open': {
        const runs = runsOf(tokens[i + 1]);
        if (pendingMarker !== null) {
          blocks.push({ type: 'item', depth: Math.max(0, lists.length - 1), marker: pendingMarker, runs });
          pendingMarker = null;
        } else if (lists.length > 0) {
          blocks.push({ type: 'item', depth: Math.max(0, lists.length - 1), marker: '', runs });
        } else blocks.push({ type: 'paragraph', runs });
        i += 2;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'code', text: t.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      case 'table_open': {
        const { block, next } = readTable(tokens, i);
        blocks.push(block);
        i = next - 1;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}
