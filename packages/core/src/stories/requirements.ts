// Requirements from a PRD version (issue #12), read with the gate's document model: the same requirements the gate
// judges, in every form the gate reads (id-prefixed items and headings, requirement and field tables, numbered
// paragraphs, story lists), each with the line it came from and the acceptance criteria found for it. Pure.

import { compileRubric } from '../gate/compile.ts';
import { DEFAULT_RUBRIC } from '../gate/default-rubric.ts';
import { DocFacts } from '../gate/facts/facts.ts';
import type { Requirement } from '../gate/facts/requirements.ts';
import { normaliseForGate } from '../gate/score.ts';
import { parseDocument } from '../markdown/parse.ts';
import { plainText } from '../markdown/text.ts';
import { normalisePriority, type Priority } from './priority.ts';

export type ExtractedRequirement = {
  /** The author's id (FR-1, REQ-3, K-1 …), or one generated from the naming convention's artifact codes. */
  id: string;
  /** True when the author wrote no id and `id` was generated (`FR-4`): it is matched by text across versions. */
  generated: boolean;
  kind: 'functional' | 'nfr';
  text: string;
  priority: Priority | null;
  acceptance: string[];
  /** 1-based line in the PRD version it was read from, and its heading path. */
  line: number;
  section: string;
};

export type ExtractOptions = {
  /** Prefix for generated ids, e.g. the product code `FINTX-PAYOUTS` → `FINTX-PAYOUTS-FR-4`. */
  product?: string;
  separator?: string;
};

const LEXICON = compileRubric(DEFAULT_RUBRIC).lexicon();

export function extractRequirements(markdown: string, options: ExtractOptions = {}): ExtractedRequirement[] {
  const doc = parseDocument(normaliseForGate(markdown));
  const facts = new DocFacts(doc, LEXICON);
  const found = facts.requirements.filter((r) => r.substantive);
  const next = idGenerator(found, options);
  const seen = new Set<string>();
  const out: ExtractedRequirement[] = [];
  for (const req of found) {
    // A requirement restated later (an id heading and a table row both saying FR-3) is one requirement.
    const key = req.key ?? `text:${req.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: req.id ?? next(req.kind),
      generated: req.id === null,
      kind: req.kind,
      text: withoutPriorityLabel(req.text),
      priority: normalisePriority(req.priority),
      acceptance: criteriaOf(facts, req).map((c) => withoutOwnId(c, req.id)),
      line: req.unit.line,
      section: sectionPath(req),
    });
  }
  return out;
}

/** Generated ids continue after the highest number the author used for that code, so they never collide. */
function idGenerator(found: readonly Requirement[], options: ExtractOptions): (kind: Requirement['kind']) => string {
  const sep = options.separator ?? '-';
  const prefix = options.product ? `${options.product}${sep}` : '';
  const highest = { FR: 0, NFR: 0 };
  for (const req of found) {
    const m = req.key ? /^(?:.*?)(N?FR)(\d+)$/.exec(req.key) : null;
    if (m) highest[m[1] as 'FR' | 'NFR'] = Math.max(highest[m[1] as 'FR' | 'NFR'], Number(m[2]));
  }
  return (kind) => {
    const code = kind === 'nfr' ? 'NFR' : 'FR';
    highest[code] += 1;
    return `${prefix}${code}${sep}${highest[code]}`;
  };
}

/** "(Must): A merchant sees …", "[P1] …", "Should: …" → the statement; the priority is its own field. */
const PRIORITY_LABEL =
  /^\s*(?:[([]\s*(?:must|should|could|won'?t|p[0-4]|high|medium|med|low|critical)(?:[- ]have)?\s*[)\]]|(?:must|should|could|won'?t)(?:[- ]have)?\s*:)\s*[:–—-]?\s*/i;

/** "FR-1: Given …" under FR-1 → "Given …": the criterion belongs to it already. */
function withoutOwnId(criterion: string, id: string | null): string {
  if (!id) return criterion;
  const m = /^\s*(?:\*\*)?([A-Z][\w-]*\d)(?:\*\*)?\s*[:.)–—-]\s*/.exec(criterion);
  return m && m[1]?.toUpperCase().replace(/[-_]/g, '') === id.toUpperCase().replace(/[-_]/g, '')
    ? criterion.slice(m[0].length)
    : criterion;
}

function withoutPriorityLabel(text: string): string {
  return text.replace(PRIORITY_LABEL, '').trim();
}

/** Each criterion once, as plain text; a Gherkin scenario stays one criterion with its lines. */
function criteriaOf(facts: DocFacts, req: Requirement): string[] {
  const out: string[] = [];
  for (const evidence of facts.acceptance.of(req)) {
    const text = plainText(evidence.text).trim();
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

function sectionPath(req: Requirement): string {
  const titles: string[] = [];
  for (let s: typeof req.section | null = req.section; s && s.level > 0; s = s.parent) titles.unshift(s.title);
  return titles.join(' > ');
}
