// YAML front matter (`---` … `---` at the very top) becomes a version's metadata.
import { parse } from 'yaml';

export type FrontMatterResult =
  | { ok: true; metadata: Record<string, unknown>; content: string; hasFrontMatter: boolean }
  | { ok: false; error: string };

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits front matter from Markdown. `content` is the text after it; callers decide whether to keep
 * the front matter in the stored body (we do, so an export round-trips byte for byte).
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const normalized = text.replace(/^\uFEFF/, '');
  const open = OPEN.exec(normalized);
  if (!open) return { ok: true, metadata: {}, content: normalized, hasFrontMatter: false };
  const rest = normalized.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: true, metadata: {}, content: normalized, hasFrontMatter: false };
  const yamlText = rest.slice(0, close.index);
  const content = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  let value: unknown;
  try {
    // The core schema keeps dates as strings: metadata must survive a JSON round trip unchanged.
    value = parse(yamlText, { schema: 'core', maxAliasCount: 50, uniqueKeys: true });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? 'unreadable';
    return { ok: false, error: `front matter is not valid YAML: ${message}` };
  }
  if (value === null || value === undefined) return { ok: true, metadata: {}, content, hasFrontMatter: true };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'front matter must be a YAML mapping of keys to values' };
  }
  return { ok: true, metadata: toJsonSafe(value) as Record<string, unknown>, content, hasFrontMatter: true };
}

/** JSON-compatible copy: drops values JSON cannot carry (functions, undefined), keeps structure. */
function toJsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** `title` from front matter when it is a non-empty string. */
export function frontMatterTitle(metadata: Record<string, unknown>): string | null {
  const t = metadata.title;
  return typeof t === 'string' && t.trim() ? t.trim() : null;
}
