// Turns the small, well-formed HTML vocabulary mammoth emits (headings, paragraphs, lists, tables, links,
// emphasis) into plain Markdown. mammoth's own Markdown writer escapes every dot and bracket ("3\.2 days"),
// which hurts search and the gate, so we write our own with only the escapes Markdown needs. One block per
// paragraph, so the gate reports real line numbers and reads tables as tables.

type Node = { tag: string; attrs: Record<string, string>; children: Node[] } | string;
type Element = Exclude<Node, string>;

const VOID = new Set(['br', 'img', 'hr']);
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[e.toLowerCase()] ?? whole;
  });
}

function parse(html: string): Element {
  const root: Element = { tag: 'root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const re = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)|</g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const top = stack[stack.length - 1] as Element;
    if (m[4] !== undefined || m[2] === undefined) {
      top.children.push(decode(m[4] ?? '<'));
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w-]+)="([^"]*)"/g))
      attrs[(a[1] ?? '').toLowerCase()] = decode(a[2] ?? '');
    const el: Element = { tag, attrs, children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !(m[3] ?? '').endsWith('/')) stack.push(el);
  }
  return root;
}

function escapeText(text: string): string {
  return text.replace(/[\\*`[\]<]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** Characters that would turn a paragraph into a heading, list or quote when they start a line. */
function escapeLineStart(line: string): string {
  return line.replace(
    /^(\s*)([#>+=-]|\d+[.)])(?=\s|$)/,
    (_w, sp: string, mark: string) => `${sp}${mark.replace(/([#>+=.)-])$/, '\\$1')}`,
  );
}

function wrap(inner: string, mark: string): string {
  const m = /^(\s*)(.*?)(\s*)$/s.exec(inner);
  if (!m?.[2]) return inner;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}

function inline(node: Node, inCell = false): string {
  if (typeof node === 'string') return escapeText(node);
  const inner = () => node.children.map((c) => inline(c, inCell)).join('');
  switch (node.tag) {
    case 'strong':
    case 'b':
      return wrap(inner(), '**');
    case 'em':
    case 'i':
      return wrap(inner(), '*');
    case 's':
    case 'del':
      return wrap(inner(), '~~');
    case 'code':
      return wrap(inner(), '`');
    case 'br':
      return inCell ? '<br>' : '\\\n';
    case 'img':
      return node.attrs.alt ? `*(image: ${escapeText(node.attrs.alt)})*` : '*(image)*';
    case 'a': {
      const text = inner();
      const href = node.attrs.href ?? '';
      return href && !/^\s*(javascript|data|vbscript):/i.test(href) && text.trim() ? `[${text}](<${href}>)` : text;
    }
    case 'p':
      return inCell ? `${inner()}<br>` : inner();
    default:
      return inner();
  }
}

/** A nested list is indented to its parent item's text (2 spaces under `- `, 3 under `1. `), or it is not nested. */
function list(el: Element, indent: string): string {
  const ordered = el.tag === 'ol';
  const items = el.children.filter((c): c is Element => typeof c !== 'string' && c.tag === 'li');
  return items
    .map((li, i) => {
      const text = li.children
        .filter((c) => typeof c === 'string' || (c.tag !== 'ul' && c.tag !== 'ol'))
        .map((c) => inline(c))
        .join('')
        .trim();
      const marker = `${ordered ? `${i + 1}.` : '-'} `;
      const nested = li.children
        .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol'))
        .map((c) => list(c, indent + ' '.repeat(marker.length)));
      return [`${indent}${marker}${text}`, ...nested].join('\n');
    })
    .join('\n');
}

function rowsOf(el: Element): Element[] {
  return el.children.flatMap((c) =>
    typeof c === 'string' ? [] : c.tag === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(c.tag) ? rowsOf(c) : [],
  );
}

function table(el: Element): string {
  const rows = rowsOf(el).map((tr) =>
    tr.children
      .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
      .map((cell) =>
        inline(cell, true)
          .replace(/(<br>)+$/, '')
          .replace(/\|/g, '\\|')
          .trim(),
      ),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (!rows.length) return '';
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_v, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function blocks(el: Element): string[] {
  const out: string[] = [];
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim()) out.push(escapeLineStart(escapeText(child).trim()));
      continue;
    }
    const h = /^h([1-6])$/.exec(child.tag);
    if (h) {
      const text = inline(child).trim();
      if (text) out.push(`${'#'.repeat(Number(h[1]))} ${text.replace(/\\\n/g, ' ')}`);
    } else if (child.tag === 'p') {
      const text = inline(child).trim();
      if (text) out.push(escapeLineStart(text));
    } else if (child.tag === 'ul' || child.tag === 'ol') {
      out.push(list(child, ''));
    } else if (child.tag === 'table') {
      out.push(table(child));
    } else if (child.tag === 'blockquote') {
      out.push(
        blocks(child)
          .join('\n\n')
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      );
    } else if (child.tag === 'hr') {
      out.push('---');
    } else if (['div', 'section', 'body', 'article'].includes(child.tag)) {
      out.push(...blocks(child));
    } else {
      const text = inline(child).trim();
      if (text) out.push(escapeLineStart(text));
    }
  }
  return out.filter((b) => b.trim() !== '');
}

export function htmlToMarkdown(html: string): string {
  const md = blocks(parse(html)).join('\n\n');
  return md ? `${md}\n` : '';
}
