// YAML front matter at the top of a document. The lines are blanked (not removed) before Markdown parsing so
// every later line keeps its number.
import { parse } from 'yaml';
import type { FrontMatter, MetadataEntry } from './model.ts';

const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const MAX_LINES = 500;

export type FrontMatterSplit = { frontMatter: FrontMatter | null; body: string; entries: MetadataEntry[] };

export function splitFrontMatter(lines: readonly string[], text: string): FrontMatterSplit {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return { frontMatter: null, body: text, entries: [] };
  let end = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    if (CLOSE.test(lines[i] as string)) {
      end = i;
      break;
    }
  }
  if (end < 0) return { frontMatter: null, body: text, entries: [] };
  const yamlLines = lines.slice(1, end);
  let data: Record<string, unknown> | null = null;
  let error: string | null = null;
  try {
    const value: unknown =
      simpleMapping(yamlLines) ?? parse(yamlLines.join('\n'), { schema: 'core', maxAliasCount: 50 });
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    else if (value !== null && value !== undefined) error = 'front matter is not a mapping of keys to values';
  } catch (err) {
    error = `front matter is not valid YAML: ${String((err as Error).message).split('\n')[0]}`;
  }
  const blank = '\n'.repeat(end + 1);
  const rest = lines.slice(end + 1).join('\n');
  return {
    frontMatter: { line: 1, endLine: end + 1, data, error },
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
