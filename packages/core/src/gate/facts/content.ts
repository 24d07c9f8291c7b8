// "A section counts by its content, never by its heading": what is left of a text once placeholders,
// template brackets, ids and priority tokens are removed.
import { nextWordStart, wordEnd } from '../../markdown/text.ts';
import type { PhraseHit, PhraseMatcher, Tokens } from '../phrases.ts';

/** Template brackets: [Insert …], [Name], {{product.name}}, <placeholder>, [xxx]. Links ([Name](url)) are not. */
export const TEMPLATE_BRACKETS =
  /\[\s*(?:insert|add|enter|describe|fill in|your|name|date|owner|goal|metric|link|placeholder|description|title|value|role|feature|requirement)\b[^\]\n]{0,60}\](?!\()|\[\s*(?:x{2,}|\.{2,}|…)\s*\]|\{\{[^{}\n]{0,80}\}\}|<\s*(?:insert|placeholder|name|date|owner)\b[^>\n]{0,40}>/gi;

/** Words that are structure, not content: priorities, Gherkin keywords, yes/no, N/A. */
const STOP = new Set([
  'must',
  'should',
  'could',
  "won't",
  'wont',
  'high',
  'medium',
  'med',
  'low',
  'p0',
  'p1',
  'p2',
  'p3',
  'p4',
  'n',
  'a',
  'na',
  'none',
  'yes',
  'no',
  'given',
  'when',
  'then',
  'and',
  'but',
  'scenario',
  'feature',
]);
const ID_TOKEN = /^(?:[A-Z][A-Z0-9]{0,9}-)*[A-Z]{1,6}[-_]?\d{1,4}$/i;

/**
 * Any bracketed text that is not a link, a task box, a footnote or an alert: in a template "[In 2-3 sentences,
 * describe the problem]", "[Current value]" and "[Finding 1]" are prompts. Only used to count content — a real
 * sentence keeps its other words ("the [Export] button" still counts).
 */
const ANY_BRACKET = /\[(?![ xX]\]|[!^])[^[\]\n]{2,300}\](?![([:])/g;

/** Verbs that address the author of a template, not the reader of a PRD ("Describe the user and …"). */
const PROMPT_VERB =
  /^(?:describe|explain|outline|summari[sz]e|specify|articulate|clarify|elaborate|insert|enter|fill in|replace (?:this|with)|write (?:a|an|the|your|down|here)|briefly)\b/i;
/** Softer verbs that are prompts only when they speak to the author or ask for a metadata value. */
const SOFT_PROMPT_VERB =
  /^(?:list|define|provide|include|identify|document|note|mention|add|name|link|attach|state|detail|indicate|capture|give|share|summary of)\b/i;
const TO_AUTHOR =
  /\b(?:you|your|yours|here|this section|this document|e\.g\.|eg\.|if any|if applicable|if relevant|as needed|relevant|key|any)\b/i;
const METADATA_PROMPT =
  /^(?:add|name|enter|insert|set|link|attach)\s+(?:the\s+|a\s+|an\s+)?(?:date|owner|name|link|title|version|status|author|reviewers?|approvers?|description|team|stakeholders?|contributors?|designs?|figma|url|ticket|epic)s?\.?$/i;
/** "Instruction: A brief overview that …", "Guidance: …" — a template's note to whoever fills it in. */
const AUTHOR_NOTE =
  /^\s*(?:[-*+>]\s*)?(?:\*\*|__|_|\*)?(?:instructions?|guidance|hint|tips?|note to (?:the )?authors?|template notes?|how to (?:use|fill)[^:\n]{0,30})(?:\*\*|__|_|\*)?\s*:/i;
const LEAD = /^(?:[-*+>\s]|\*\*[^*\n]{1,40}:\*\*|[\w /&()-]{1,40}:\s)+/;

/**
 * A template's instruction to its author: "Describe the user and what they are trying to achieve", "Add date",
 * "Name owner", "List the key metrics you will track". Such text is scaffolding: it does not count as content,
 * so a section holding only prompts is hollow.
 */
export function isPrompt(text: string): boolean {
  if (AUTHOR_NOTE.test(text)) return true;
  const t = text
    .replace(LEAD, '')
    .replace(/^[*_`"“(]+/, '')
    .trim();
  if (!t) return false;
  if (METADATA_PROMPT.test(t)) return true;
  if (PROMPT_VERB.test(t)) return true;
  if (!SOFT_PROMPT_VERB.test(t)) return false;
  return TO_AUTHOR.test(t) && t.split(/\s+/).length <= 30;
}

/**
 * Words that carry content, after stripping placeholders (`placeholders` = the rubric's compiled list). `tokens`,
 * when given with `hits`, are the phrase tokens of `text` (PhraseMatcher.tokensOf): its words are not scanned again.
 */
export function meaningfulWords(
  text: string,
  placeholders: PhraseMatcher,
  hits?: readonly PhraseHit[],
  tokens?: Tokens | null,
): number {
  if (!text) return 0;
  if (isPrompt(text)) return 0;
  const rest = /[[{<]/.test(text)
    ? text.replace(TEMPLATE_BRACKETS, (m) => ' '.repeat(m.length)).replace(ANY_BRACKET, (m) => ' '.repeat(m.length))
    : text;
  // Placeholders found here leave the placeholder matcher holding the tokens of `rest`: its words are read from them.
  const skip = hits ?? placeholders.hits(rest);
  const words = hits ? (rest === text ? tokens : null) : placeholders.tokensOf(rest);
  // "**Primary:** TBD" is a label over a placeholder: the label alone is not content.
  const colon = rest.indexOf(':');
  const label = colon > 0 && colon <= 44 && rest.lastIndexOf('\n', colon) < 0 ? colon : -1;
  const { total, afterLabel } = words
    ? contentWordsOfTokens(rest, words, skip, label)
    : contentWords(rest, skip, label);
  return label >= 0 && afterLabel === 0 ? 0 : total;
}

type WordCount = { total: number; afterLabel: number };

function contentWords(text: string, skip: readonly PhraseHit[], label: number): WordCount {
  // One scan without arrays or closures (the word rules of wordSpans): this runs for most units.
  const n = text.length;
  let total = 0;
  let afterLabel = 0;
  for (let start = nextWordStart(text, 0), end = 0; start < n; start = nextWordStart(text, end)) {
    end = wordEnd(text, start);
    if (!isContentWord(text, start, end, skip)) continue;
    total++;
    if (start > label) afterLabel++;
  }
  return { total, afterLabel };
}

/**
 * contentWords from the phrase tokens of the text: the same words, since a word here is a run of phrase tokens
 * joined by single dashes or underscores ("e-mail", "user_id"), which phrase matching splits and wordEnd keeps.
 */
function contentWordsOfTokens(text: string, tokens: Tokens, skip: readonly PhraseHit[], label: number): WordCount {
  const { starts, ends, count } = tokens;
  let total = 0;
  let afterLabel = 0;
  for (let k = 0; k < count; ) {
    const start = starts[k] as number;
    let end = ends[k] as number;
    for (k++; k < count && starts[k] === end + 1 && isJoiner(text.charCodeAt(end)); k++) end = ends[k] as number;
    if (!isContentWord(text, start, end, skip)) continue;
    total++;
    if (start > label) afterLabel++;
  }
  return { total, afterLabel };
}

/** "-" and "_": between two letters or digits they join one word (wordEnd). */
function isJoiner(code: number): boolean {
  return code === 45 || code === 95;
}

/** Not inside a placeholder, not a stop word, not an id: a word that carries content. */
function isContentWord(text: string, start: number, end: number, skip: readonly PhraseHit[]): boolean {
  if (skip.length > 0 && inHit(skip, start, end)) return false;
  if (end - start <= 9 && isStop(text, start, end)) return false;
  if (end - start <= 24 && isIdToken(text, start, end)) return false;
  return true;
}

function inHit(hits: readonly PhraseHit[], start: number, end: number): boolean {
  for (const h of hits) if (start < h.end && end > h.start) return true;
  return false;
}

/** Stop words by length (an array, not a Map: this is looked up for nearly every word of a document). */
const STOP_BY_LENGTH: string[][] = Array.from({ length: Math.max(...[...STOP].map((w) => w.length)) + 1 }, () => []);
for (const word of STOP) STOP_BY_LENGTH[word.length]?.push(word);

/** Case-insensitive stop-word test without allocating a lower-cased copy of every word. */
function isStop(text: string, start: number, end: number): boolean {
  const candidates = STOP_BY_LENGTH[end - start];
  if (!candidates) return false;
  outer: for (const word of candidates) {
    for (let i = 0; i < word.length; i++) {
      let c = text.charCodeAt(start + i);
      if (c >= 65 && c <= 90) c |= 0x20;
      if (c !== word.charCodeAt(i)) continue outer;
    }
    return true;
  }
  return false;
}

/** FR-1, NFR-2, p95, PAY-FR-4: ids and codes are labels, not content. */
function isIdToken(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return last >= 48 && last <= 57 && ID_TOKEN.test(text.slice(start, end));
}

/** True when the text is nothing but placeholders (TBD, [Insert …], N/A, "-"). */
export function isPlaceholderOnly(text: string, placeholders: PhraseMatcher): boolean {
  return meaningfulWords(text, placeholders) === 0;
}

/** The first match of a global regex in `text` (its lastIndex is reset first), or undefined. */
export function firstMatch(regex: RegExp, text: string): { index: number; text: string } | undefined {
  regex.lastIndex = 0;
  const m = regex.exec(text);
  return m ? { index: m.index, text: m[0] } : undefined;
}
