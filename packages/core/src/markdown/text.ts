// Small text helpers shared by the parser and the checks.
import type { Position, Span } from './model.ts';

const LINK = /!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g;
const TAG = /<\/?[a-zA-Z][^>\n]{0,300}>/g;
const EMPHASIS = /(\*\*|__|~~|`)/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;

/** Inline Markdown → plain words, for headings and excerpts (links keep their text). */
export function plainText(inline: string): string {
  // Most inline text has no markup and single spaces: skip the five replaces.
  if (!/[[<*_~`\\\n\t]|\s\s/.test(inline)) return inline.trim();
  return inline
    .replace(LINK, '$1')
    .replace(TAG, ' ')
    .replace(EMPHASIS, '')
    .replace(ESCAPE, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** 1-based column of the first non-blank character of a line. */
export function firstColumn(line: string | undefined): number {
  if (!line) return 1;
  const at = line.search(/\S/);
  return at < 0 ? 1 : at + 1;
}

/**
 * Where `offset` inside a span's text sits in the source. Continuation lines lose their indentation in
 * markdown-it's content, so each line is found again in its source line.
 */
export function locate(lines: readonly string[], span: Span, offset: number): Position {
  const text = span.text;
  const at = Math.max(0, Math.min(offset, text.length));
  let lineIndex = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    lineIndex++;
    lineStart = i + 1;
  }
  const line = Math.min(span.line + lineIndex, Math.max(1, lines.length));
  if (lineIndex === 0) {
    const source = lines[line - 1] ?? '';
    const found = source.indexOf(text.slice(0, Math.min(text.length, 12)), span.column - 1);
    const base = found >= 0 ? found : span.column - 1;
    return { line, column: base + (at - lineStart) + 1 };
  }
  const segmentEnd = text.indexOf('\n', lineStart);
  const segment = text.slice(lineStart, segmentEnd === -1 ? undefined : segmentEnd).trimStart();
  const source = lines[line - 1] ?? '';
  const found = segment ? source.indexOf(segment.slice(0, 12)) : -1;
  const leading = text.slice(lineStart).length - text.slice(lineStart).trimStart().length;
  const base = found >= 0 ? found - leading : firstColumn(source) - 1;
  return { line, column: Math.max(1, base + (at - lineStart) + 1) };
}

/** One-line excerpt of at most `max` characters. */
export function excerptOf(text: string, max = 120): string {
  // Only the head of a long unit (a Gherkin block, a long paragraph) can end up in the excerpt.
  const head = text.slice(0, max * 3);
  // Most heads are one line with single spaces: the replace would rebuild them unchanged (it runs for every finding).
  const flat = (hasSpaceRun(head) ? head.replace(/\s+/g, ' ') : head).trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Whether `/\s+/g` → " " would change the text: two spaces in a row, or any white space other than " ". */
function hasSpaceRun(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else if (c > 32 && c < 128) previousSpace = false;
    else if (c < 32 || isWhiteSpace(c)) return true;
    else previousSpace = false;
  }
  return false;
}

/** Non-ASCII code units are looked up once each (1 white space, 2 not), as in isWordChar. */
function isWhiteSpace(code: number): boolean {
  let known = SPACE[code];
  if (known === 0) {
    known = /\s/.test(String.fromCharCode(code)) ? 1 : 2;
    SPACE[code] = known;
  }
  return known === 1;
}
const SPACE = new Uint8Array(0x10000);

/** Letters and digits start a word; apostrophes, dashes and underscores continue one ("won't", "e-mail"). */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // Non-ASCII code units are looked up once each (1 letter, 2 not): "’", "—" and "…" are frequent in PRDs.
  let known = NON_ASCII[code];
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    NON_ASCII[code] = known;
  }
  return known === 1;
}
const LETTER = /[\p{L}\p{N}]/u;
const NON_ASCII = new Uint8Array(0x10000);

/** Index of the first word character at or after `from`; `text.length` when there is none. */
export function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Index just past the word that starts at `start`. An apostrophe between letters keeps a word whole ("won't"), and
 * so do dashes and underscores ("e-mail") unless `apostrophesOnly` (phrase tokens, where "non-goals" must match
 * "non goals").
 */
export function wordEnd(text: string, start: number, apostrophesOnly = false): number {
  const n = text.length;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) i++;
    else if (
      (c === 39 || c === 0x2019 || (!apostrophesOnly && (c === 45 || c === 95))) &&
      i + 1 < n &&
      isWordChar(text.charCodeAt(i + 1))
    )
      i += 2;
    else break;
  }
  return i;
}

/** Fills `starts`/`ends` with every word; a hand-written scan is several times faster than a /u regex. */
export function wordSpans(text: string, starts: number[], ends: number[], apostrophesOnly = false): void {
  for (let start = nextWordStart(text, 0), end = 0; start < text.length; start = nextWordStart(text, end)) {
    end = wordEnd(text, start, apostrophesOnly);
    starts.push(start);
    ends.push(end);
  }
}

export function countWords(text: string): number {
  const starts: number[] = [];
  wordSpans(text, starts, []);
  return starts.length;
}
