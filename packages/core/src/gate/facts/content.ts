// "A section counts by its content, never by its heading": what is left of a text once placeholders,
// template brackets, ids and priority tokens are removed.
import { nextWordStart, wordEnd } from '../../markdown/text.ts';
import type { PhraseHit, PhraseMatcher } from '../phrases.ts';

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

/** Words that carry content, after stripping placeholders (`placeholders` = the rubric's compiled list). */
export function meaningfulWords(text: string, placeholders: PhraseMatcher, hits?: readonly PhraseHit[]): number {
  if (!text) return 0;
  if (isPrompt(text)) return 0;
  const rest = /[[{<]/.test(text)
    ? text.replace(TEMPLATE_BRACKETS, (m) => ' '.repeat(m.length)).replace(ANY_BRACKET, (m) => ' '.repeat(m.length))
    : text;
  const skip = hits ?? (rest === text ? placeholders.hits(text) : placeholders.hits(rest));
  // "**Primary:** TBD" is a label over a placeholder: the label alone is not content.
  const colon = rest.indexOf(':');
  const label = colon > 0 && colon <= 44 && rest.lastIndexOf('\n', colon) < 0 ? colon : -1;
  const { total, afterLabel } = contentWords(rest, skip, label);
  return label >= 0 && afterLabel === 0 ? 0 : total;
}

function contentWords(text: string, skip: readonly PhraseHit[], label: number): { total: number; afterLabel: number } {
  // One scan without arrays or closures (the word rules of wordSpans): this runs for most units.
  const n = text.length;
  let total = 0;
  let afterLabel = 0;
  for (let start = nextWordStart(text, 0), end = 0; start < n; start = nextWordStart(text, end)) {
    end = wordEnd(text, start);
    if (skip.length > 0 && inHit(skip, start, end)) continue;
    if (end - start <= 9 && isStop(text, start, end)) continue;
    if (end - start <= 24 && isIdToken(text, start, end)) continue;
    total++;
    if (start > label) afterLabel++;
  }
  return { total, afterLabel };
}

function inHit(hits: readonly PhraseHit[], start: number, end: number): boolean {
  for (const h of hits) if (start < h.end && end > h.start) return true;
  return false;
}

const STOP_BY_LENGTH = new Map<number, string[]>();
for (const word of STOP) STOP_BY_LENGTH.set(word.length, [...(STOP_BY_LENGTH.get(word.length) ?? []), word]);

/** Case-insensitive stop-word test without allocating a lower-cased copy of every word. */
function isStop(text: string, start: number, end: number): boolean {
  const candidates = STOP_BY_LENGTH.get(end - start);
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
