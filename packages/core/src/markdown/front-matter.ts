// YAML front matter (`---` … `---` or `...` at the very top of a document), read by one YAML rule for two
// callers: parseFrontMatter gives a document version its stored metadata and the text after the block;
// splitFrontMatter gives the gate a body whose front-matter lines are blanked (not removed) before Markdown parsing
// so every later line keeps its number.
import { parse } from 'yaml';
import type { FrontMatter, MetadataEntry } from './model.ts';

const OPEN = /^---[ \t]*\n/;
const CLOSE_LINE = /^(?:---|\.\.\.)[ \t]*$/;
const CLOSE_IN_TEXT = new RegExp(CLOSE_LINE.source, 'm');
/** The gate looks this far for the closing line; a lone `---` rule at the top of a long document is not YAML. */
const MAX_LINES = 500;

type YamlMapping = { ok: true; data: Record<string, unknown> | null } | { ok: false; error: string };

/** The block's YAML as a mapping (`null` when empty); anything else is an error people can act on. */
function parseYamlMapping(yamlText: string): YamlMapping {
  let value: unknown;
  try {
    // The core schema keeps dates as strings: metadata must survive a JSON round trip unchanged.
    value = parse(yamlText, { schema: 'core', maxAliasCount: 50, uniqueKeys: true });
  } catch (err) {
    return { ok: false, error: `front matter is not valid YAML: ${String((err as Error).message).split('\n')[0]}` };
  }
  if (value === null || value === undefined) return { ok: true, data: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'front matter must be a YAML mapping of keys to values' };
  }
  return { ok: true, data: value as Record<string, unknown> };
}

export type FrontMatterResult =
  | { ok: true; metadata: Record<string, unknown>; content: string; hasFrontMatter: boolean }
  | { ok: false; error: string };

/**
 * Splits front matter from Markdown. `content` is the text after it; callers decide whether to keep
 * the front matter in the stored body (we do, so an export round-trips byte for byte).
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const normalized = text.replace(/^\uFEFF/, '');
  const open = OPEN.exec(normalized);
  if (!open) return { ok: true, metadata: {}, content: normalized, hasFrontMatter: false };
  const rest = normalized.slice(open[0].length);
  const close = CLOSE_IN_TEXT.exec(rest);
  if (!close) return { ok: true, metadata: {}, content: normalized, hasFrontMatter: false };
  const content = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  const parsed = parseYamlMapping(rest.slice(0, close.index));
  if (!parsed.ok) return parsed;
  return { ok: true, metadata: parsed.data ? toJsonSafe(parsed.data) : {}, content, hasFrontMatter: true };
}

/** JSON-compatible copy: drops values JSON cannot carry (functions, undefined), keeps structure. */
function toJsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** `title` from front matter when it is a non-empty string. */
export function frontMatterTitle(metadata: Record<string, unknown>): string | null {
  const t = metadata.title;
  return typeof t === 'string' && t.trim() ? t.trim() : null;
}

export type FrontMatterSplit = { frontMatter: FrontMatter | null; body: string; entries: MetadataEntry[] };

export function splitFrontMatter(lines: readonly string[], text: string): FrontMatterSplit {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return { frontMatter: null, body: text, entries: [] };
  let end = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    if (CLOSE_LINE.test(lines[i] as string)) {
      end = i;
      break;
    }
  }
  if (end < 0) return { frontMatter: null, body: text, entries: [] };
  const yamlLines = lines.slice(1, end);
  const simple = simpleMapping(yamlLines);
  const parsed: YamlMapping = simple ? { ok: true, data: simple } : parseYamlMapping(yamlLines.join('\n'));
  const data = parsed.ok ? parsed.data : null;
  const blank = '\n'.repeat(end + 1);
  const rest = lines.slice(end + 1).join('\n');
  return {
    frontMatter: { line: 1, endLine: end + 1, data, error: parsed.ok ? null : parsed.error },
    body: blank + rest,
    entries: data ? entriesOf(data, yamlLines) : [],
  };
}

function entriesOf(data: Record<string, unknown>, yamlLines: readonly string[]): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  for (const [key, value] of Object.entries(data)) {
    const index = yamlLines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`));
    const line = index < 0 ? 1 : index + 2;
    entries.push({
      key: key.toLowerCase(),
      value: scalarText(value),
      line,
      column: 1,
      text: yamlLines[index] ?? key,
      source: 'front-matter',
    });
  }
  return entries;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(scalarText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SIMPLE_LINE = /^([A-Za-z_][\w -]{0,60}):(?:[ \t]+(.*))?$/;
const NEEDS_YAML = /^[[{|>&*!'"#%@`]|\s#/;

/**
 * Most front matter is flat `key: value` lines; those are read directly (the YAML parser costs more than the
 * rest of the gate for a small document). Anything else — lists, quotes, nesting — goes to the YAML parser.
 */
function simpleMapping(lines: readonly string[]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1] as string;
    const raw = (m[2] ?? '').trim();
    if (NEEDS_YAML.test(raw) || key in out) return null;
    out[key] = scalar(raw);
  }
  return out;
}

/** YAML core-schema scalars: null, booleans, numbers; everything else stays a string (dates included). */
function scalar(raw: string): unknown {
  if (raw === '' || raw === '~' || /^null$/i.test(raw)) return null;
  if (/^(?:true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^[-+]?(?:\d+|\d*\.\d+)(?:e[-+]?\d+)?$/i.test(raw)) return Number(raw);
  return raw;
}
