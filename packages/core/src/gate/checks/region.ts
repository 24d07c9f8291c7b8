// The content of every section a criterion reads (e.g. risks + dependencies + assumptions), deduplicated.
import type { Section } from '../../markdown/model.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import type { Topic } from '../lexicon.ts';

export type Region = {
  sections: Section[];
  /** Content units (no headings, no table header cells), document order. */
  units: TextUnit[];
  /** Meaningful words across the region (placeholders and labels over placeholders do not count), up to `cap`. */
  countWords(cap?: number): number;
  /** At least `n` meaningful words: most checks only need to know whether a section has real content. */
  hasWords(n: number): boolean;
};

const memo = new WeakMap<DocFacts, Map<string, Region>>();

/** Memoised per document: most checks ask for the same regions. */
export function region(facts: DocFacts, ...topics: Topic[]): Region {
  let byKey = memo.get(facts);
  if (!byKey) {
    byKey = new Map();
    memo.set(facts, byKey);
  }
  const key = topics.join('+');
  let found = byKey.get(key);
  if (!found) {
    found = computeRegion(facts, topics);
    byKey.set(key, found);
  }
  return found;
}

function computeRegion(facts: DocFacts, topics: readonly Topic[]): Region {
  const all = [...new Set(topics.flatMap((t) => facts.regions(t)))].sort((a, b) => a.index - b.index);
  // Pre-order: a section inside an earlier kept one is already covered by it.
  const unique: Section[] = [];
  let coveredTo = -1;
  for (const section of all) {
    if (section.index <= coveredTo) continue;
    unique.push(section);
    coveredTo = facts.subtreeEnd(section);
  }
  const units: TextUnit[] = [];
  for (const section of unique) {
    for (const unit of facts.unitsIn(section)) if (unit.kind !== 'heading' && !unit.header) units.push(unit);
  }
  units.sort((a, b) => a.order - b.order);
  const countWords = (cap = Number.POSITIVE_INFINITY) => {
    let words = 0;
    for (const section of unique) {
      if (words >= cap) break;
      words += facts.contentWords(section, cap - words);
    }
    return words;
  };
  return { sections: unique, units, countWords, hasWords: (n) => countWords(n) >= n };
}

/** Plain text of a table row with its header names, so "Target (Q3)" in a header still counts as a timeframe. */
export function rowText(unit: TextUnit): string {
  if (!unit.row || unit.block.kind !== 'table') return unit.text;
  const header = unit.block.header;
  return unit.row.cells.map((c, i) => `${header[i]?.text ?? ''}: ${c.text}`).join(' | ');
}

/** One unit per table row (its first cell), items and paragraphs as they are. */
export function statements(units: readonly TextUnit[]): TextUnit[] {
  return units.filter((u) => u.kind !== 'cell' || u.cell === 0);
}
