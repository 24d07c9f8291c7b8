// Word lists and heading synonyms are data; here they become matchers once per rubric and language.
import { type Headings, TOPICS, type Topic, type WordListName, type WordLists } from './lexicon.ts';
import { PhraseMatcher } from './phrases.ts';

export type CompiledLexicon = {
  /** Clarity lists (vague, loopholes, openEnded, weak, totality) and placeholders: one pass per text finds all. */
  phrases: PhraseMatcher;
  placeholders: PhraseMatcher;
  aiLeftovers: RegExp;
  /** Which topics a heading is about. */
  topicsOf(title: string): Topic[];
};

export const SMELL_LISTS = [
  'vague',
  'loopholes',
  'openEnded',
  'weak',
  'totality',
] as const satisfies readonly WordListName[];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

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
  const phrases = new PhraseMatcher({
    ...Object.fromEntries(SMELL_LISTS.map((name) => [name, words[name]])),
    placeholders: words.placeholders,
  });
  const headingMatcher = new PhraseMatcher(headings);
  const cache = new Map<string, Topic[]>();
  return {
    phrases,
    placeholders: new PhraseMatcher({ placeholders: words.placeholders }),
    // Leftovers are matched as substrings: "citeturn0search1" has no word boundary after "citeturn".
    aiLeftovers: new RegExp(words.aiLeftovers.map((e) => escapeRegex(e.toLowerCase())).join('|') || '(?!)', 'gi'),
    topicsOf(title: string): Topic[] {
      const key = normaliseHeading(title);
      let topics = cache.get(key);
      if (!topics) {
        topics = classify(key, headingMatcher);
        if (cache.size < 5000) cache.set(key, topics);
      }
      return topics;
    },
  };
}

/** All synonym matches, minus those inside a longer match ("goals" inside "non-goals" is not a goal). */
function classify(heading: string, matcher: PhraseMatcher): Topic[] {
  if (!heading) return [];
  const matches = matcher.all(heading);
  const kept = matches.filter(
    (a) => !matches.some((b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start),
  );
  return TOPICS.filter((topic) => kept.some((m) => m.list === topic));
}
