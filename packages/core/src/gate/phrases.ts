// Word-list matching by tokens instead of regex alternations: one pass over a text finds the phrases of every
// list at once ("should be able to", "and/or", "TBD"). Case-insensitive, whole words only; for the gate's
// hottest loop this is several times faster than Unicode-aware regexes with lookbehind.
import { nextWordStart, wordEnd, wordSpans } from '../markdown/text.ts';

export type PhraseHit = { list: string; start: number; end: number; text: string };

/** Word tokens of a text: the `count` first entries of `starts` and `ends` (dashes and underscores split words). */
export type Tokens = { readonly starts: readonly number[]; readonly ends: readonly number[]; readonly count: number };

type Phrase = { list: string; tokens: string[]; separators: string };

/** Tokens are words whose dashes and underscores split them, so "non-goals" matches the phrase "non goals". */
const tokenize = (text: string, starts: number[], ends: number[]) => wordSpans(text, starts, ends, true);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Lower-case a char code (ASCII fast path) so tokens are compared and hashed without allocating strings. */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c | 0x20;
  if (c < 128) return c;
  // Non-ASCII code units are lower-cased once each (stored + 1: 0 is "not yet").
  let lower = LOWER[c] as number;
  if (lower === 0) {
    lower = String.fromCharCode(c).toLowerCase().charCodeAt(0) + 1;
    LOWER[c] = lower;
  }
  return lower - 1;
}
const LOWER = new Uint32Array(0x10000);

function hashToken(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(text.charCodeAt(i)), 16777619);
  return h >>> 0;
}

function sameToken(text: string, start: number, end: number, token: string): boolean {
  if (end - start !== token.length) return false;
  for (let i = 0; i < token.length; i++)
    if (lowerCode(text.charCodeAt(start + i)) !== token.charCodeAt(i)) return false;
  return true;
}

export class PhraseMatcher {
  /** Phrases by the hash of their first token, longest phrase first. */
  private readonly byFirst = new Map<number, Phrase[]>();
  /** Phrase first tokens by (length, first and last letter), one bit each: most words are ruled out before hashing. */
  private readonly firstShapes = new Uint32Array(SHAPES / 32);
  /** Entries without letters ("???") are matched literally. */
  private readonly literal: RegExp | null;
  private readonly literalLists = new Map<string, string>();
  // Scratch arrays reused across calls: no closures or per-call arrays in the hottest loop of the gate.
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Tokens of the text last tokenised (the scratch arrays are not shrunk between texts). */
  private count = 0;
  private lastText: string | null = null;
  private readonly lastTokens = { starts: this.starts, ends: this.ends, count: 0 };
  /** First characters of the literal entries: a text without any of them skips the literal regex. */
  private readonly literalStarts: string[];

  constructor(lists: Readonly<Record<string, readonly string[]>>) {
    const literals: string[] = [];
    for (const [list, entries] of Object.entries(lists)) {
      for (const entry of entries) {
        const starts: number[] = [];
        const ends: number[] = [];
        tokenize(entry, starts, ends);
        if (starts.length === 0) {
          literals.push(entry);
          this.literalLists.set(entry, list);
          continue;
        }
        const tokens = starts.map((s, i) => entry.slice(s, ends[i]).toLowerCase());
        let separators = ' \t\n-';
        for (let i = 1; i < starts.length; i++) separators += entry.slice(ends[i - 1], starts[i]);
        const first = tokens[0] as string;
        const shape = shapeOf(first, 0, first.length);
        this.firstShapes[shape >>> 5] = (this.firstShapes[shape >>> 5] as number) | (1 << (shape & 31));
        const key = hashToken(first, 0, first.length);
        const phrases = this.byFirst.get(key) ?? [];
        phrases.push({ list, tokens, separators });
        this.byFirst.set(key, phrases);
      }
    }
    for (const phrases of this.byFirst.values()) phrases.sort((a, b) => b.tokens.length - a.tokens.length);
    const unique = [...new Set(literals)].sort((a, b) => b.length - a.length);
    this.literal = unique.length > 0 ? new RegExp(unique.map(escapeRegex).join('|'), 'g') : null;
    this.literalStarts = [...new Set(unique.map((entry) => entry.charAt(0)))];
  }

  /** Every non-overlapping hit, in text order per kind (word phrases first, then literals). */
  find(text: string, visit: (hit: PhraseHit) => void): void {
    for (const hit of this.hits(text)) visit(hit);
  }

  hits(text: string): PhraseHit[] {
    return this.scan(text).hits;
  }

  /** Hits plus the number of word tokens seen (a free word count for density measures). */
  scan(text: string): { hits: PhraseHit[]; tokens: number } {
    const { starts, ends } = this;
    const count = this.tokenizeInto(text);
    const hits: PhraseHit[] = [];
    for (let i = 0; i < count; i++) {
      const matched = this.longestAt(text, i);
      if (!matched) continue;
      const start = starts[i] as number;
      const last = i + matched.tokens.length - 1;
      const end = ends[last] as number;
      hits.push({ list: matched.list, start, end, text: text.slice(start, end) });
      i = last;
    }
    if (this.literal && this.literalStarts.some((c) => text.includes(c))) {
      this.literal.lastIndex = 0;
      for (let m = this.literal.exec(text); m; m = this.literal.exec(text)) {
        hits.push({ list: this.literalLists.get(m[0]) ?? '', start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
    return { hits, tokens: count };
  }

  /** Every phrase at every position, overlaps included ("non goals" and "goals" inside it). */
  all(text: string): PhraseHit[] {
    const { starts, ends } = this;
    const count = this.tokenizeInto(text);
    const out: PhraseHit[] = [];
    for (let i = 0; i < count; i++) {
      for (const p of this.candidatesAt(text, i)) {
        if (!this.matchesAt(p, text, i)) continue;
        const start = starts[i] as number;
        const end = ends[i + p.tokens.length - 1] as number;
        out.push({ list: p.list, start, end, text: text.slice(start, end) });
      }
    }
    return out;
  }

  /** The first hit, or null. */
  first(text: string): PhraseHit | null {
    let found: PhraseHit | null = null;
    for (const hit of this.hits(text)) if (!found || hit.start < found.start) found = hit;
    return found;
  }

  /** The text with every hit replaced by spaces (offsets stay valid). */
  blank(text: string): string {
    let out = '';
    let at = 0;
    const hits = this.hits(text);
    if (hits.length === 0) return text;
    hits.sort((a, b) => a.start - b.start);
    for (const hit of hits) {
      if (hit.start < at) continue;
      out += text.slice(at, hit.start) + ' '.repeat(hit.end - hit.start);
      at = hit.end;
    }
    return out + text.slice(at);
  }

  /** Fills the scratch arrays from index 0 and returns the token count (entries past it are stale). */
  private tokenizeInto(text: string): number {
    const { starts, ends } = this;
    let count = 0;
    for (let start = nextWordStart(text, 0), end = 0; start < text.length; start = nextWordStart(text, end)) {
      end = wordEnd(text, start, true);
      starts[count] = start;
      ends[count] = end;
      count++;
    }
    this.count = count;
    this.lastTokens.count = count;
    this.lastText = text;
    return count;
  }

  /**
   * The tokens of `text` when it is the text this matcher tokenised last, else null: a caller that needs the words of
   * a text just scanned reads them here instead of scanning it again. Valid until the next call on this matcher.
   */
  tokensOf(text: string): Tokens | null {
    return this.lastText === text ? this.lastTokens : null;
  }

  private candidatesAt(text: string, i: number): readonly Phrase[] {
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    const shape = shapeOf(text, start, end);
    if (((this.firstShapes[shape >>> 5] as number) & (1 << (shape & 31))) === 0) return NONE;
    return this.byFirst.get(hashToken(text, start, end)) ?? NONE;
  }

  private longestAt(text: string, i: number): Phrase | null {
    for (const p of this.candidatesAt(text, i)) if (this.matchesAt(p, text, i)) return p;
    return null;
  }

  private matchesAt(p: Phrase, text: string, i: number): boolean {
    const { starts, ends } = this;
    if (i + p.tokens.length > this.count) return false;
    for (let k = 0; k < p.tokens.length; k++) {
      if (!sameToken(text, starts[i + k] as number, ends[i + k] as number, p.tokens[k] as string)) return false;
      if (k === 0) continue;
      const gapStart = ends[i + k - 1] as number;
      const gapEnd = starts[i + k] as number;
      if (gapEnd - gapStart > 3) return false;
      const gap = text.slice(gapStart, gapEnd);
      for (const ch of gap) if (!p.separators.includes(ch)) return false;
    }
    return true;
  }
}

const NONE: readonly Phrase[] = [];

/**
 * Lengths above 15 share a bucket, and characters beyond ASCII the last 7 bits of their lower-cased code: a shared
 * shape only lets more words through to the hash lookup, it never rules out a word that can match.
 */
const SHAPES = 16 * 128 * 128;

function shapeOf(text: string, start: number, end: number): number {
  const length = Math.min(end - start, 15);
  const first = lowerCode(text.charCodeAt(start)) & 127;
  const last = lowerCode(text.charCodeAt(end - 1)) & 127;
  return (length << 14) | (first << 7) | last;
}
