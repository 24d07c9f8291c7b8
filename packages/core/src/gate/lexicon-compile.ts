// Word lists and heading synonyms are data; here they become matchers once per rubric and language.
import { type Headings, TOPICS, type Topic, type WordListName, type WordLists } from './lexicon.ts';
import { PhraseMatcher } from './phrases.ts';
import { AsciiSubstringSet } from './substring-set.ts';

export type CompiledLexicon = {
  /** Clarity lists (vague, loopholes, openEnded, weak, totality) and placeholders: one pass per text finds all. */
  phrases: PhraseMatcher;
  placeholders: PhraseMatcher;
  aiLeftovers: RegExp;
  /** False when `text` has no AI leftover; true when it may have one (aiLeftovers then finds them). */
  mayHaveAiLeftover(text: string): boolean;
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
  const byTitle = new Map<string, Topic[]>();
  const leftovers = words.aiLeftovers.map((e) => e.toLowerCase());
  // Leftovers are matched as substrings: "citeturn0search1" has no word boundary after "citeturn".
  const aiLeftovers = new RegExp(leftovers.map(escapeRegex).join('|') || '(?!)', 'gi');
  // For printable-ASCII entries a case-insensitive match is exactly a match in the lower-cased text (a /i regex without the
  // u flag matches an ASCII letter only with an ASCII letter), and one pass of an automaton over it beats a long /i
  // alternation many times.
  const asciiOnly = leftovers.every((e) => !/[^ -~]/.test(e));
  const leftoverSet = asciiOnly ? new AsciiSubstringSet(leftovers) : null;
  return {
    phrases,
    placeholders: new PhraseMatcher({ placeholders: words.placeholders }),
    aiLeftovers,
    mayHaveAiLeftover(text: string): boolean {
      if (leftoverSet) return leftoverSet.foundIn(text);
      aiLeftovers.lastIndex = 0;
      return aiLeftovers.test(text);
    },
    topicsOf(title: string): Topic[] {
      // Headings repeat across documents ("Problem", "Success metrics"): most are found as written, before the
      // four replaces that normalise them.
      let topics = byTitle.get(title);
      if (topics) return topics;
      const key = normaliseHeading(title);
      topics = cache.get(key);
      if (!topics) {
        topics = classify(key, headingMatcher);
        if (cache.size < 5000) cache.set(key, topics);
      }
      if (byTitle.size < 5000) byTitle.set(title, topics);
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
