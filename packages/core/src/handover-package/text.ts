// Text that goes into generated Markdown: user-typed titles, names and reasons. NUL and other control characters
// would corrupt the stored file (PostgreSQL refuses NUL) and lone surrogates break UTF-8 export, so both are
// replaced; pipes and line breaks would break a table row, and '<' would turn text into HTML.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Longer user text is cut: a generated document stays readable whatever was pasted into one field. */
export const MAX_FIELD_CHARS = 2000;

/** Safe plain text: no control characters, no lone surrogates, trimmed, cut to `max`. */
export function cleanText(value: unknown, max = MAX_FIELD_CHARS): string {
  if (typeof value !== 'string') return '';
  const clean = value.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** True when text holds what cannot be stored as is: control characters (tabs and line breaks aside), lone surrogates. */
export function hasUnsafeCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}

/** A list from input that should be one (JSON from a client may hold anything). */
export function listOf<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** True when the value is a string with visible content once cleaned. */
export function hasText(value: unknown): value is string {
  return cleanText(value) !== '';
}

/** One line of Markdown text (list item, paragraph, heading): no line breaks, HTML escaped, markup kept literal. */
export function mdInline(value: unknown): string {
  return cleanText(value)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/([*_`[\]])/g, '\\$1')
    .replace(/^#/, '\\#');
}

/** A table cell: inline text with pipes escaped; an empty cell shows a dash so the row keeps its shape. */
export function mdCell(value: unknown): string {
  const text = mdInline(value).replace(/\|/g, '\\|');
  return text === '' ? '—' : text;
}

/** A Markdown table from a header and rows of already-plain values. */
export function mdTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${header.map((_, i) => mdCell(row[i])).join(' | ')} |`),
  ];
}
