// "A section counts by its content, never by its heading": what is left of a text once placeholders,
// template brackets, ids and priority tokens are removed.
import { forEachWord } from '../../markdown/text.ts';
import type { PhraseMatcher } from '../phrases.ts';

/** Template brackets: [Insert …], [Name], {{product.name}}, <placeholder>, [xxx]. Links ([Name](url)) are not. */
export const TEMPLATE_BRACKETS =
  /\[\s*(?:insert|add|enter|describe|fill in|your|name|date|owner|goal|metric|link|placeholder|description|title|value|role|feature|requirement)\b[^\]\n]{0,60}\](?!\()|\[\s*(?:x{2,}|\.{2,}|…)\s*\]|\{\{[^{}\n]{0,80}\}\}|<\s*(?:insert|placeholder|name|date|owner)\b[^>\n]{0,40}>/gi;

/** Words that are structure, not content: priorities, Gherkin keywords, yes/no, N/A. */
const STOP = new Set([
  'must', 'should', 'could', "won't", 'wont', 'high', 'medium', 'med', 'low', 'p0', 'p1', 'p2', 'p3', 'p4', 'n', 'a',
  'na', 'none', 'yes', 'no', 'given', 'when', 'then', 'and', 'but', 'scenario', 'feature',
]);
const ID_TOKEN = /^(?:[A-Z][A-Z0-9]{0,9}-)*[A-Z]{1,6}[-_]?\d{1,4}$/i;

/** Words that carry content, after stripping placeholders (`placeholders` = the rubric's compiled list). */
export function meaningfulWords(text: string, placeholders: PhraseMatcher): number {
  if (!text) return 0;
  let rest = text;
  if (/[[{<]/.test(rest)) rest = rest.replace(TEMPLATE_BRACKETS, ' ');
  rest = placeholders.blank(rest);
  // "**Primary:** TBD" is a label over a placeholder: the label alone is not content.
  const colon = rest.indexOf(':');
  if (colon > 0 && colon <= 44 && !rest.slice(0, colon).includes('\n') && contentWords(rest.slice(colon + 1)) === 0) return 0;
  return contentWords(rest);
}

function contentWords(text: string): number {
  let n = 0;
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    if (end - start <= 9 && STOP.has(word.toLowerCase())) return;
    if (/\d/.test(word) && ID_TOKEN.test(word)) return;
    n++;
  });
  return n;
}

/** True when the text is nothing but placeholders (TBD, [Insert …], N/A, "-"). */
export function isPlaceholderOnly(text: string, placeholders: PhraseMatcher): boolean {
  return meaningfulWords(text, placeholders) === 0;
}

/** Regex sources like the word list's placeholders need resetting; this finds every hit with its offset. */
export function allMatches(regex: RegExp, text: string): { index: number; text: string }[] {
  const hits: { index: number; text: string }[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    hits.push({ index: m.index, text: m[0] });
    if (m[0].length === 0) regex.lastIndex++;
  }
  return hits;
}
