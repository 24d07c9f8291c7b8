// Line diff between two versions, in the shape the API and the web diff view share.
import { diffLines } from 'diff';
import type { Diff, DiffLine } from '../contract/documents.ts';

export type LineDiff = Omit<Diff, 'from' | 'to'>;

// Myers' diff is O(N·D): on two huge, unrelated texts it could run for seconds. Past this budget we
// fall back to "everything removed, everything added", which is correct, only less precise.
const DIFF_TIMEOUT_MS = 2_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function lineDiff(oldText: string, newText: string): LineDiff {
  const changes = diffLines(oldText, newText, { timeout: DIFF_TIMEOUT_MS });
  const parts = changes ?? [
    { value: oldText, removed: true, added: false },
    { value: newText, added: true, removed: false },
  ];
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    for (const text of splitLines(part.value)) {
      if (part.added) {
        lines.push({ type: 'add', text, newLine: newLine++ });
        added++;
      } else if (part.removed) {
        lines.push({ type: 'del', text, oldLine: oldLine++ });
        removed++;
      } else {
        lines.push({ type: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  return { stats: { added, removed }, lines };
}
