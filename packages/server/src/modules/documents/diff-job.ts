// The diff response, computed and serialised in one place: inline for short documents, in a pool worker (job
// `documents.diff`) for long ones, where both the diff (up to ~2 s: Myers is O(N·D)) and the JSON of a
// 100,000-line answer stay off the event loop.
import type { Diff } from '@pi-studio/core/contract/documents';
import { lineDiff } from '@pi-studio/core/documents/diff';

export type DiffInput = { from: string | null; to: string; oldText: string; newText: string };

/**
 * Diffs with at most this many lines on both sides together run inline: the worst case measured here (two
 * unrelated 250-line texts) took ~20 ms, about what a round trip to a cold worker costs. Two unrelated
 * 1,000-line texts took ~130 ms, 2,000-line ones ~0.5 s: those go to the pool.
 */
export const DIFF_INLINE_MAX_LINES = 500;
/** Long lines make each comparison dearer; past this many characters in total a diff goes to the pool too. */
export const DIFF_INLINE_MAX_CHARS = 100_000;

export function diffResponseJson({ from, to, oldText, newText }: DiffInput): string {
  const diff: Diff = { from, to, ...lineDiff(oldText, newText) };
  return JSON.stringify(diff);
}

function lineCount(text: string, stopAfter: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n <= stopAfter; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function diffFitsInline({ oldText, newText }: DiffInput): boolean {
  if (oldText.length + newText.length > DIFF_INLINE_MAX_CHARS) return false;
  return lineCount(oldText, DIFF_INLINE_MAX_LINES) + lineCount(newText, DIFF_INLINE_MAX_LINES) <= DIFF_INLINE_MAX_LINES;
}
