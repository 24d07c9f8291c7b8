// A requirement keeps its identity across PRD versions: the same author id is the same requirement (its text may
// change — that is recorded); a requirement without an author id is found again by its words, and keeps the id it
// was given the first time. Pure; the server stores the result, the editor shows it.
import type { ExtractedRequirement } from './requirements.ts';

export type Change = 'same' | 'changed' | 'added';

export type TrackedRequirement = ExtractedRequirement & {
  change: Change;
  /** The text in the previous version, when it changed. */
  previousText?: string;
};

export type VersionComparison = { requirements: TrackedRequirement[]; removed: ExtractedRequirement[] };

/** Two texts are the same requirement reworded when they share at least this share of their content words. */
const SAME_WORDS = 0.5;

const keyOf = (id: string) => id.toUpperCase().replace(/[-_\s]/g, '');

export function compareVersions(
  previous: readonly ExtractedRequirement[],
  current: readonly ExtractedRequirement[],
): VersionComparison {
  const byKey = new Map(previous.filter((r) => !r.generated).map((r) => [keyOf(r.id), r]));
  const unmatched = new Set(previous);
  const tracked: TrackedRequirement[] = [];
  const pending: ExtractedRequirement[] = [];
  for (const req of current) {
    const before = req.generated ? undefined : byKey.get(keyOf(req.id));
    if (before) {
      unmatched.delete(before);
      tracked.push(withChange(req, before));
    } else if (req.generated) pending.push(req);
    else tracked.push({ ...req, change: 'added' });
  }
  // Requirements without author ids: the closest unmatched previous one by words, if close enough.
  for (const req of pending) {
    let best: ExtractedRequirement | undefined;
    let bestScore = SAME_WORDS;
    for (const candidate of unmatched) {
      if (!candidate.generated) continue;
      const score = overlap(req.text, candidate.text);
      if (score >= bestScore) [best, bestScore] = [candidate, score];
    }
    if (best) {
      unmatched.delete(best);
      tracked.push(withChange({ ...req, id: best.id }, best));
    } else tracked.push({ ...req, change: 'added' });
  }
  const order = new Map(current.map((r, i) => [r, i]));
  tracked.sort((a, b) => a.line - b.line || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { requirements: renumberClashes(tracked, previous), removed: [...unmatched] };
}

function withChange(req: ExtractedRequirement, before: ExtractedRequirement): TrackedRequirement {
  return req.text === before.text
    ? { ...req, change: 'same' }
    : { ...req, change: 'changed', previousText: before.text };
}

/**
 * A new requirement without an author id is numbered in this version alone; if that id was already given to an
 * earlier requirement (matched or removed), it moves past every id used so far, so ids are never reused.
 */
function renumberClashes(
  tracked: TrackedRequirement[],
  previous: readonly ExtractedRequirement[],
): TrackedRequirement[] {
  const used = new Set(
    [...previous, ...tracked.filter((r) => r.change !== 'added' || !r.generated)].map((r) => keyOf(r.id)),
  );
  const highest = new Map<string, number>();
  for (const key of used) {
    const m = /^(.*?)(\d+)$/.exec(key);
    if (m) highest.set(m[1] as string, Math.max(highest.get(m[1] as string) ?? 0, Number(m[2])));
  }
  return tracked.map((req) => {
    if (req.change !== 'added' || !req.generated || !used.has(keyOf(req.id))) {
      used.add(keyOf(req.id));
      return req;
    }
    const m = /^(.*?)(\d+)$/.exec(req.id) as RegExpExecArray;
    const stem = keyOf(m[1] as string);
    const n = (highest.get(stem) ?? 0) + 1;
    highest.set(stem, n);
    const id = `${m[1]}${n}`;
    used.add(keyOf(id));
    return { ...req, id };
  });
}

/** Share of the shorter text's content words that the other text has too. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((w) => w.replace(/(?:ing|ed|es|s)$/, '')));
}
