// Is this a PRD at all? A changelog, a README, an index of links or meeting notes gets one finding
// (`document.not_prd`) that says what it looks like, instead of a dozen "missing section" blockers.
import { region } from './checks/region.ts';
import type { DocFacts } from './facts/facts.ts';
import type { Topic } from './lexicon.ts';

/** Sections a PRD is made of; a document with content in almost none of them is something else. */
const PRD_TOPICS: Topic[] = ['problem', 'users', 'metrics', 'scope', 'requirements', 'acceptance', 'nfr', 'risks'];
const PRD_TITLE =
  /\b(?:prd|requirements?|spec(?:ification)?s?|product brief|one[- ]pager|feature brief|mvp|product definition)\b/i;
/** "PRD Best Practices", "PRD Creation Guide", "PRD Guidelines": pages about writing PRDs. */
const GUIDANCE_TITLE =
  /\b(?:best practices|guidelines?|creation guide|writing guide|style guide|how to (?:write|create)|playbook|checklist for writing)\b/i;
const NOT_PRD_TITLE =
  /\b(?:minutes|meeting notes|agenda|change ?log|release notes|read ?me|getting started|api reference|tutorial|how to|guide|index|table of contents)\b/i;
/** The opening paragraph of a page about writing PRDs: "A guide to writing PRDs that actually get used." */
const GUIDANCE_INTRO =
  /\b(?:guide|handbook|primer|playbook|tips|advice)\b[^.\n]{0,40}?\b(?:writ|creat|draft)\w*\b[^.\n]{0,30}?\b(?:prds?|product requirements?|requirements? documents?|specs?|specifications?)\b|\bhow to (?:write|create|draft) (?:a |an |good |great |effective )?(?:prds?|product requirements|requirements documents?)\b/i;
// "[1.2.0] - 2026-05-01", "v2.3", "1.4.0", "Unreleased" — not "2.1 Login" (a numbered section).
const VERSION_HEADING =
  /^\[v?\d+\.\d+(?:\.\d+)?\]|^v\d+\.\d+\b|^\d+\.\d+\.\d+\b|^\[?unreleased\]?$|^(?:version|release)\s+v?\d+(?:\.\d+)+/i;
const README_HEADING =
  /^(?:install(?:ation|ing)?|usage|getting started|quick ?start|license|licence|contributing|building|running (?:the )?tests|credits|acknowledg(?:e)?ments)\b/i;
const LINK = /\[[^\]\n]*\]\([^)\n]*\)/g;

/** A list item or paragraph that is links with a few words around them ("Runbooks: [README](…)"): an index entry. */
function isLinkEntry(text: string): boolean {
  if (!text.includes('](')) return false;
  const rest = text.replace(LINK, ' ');
  if (rest === text) return false;
  return (rest.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= 8;
}

/** The document-level rules (criterion `document`), with what people see for each. Rule ids are public. */
export const DOCUMENT_RULES: Readonly<Record<string, string>> = {
  'document.not_prd': 'Not a PRD',
  'document.unfilled_template': 'An unfilled template',
  'document.language': 'Written in a language the rubric cannot read',
};
export const DOCUMENT_CRITERION = { id: 'document', name: 'The document as a whole' } as const;

export type NotPrd = { reason: string };

export function notPrdReason(facts: DocFacts): NotPrd | null {
  const sections = facts.doc.sections.filter((s) => s.heading);
  const title = (facts.title ?? sections[0])?.title ?? '';
  const prdContent =
    PRD_TOPICS.filter((t) => region(facts, t).hasWords(15)).length +
    (facts.requirements.filter((r) => r.substantive).length >= 3 ? 1 : 0);

  const guide = GUIDANCE_TITLE.exec(title);
  if (guide) return { reason: `its title ("${title.slice(0, 60)}") says it is advice on writing PRDs, not a PRD` };
  const intro = facts.units.find((u) => u.kind === 'paragraph' && u.text.trim());
  const introGuide = intro && GUIDANCE_INTRO.exec(intro.text.slice(0, 400));
  if (introGuide) return { reason: `it introduces itself as advice on writing PRDs ("${introGuide[0].slice(0, 60)}")` };

  const versions = sections.filter((s) => VERSION_HEADING.test(s.title.trim())).length;
  if (versions >= 3 && prdContent <= 3) return { reason: `it reads as a changelog (${versions} version headings)` };

  const entries = facts.units.filter((u) => (u.kind === 'item' || u.kind === 'paragraph') && u.text.trim());
  const links = entries.filter((u) => isLinkEntry(u.text)).length;
  if (entries.length >= 6 && links >= entries.length * 0.5 && prdContent <= 3)
    return { reason: `it is mostly a list of links (${links} of ${entries.length} entries): an index page` };

  // Headings often start with an emoji ("🚀 Getting Started"): only the words are compared.
  const readme = sections.map((s) => s.title.replace(/^[^\p{L}]+/u, '').trim()).filter((t) => README_HEADING.test(t));
  if ((readme.length >= 3 && prdContent <= 3) || (readme.length === 2 && prdContent <= 1))
    return { reason: `it reads as a README (${readme.slice(0, 3).join(', ')})` };

  if (NOT_PRD_TITLE.test(title) && !PRD_TITLE.test(title) && prdContent <= 3)
    return { reason: `its title ("${title.slice(0, 60)}") names another kind of document` };

  // The rest describe software that exists (decision records, references, API docs): they have at most one of a
  // PRD's parts and no requirements, which keeps weak PRDs (a roadmap, a one-pager) out of these rules.
  if (prdContent > 1 || facts.requirements.some((r) => r.substantive)) return null;
  const adr = sections.filter((s) => ADR_SECTION.test(s.title.trim())).length;
  const adrLabels = facts.units.filter((u) => u.kind === 'paragraph' && ADR_LABEL.test(u.text)).length;
  if (ADR_TITLE.test(title) || adr + adrLabels >= 2) return { reason: 'it reads as an architecture decision record' };
  if (DOCS_TITLE.test(title)) return { reason: `its title ("${title.slice(0, 60)}") names another kind of document` };
  const lines = facts.doc.lines.filter((l) => l.trim());
  const routes = lines.filter((l) => ROUTE.test(l)).length;
  if (routes >= 10) return { reason: `it documents an API (${routes} lines name routes)` };
  const code = lines.filter((l) => l.includes('`')).length;
  if (lines.length >= 40 && code >= lines.length * 0.2)
    return { reason: `it reads as technical documentation (code on ${code} of ${lines.length} lines)` };
  return null;
}

const ADR_TITLE = /^(?:adr|rfc)[\s#-]*\d+\b|\barchitecture decision record\b/i;
/** The parts of a decision record: "Context", "Decision", "Consequences" (as headings or "Context:" labels). */
const ADR_SECTION = /^(?:context|decision|consequences|status|considered options|decision outcome)$/i;
const ADR_LABEL = /^\s*(?:\*\*|__)?(?:context|decision|consequences)(?:\*\*|__)?\s*:/i;
/** Titles of documentation about software that exists; judged only when the text has no PRD parts either. */
const DOCS_TITLE =
  /\b(?:benchmarks?|command[- ]line|cli reference|api contract|security model|security|testing|test strategy|user guide|reference|manual|runbook|architecture)\b/i;
const ROUTE = /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\/[\w/:{}.$-]*/;

/**
 * The rubric's word lists and headings are in one language; a PRD written mostly in another script cannot be judged
 * by them. Returns the share of letters outside the Latin script when it is most of the text, otherwise null.
 */
export function foreignScriptShare(text: string): number | null {
  // One pass without allocating: ASCII letters are Latin; only other characters need the Unicode tests.
  const end = Math.min(text.length, 20_000);
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        latin++;
      }
      continue;
    }
    const ch = text[i] as string;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
  }
  if (letters < 200) return null;
  const share = 1 - latin / letters;
  return share >= 0.5 ? Math.round(share * 100) / 100 : null;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
