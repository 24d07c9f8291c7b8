// Finds tags and text in an html_block with one forward pass: indexOf and a remembered next ">" and newline, so
// pathological exports (a line of "<a <a <a …" without ">", a whole document on one line) stay linear.
import type { Position } from './model.ts';

export type HtmlEvents = {
  text(raw: string, pos: Position): void;
  tag(closing: boolean, name: string, pos: Position): void;
};

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<]*>$/;
const MAX_TAG = 2000;

export function scanHtml(content: string, startLine: number, events: HtmlEvents): void {
  let line = startLine;
  let lineStart = 0;
  // The next newline is remembered, so positions on one very long line cost nothing extra.
  let nextNl = content.indexOf('\n');
  const posAt = (offset: number): Position => {
    while (nextNl !== -1 && nextNl < offset) {
      line++;
      lineStart = nextNl + 1;
      nextNl = content.indexOf('\n', nextNl + 1);
    }
    return { line, column: offset - lineStart + 1 };
  };
  const emitText = (from: number, to: number) => {
    if (to > from) events.text(content.slice(from, to), posAt(from + leadingBlank(content, from, to)));
  };
  // Tags are found with indexOf and a remembered next ">": a line of "<a <a <a …" without ">" stays linear.
  let nextGt = -1;
  let i = 0;
  let textFrom = 0;
  while (i < content.length) {
    const lt = content.indexOf('<', i);
    if (lt < 0) break;
    if (content.startsWith('<!--', lt)) {
      emitText(textFrom, lt);
      const end = content.indexOf('-->', lt + 4);
      i = end < 0 ? content.length : end + 3;
      textFrom = i;
      continue;
    }
    if (nextGt !== Number.POSITIVE_INFINITY && nextGt < lt) {
      const found = content.indexOf('>', lt);
      nextGt = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    // A "<" before the next ">" means this one opens no tag; skipping to it keeps every character scanned once.
    const nextLt = content.indexOf('<', lt + 1);
    if (nextLt !== -1 && nextLt < nextGt) {
      i = nextLt;
      continue;
    }
    const m = nextGt - lt <= MAX_TAG ? TAG.exec(content.slice(lt, nextGt + 1)) : null;
    if (!m) {
      i = lt + 1;
      continue;
    }
    emitText(textFrom, lt);
    events.tag(m[1] === '/', (m[2] as string).toLowerCase(), posAt(lt));
    i = nextGt + 1;
    textFrom = i;
  }
  emitText(textFrom, content.length);
}

function leadingBlank(content: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(content[i] as string)) i++;
  return i - from;
}
