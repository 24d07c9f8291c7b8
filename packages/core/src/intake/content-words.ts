// The content words of a text, as duplicate detection compares them: lower case, NFKC, stop words and one-letter
// words removed, a light suffix stem so declined/declines/decline meet. `word-ids.ts` reads plain-ASCII texts the
// same way without making strings; this is the reference and the path for every other text.

// English plus the chat filler that carries no feedback. Short on purpose: a word missing here only adds a little
// similarity to messages that share it.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between
both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from
further had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've
if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off on once only
or other ought our ours ourselves out over own same shan't she should shouldn't so some such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those through to too
under until up very was wasn't we we'd we'll we're we've were weren't what what's when where which while who whom
why will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also get got gets
still really yes yeah yep ok okay hi hey hello thanks thank thx pls please lol guys hmm oh well like`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** "declined" → "declin", "declines" → "declin"; a crude stem is enough to meet in a set, and never shown. */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && (w.endsWith('ing') || w.endsWith('ed'))) w = w.slice(0, w.endsWith('ing') ? -3 : -2);
  else if (w.length > 3 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text: [stem, first spelling] in order of first appearance. */
export function contentWords(text: string): [string, string][] {
  const seen = new Map<string, string>();
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/’/g, "'");
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const key = stem(word.replace(/'s$/, ''));
    if (!seen.has(key)) seen.set(key, word);
  }
  return [...seen];
}

/** The stop words, for `word-ids.ts` to give them the first ids. */
export function stopWords(): Iterable<string> {
  return STOP_WORDS;
}
