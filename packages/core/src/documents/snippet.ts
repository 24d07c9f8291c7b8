// Search snippets: the database marks hits with marker strings; the Markdown around them becomes plain text and
// everything is escaped here, so a document containing `<script>` can never inject markup into the results list.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A table's delimiter row, or what a snippet window left of one (`|---|:--:|`, `--- | ---|`). */
const TABLE_RULE = /\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*(?=\s|$))?/g;
const THEMATIC_BREAK = /^\s*(?:[-*_=]\s*){3,}$/;
const LINE_MARKUP = /^\s*(?:#{1,6}\s+|>\s?|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)/;
const CELL = ' · ';

/**
 * Markdown source as the plain text a reader sees: table cells separated by " · " instead of pipes, no delimiter
 * rows or rules, no heading, quote, list or task markers, emphasis, code ticks or link targets. A search snippet is
 * a window cut anywhere in the source (table rows included), so this works on fragments and never needs the rest.
 */
export function markdownToPlainText(source: string): string {
  return source
    .split(/\r?\n/)
    .filter((line) => !THEMATIC_BREAK.test(line))
    .map((line) => line.replace(LINE_MARKUP, ''))
    .join('\n')
    .replace(TABLE_RULE, ' ')
    .replace(/[ \t]*(?<!\\)\|[ \t]*/g, CELL)
    .replace(/(?: · )+/g, CELL)
    .replace(/^ · | · $/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/`+/g, '');
}

/**
 * A search snippet as HTML: the Markdown window reduced to plain text, escaped, with `start…stop` marker pairs
 * turned into `<mark>…</mark>`. Markers must be made of characters escapeHtml leaves alone (letters, digits) so
 * they survive escaping intact.
 */
export function markersToHtml(text: string, start: string, stop: string): string {
  const collapsed = markdownToPlainText(text).replace(/\s+/g, ' ').trim();
  return escapeHtml(collapsed).split(start).join('<mark>').split(stop).join('</mark>');
}
