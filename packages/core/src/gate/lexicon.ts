// Language data the checks read: word lists (ISO 29148 §5.2.7 smells, placeholders, AI leftovers) and the
// heading synonyms that say what a section is about. Rubrics carry these per language so admins can extend them.

export const WORD_LISTS = [
  'vague',
  'loopholes',
  'openEnded',
  'weak',
  'totality',
  'placeholders',
  'aiLeftovers',
] as const;
export type WordListName = (typeof WORD_LISTS)[number];
export type WordLists = Record<WordListName, string[]>;

/** What a section can be about. Several criteria read more than one topic (risks reads dependencies too). */
export const TOPICS = [
  'problem',
  'users',
  'metrics',
  'scope',
  'requirements',
  'acceptance',
  'nfr',
  'ux',
  'release',
  'risks',
  'dependencies',
  'assumptions',
  'analytics',
  'metadata',
  'questions',
] as const;
export type Topic = (typeof TOPICS)[number];
export type Headings = Record<Topic, string[]>;
