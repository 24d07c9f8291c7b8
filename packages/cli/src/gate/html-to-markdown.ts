// mammoth turns a .docx into simple HTML (h1–h6, p, ul/ol/li, table, strong, em, a); this writes it back as
// Markdown, one block per line, so the gate reports real line numbers and reads tables as tables.
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

type Table = { rows: string[][]; cell: string[] | null };

export function htmlToMarkdown(html: string): string {
  const out: string[] = [];
  let text = '';
  const lists: { ordered: boolean; n: number }[] = [];
  let prefix = '';
  let table: Table | null = null;
  let pendingHref = '';
  const flush = () => {
    const line = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!line) return;
    if (table?.cell) table.cell.push(line);
    else out.push(prefix + line, ...(lists.length > 0 ? [] : ['']));
    prefix = '';
  };
  for (const m of html.matchAll(TOKEN)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      flush();
      if (!closing) prefix = `${'#'.repeat(Number(tag[1]))} `;
    } else if (tag === 'p' || tag === 'div') flush();
    else if (tag === 'br') text += ' ';
    else if (tag === 'strong' || tag === 'b') text += '**';
    else if (tag === 'em' || tag === 'i') text += '_';
    else if (tag === 'a' && !closing) {
      const href = /href\s*=\s*"([^"]*)"/i.exec(m[3] ?? '')?.[1];
      if (href && /^https?:/i.test(href)) {
        text += '[';
        pendingHref = href;
      }
    } else if (tag === 'a' && closing && pendingHref) {
      text += `](${pendingHref})`;
      pendingHref = '';
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) {
        lists.pop();
        if (lists.length === 0) out.push('');
      } else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li' && !closing) {
      flush();
      const list = lists[lists.length - 1];
      if (list) {
        list.n++;
        prefix = `${'   '.repeat(lists.length - 1)}${list.ordered ? `${list.n}.` : '-'} `;
      }
    } else if (tag === 'li') flush();
    else if (tag === 'table') {
      flush();
      if (!closing) table = { rows: [], cell: null };
      else if (table) {
        out.push(...pipeTable(table.rows), '');
        table = null;
      }
    } else if (tag === 'tr' && table && !closing) table.rows.push([]);
    else if ((tag === 'td' || tag === 'th') && table) {
      if (!closing) table.cell = [];
      else {
        flush();
        table.rows[table.rows.length - 1]?.push((table.cell ?? []).join(' '));
        table.cell = null;
      }
    }
  }
  flush();
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function pipeTable(rows: string[][]): string[] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)];
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
