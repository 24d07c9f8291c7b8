// The PRD's analytics section checked against the product's tracking plan (issue #15): events the PRD names that the
// plan lacks, and live planned events the PRD never mentions. Event names follow the envelope's object_action rule
// with a past-tense verb (`payout_approved`, `report_sent`), which tells them from property names (`user_id`).
import { HEADINGS_EN } from '../gate/headings-en.ts';
import { type CompiledLexicon, compileLexicon } from '../gate/lexicon-compile.ts';
import { WORD_LISTS_EN } from '../gate/words-en.ts';
import type { Block, Section } from '../markdown/model.ts';
import { parseDocument } from '../markdown/parse.ts';

export type PlannedEvent = { name: string; status: 'live' | 'deprecated' };
export type NamedEvent = { name: string; line: number };
export type PlanCheck = {
  /** Events named in the PRD's analytics or metrics sections. */
  named: NamedEvent[];
  /** Named in the PRD, missing from the plan (or only deprecated there). */
  notPlanned: NamedEvent[];
  /** Live in the plan, never named by the PRD. */
  notInPrd: string[];
  /** Whether the PRD has an analytics or metrics section at all. */
  hasSection: boolean;
};

const CANDIDATE = /(?<![\w.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;
const IRREGULAR_PAST = new Set([
  'sent',
  'paid',
  'shown',
  'seen',
  'done',
  'made',
  'built',
  'read',
  'won',
  'lost',
  'left',
  'met',
  'set',
  'put',
  'run',
  'bought',
  'sold',
  'taken',
  'given',
  'written',
  'begun',
  'chosen',
  'drawn',
  'held',
  'kept',
  'found',
  'got',
  'split',
]);

/** object_action with a past-tense verb: the last part ends in -ed or is an irregular past form. */
export function looksLikeEventName(token: string): boolean {
  const last = token.slice(token.lastIndexOf('_') + 1);
  return (last.length > 3 && last.endsWith('ed')) || IRREGULAR_PAST.has(last);
}

let lexicon: CompiledLexicon | undefined;

export function checkPrdAgainstPlan(markdown: string, plan: readonly PlannedEvent[]): PlanCheck {
  lexicon ??= compileLexicon(WORD_LISTS_EN, HEADINGS_EN);
  const doc = parseDocument(markdown);
  const sections = doc.sections.filter((s) => s.title && isAnalytics(s, lexicon as CompiledLexicon));
  const named = new Map<string, NamedEvent>();
  for (const section of sections) {
    for (const block of section.blocks) {
      for (const { text, line } of blockTexts(block)) {
        for (const m of text.matchAll(CANDIDATE)) {
          if (looksLikeEventName(m[0]) && !named.has(m[0])) named.set(m[0], { name: m[0], line });
        }
      }
    }
  }
  const live = new Set(plan.filter((e) => e.status === 'live').map((e) => e.name));
  const list = [...named.values()].sort((a, b) => a.line - b.line);
  return {
    named: list,
    notPlanned: list.filter((e) => !live.has(e.name)),
    notInPrd: [...live].filter((name) => !named.has(name)).sort(),
    hasSection: sections.length > 0,
  };
}

/** A section about analytics or metrics, or nested under one. */
function isAnalytics(section: Section, lex: CompiledLexicon): boolean {
  for (let s: Section | null = section; s?.title; s = s.parent) {
    if (lex.topicsOf(s.title).some((t) => t === 'analytics' || t === 'metrics')) return true;
  }
  return false;
}

function blockTexts(block: Block): { text: string; line: number }[] {
  switch (block.kind) {
    case 'list':
      return block.items.map((i) => ({ text: i.text, line: i.line }));
    case 'table':
      return block.rows.flatMap((r) => r.cells.map((c) => ({ text: c.text, line: r.line })));
    case 'heading':
      return [];
    default:
      return [{ text: block.text, line: block.line }];
  }
}
