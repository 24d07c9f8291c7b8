// Word lists and heading synonyms are data; here they become regexes once per rubric and language.
import { type Headings, TOPICS, type Topic, type WordListName, type WordLists } from './lexicon.ts';
import { PhraseMatcher } from './phrases.ts';

export type CompiledLexicon = {
  /** The clarity lists (vague, loopholes, openEnded, weak, totality) in one matcher. */
  smells: PhraseMatcher;
  placeholders: PhraseMatcher;
  aiLeftovers: RegExp;
  /** Which topics a heading is about. */
  topicsOf(title: string): Topic[];
};

export const SMELL_LISTS = ['vague', 'loopholes', 'openEnded', 'weak', 'totality'] as const satisfies readonly WordListName[];

const WORDY = /[\p{L}\p{N}]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One alternation per list, longest entries first so "should be able to" wins over "be able to". Word
 * boundaries only where an entry starts or ends with a letter ("???" and "etc." match in any context).
 */
export function phraseRegex(entries: readonly string[], flags = 'giu'): RegExp {
  const unique = [...new Set(entries.map((e) => e.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  );
  if (unique.length === 0) return /(?!)/gu;
  // Entries are grouped by which ends need a boundary so each Unicode class appears at most a few times:
  // one class per alternative made compiling the lists take seconds and matching 6× slower.
  const groups = new Map<string, string[]>();
  for (const entry of unique) {
    const start = WORDY.test(entry[0] as string) ? BOUNDARY_BEFORE : '';
    const end = WORDY.test(entry[entry.length - 1] as string) ? BOUNDARY_AFTER : '';
    const key = `${start}\u0000${end}`;
    groups.set(key, [...(groups.get(key) ?? []), escape(entry).replace(/(?:\\-|\s)+/g, '[-\\s]+')]);
  }
  const parts = [...groups].map(([key, bodies]) => {
    const [start, end] = key.split('\u0000');
    return `${start}(?:${bodies.join('|')})${end}`;
  });
  return new RegExp(parts.join('|'), flags);
}

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_])';

/** "2.3 Non-goals:" → "non-goals". */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+/, '')
    .replace(/[^\p{L}\p{N}'’&/ -]+/gu, ' ')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function compileLexicon(words: WordLists, headings: Headings): CompiledLexicon {
  const smells = new PhraseMatcher(Object.fromEntries(SMELL_LISTS.map((name) => [name, words[name]])));
  const headingRegexes = TOPICS.map((topic) => [topic, phraseRegex(headings[topic])] as const);
  const cache = new Map<string, Topic[]>();
  return {
    smells,
    placeholders: new PhraseMatcher({ placeholders: words.placeholders }),
    // Leftovers are matched as substrings: "citeturn0search1" has no word boundary after "citeturn".
    aiLeftovers: new RegExp(words.aiLeftovers.map((e) => escape(e.toLowerCase())).join('|') || '(?!)', 'gi'),
    topicsOf(title: string): Topic[] {
      const key = normaliseHeading(title);
      let topics = cache.get(key);
      if (!topics) {
        topics = classify(key, headingRegexes);
        if (cache.size < 5000) cache.set(key, topics);
      }
      return topics;
    },
  };
}

type Match = { topic: Topic; start: number; end: number };

/** All synonym matches, minus those inside a longer match ("goals" inside "non-goals" is not a goal). */
function classify(heading: string, regexes: readonly (readonly [Topic, RegExp])[]): Topic[] {
  if (!heading) return [];
  const matches: Match[] = [];
  for (const [topic, regex] of regexes) {
    regex.lastIndex = 0;
    for (let m = regex.exec(heading); m; m = regex.exec(heading)) {
      matches.push({ topic, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) regex.lastIndex++;
    }
  }
  const kept = matches.filter(
    (a) => !matches.some((b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start),
  );
  return TOPICS.filter((topic) => kept.some((m) => m.topic === topic));
}
