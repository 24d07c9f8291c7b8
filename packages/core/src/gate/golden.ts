// Fixes cite the Golden PRD library: for each criterion, the approved passage closest to the document — same
// product type first, then the most words in common with the document's topic, then same subsidiary (ties keep
// the library's order, for determinism). A passage is quoted whole sentences at a time, and once per section.
import type { GoldenPassage, ScoreOptions } from './types.ts';

/** Content words of a text (lower case, four letters or more): enough to tell a payments PRD from a school's. */
export function topicWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

export function bestGolden(
  criterion: string,
  options: ScoreOptions,
  topic?: ReadonlySet<string>,
): GoldenPassage | null {
  let best: GoldenPassage | null = null;
  let bestRank = -1;
  for (const passage of options.golden ?? []) {
    if (passage.criterion !== criterion || !passage.text.trim()) continue;
    const sameSubsidiary = !!options.subsidiary && passage.subsidiary === options.subsidiary;
    const sameType = !!options.productType && passage.productType === options.productType;
    let shared = 0;
    if (topic) for (const w of topicWords(passage.text)) if (topic.has(w)) shared++;
    const rank = (sameType ? 10_000 : 0) + Math.min(shared, 999) * 2 + (sameSubsidiary ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [passage, rank];
  }
  return best;
}

const MAX_QUOTE = 320;

/** Whole sentences (or list items) up to MAX_QUOTE characters; list markers and line breaks kept as "·". */
export function quotePassage(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/, '').trim())
    .filter(Boolean);
  let out = '';
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const next = out
        ? `${out}${out.endsWith('.') || out.endsWith('!') || out.endsWith('?') ? ' ' : ' · '}${sentence}`
        : sentence;
      if (next.length > MAX_QUOTE) return out || `${sentence.slice(0, sentence.lastIndexOf(' ', MAX_QUOTE))}…`;
      out = next;
    }
  }
  return out;
}

export function citeGolden(fix: string, passage: GoldenPassage | null): string {
  if (!passage) return fix;
  const from = passage.source ? ` (${passage.source})` : '';
  return `${fix} Golden example${from}: "${quotePassage(passage.text)}"`;
}

/**
 * The passage as Markdown for a page that renders it: whole lines (list items keep their markers) up to MAX_QUOTE
 * characters; a first line longer than that is cut after its last whole sentence that fits.
 */
export function goldenMarkdown(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > MAX_QUOTE) {
      if (out) return out;
      const sentences = line.split(/(?<=[.!?])\s+/);
      let cut = '';
      for (const sentence of sentences) {
        if ((cut ? `${cut} ${sentence}` : sentence).length > MAX_QUOTE) break;
        cut = cut ? `${cut} ${sentence}` : sentence;
      }
      return cut || `${line.slice(0, line.lastIndexOf(' ', MAX_QUOTE))}…`;
    }
    out = next;
  }
  return out;
}
