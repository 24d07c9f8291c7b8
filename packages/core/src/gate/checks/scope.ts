// Scope and non-goals: an explicit out-of-scope list (at least two items), ideally with reasons. Items count
// under a Non-goals/Out of scope heading, after an "Out of scope:" label, or as "We will not …" sentences.
import { z } from 'zod';
import { meaningfulWords } from '../facts/content.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, ratio, rules, sectionAnchor } from './kit.ts';
import { region, statements } from './region.ts';

const R = rules('scope', {
  missing: ['major', 'No non-goals / out-of-scope list'],
  'too-few': ['minor', 'Fewer non-goals than the rubric asks for'],
  'no-reasons': ['info', 'Non-goals without reasons'],
});

const LABEL =
  /^\s*(?:\*\*|__)?(?:out of scope|out-of-scope|not in scope|non-goals?|we will not|we won't|not doing)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*/i;
const WILL_NOT =
  /\b(?:we|this (?:release|project|product|prd)) (?:will not|won't|do not|don't) (?:build|support|include|do|cover|offer|change|address)\b/i;
/** Deferrals are non-goals of this release: "(Future phase)", "chat and sync are v2", "out of scope for now". */
const DEFERRED =
  /\b(?:out of scope(?: for now)?|not in scope|post[- ]mvp|not (?:part of|in) (?:the )?(?:mvp|v1|this release|phase 1)|(?:future|later|next) (?:phases?|releases?|sprints?|versions?)|(?:deferred|postponed|moved) (?:to|until)|(?:are|is|comes?) (?:in )?(?:v2|phase [2-9])|not building|won'?t (?:build|ship|support))\b/i;
const REASON =
  /\b(?:because|since|as (?:it|they|this|we|the)|due to|so that|until|instead|reason|later|phase\s*\d|v\d|next (?:release|quarter|phase|year)|handled by|covered by|owned by|budget|separate(?:ly)?|already|not needed|low demand|out of budget)\b|[—–(]| - |:\s+\w/i;

const DEFERRED_HEADING =
  /[([]\s*(?:future|later|post[- ]?(?:mvp|v?1(?:\.0)?|launch)|not (?:in )?mvp|v[2-9]|phase [2-9])\b[^)\]]*[)\]]/i;
/** "**No monetization:** remove all payment logic" — a list of "No …" constraints names what is left out. */
const NO_ITEM = /^\s*(?:\*\*|__)?no\s+[a-z]/i;

function noItems(facts: DocFacts, skip: readonly TextUnit[]): { unit: TextUnit; text: string }[] {
  const skipped = new Set(skip);
  const out: { unit: TextUnit; text: string }[] = [];
  for (const block of facts.doc.blocks) {
    if (block.kind !== 'list') continue;
    const hits = facts.unitsOf(block).filter((u) => u.kind === 'item' && !skipped.has(u) && NO_ITEM.test(u.text));
    if (hits.length >= 2) out.push(...hits.map((unit) => ({ unit, text: unit.text })));
  }
  return out;
}

export const scopeCheck = defineCheck({
  id: 'scope',
  rules: R,
  params: z.strictObject({ minItems: z.number().int().min(1).max(20).default(2) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'scope');
    const items: { unit: TextUnit; text: string }[] = [];
    for (const unit of statements(found.units)) {
      if (facts.meaningful(unit) < 2 || unit.kind === 'code') continue;
      if (unit.kind === 'paragraph' && /:\s*$/.test(unit.text)) continue;
      items.push({ unit, text: unit.text });
    }
    const inRegion = new Set(found.units);
    items.push(...noItems(facts, found.units));
    for (const unit of facts.units) {
      if (inRegion.has(unit)) continue;
      // "5. Notifications (Future Phase)", "Phase 3 (Future):" — a heading that defers its whole section.
      if (unit.kind === 'heading') {
        if (DEFERRED_HEADING.test(unit.text)) items.push({ unit, text: unit.text });
        continue;
      }
      const label = LABEL.exec(unit.text);
      if (label && (unit.kind === 'item' || unit.kind === 'paragraph')) {
        const rest = unit.text.slice(label[0].length);
        // "Out of scope: A, B and C" lists several items; a label paragraph introduces the list after it.
        const parts = rest.split(/[,;]|\band\b/).filter((p) => meaningfulWords(p, facts.placeholders) >= 1);
        for (const part of parts) items.push({ unit, text: part });
        if (unit.kind === 'paragraph' && parts.length === 0) items.push(...listAfter(facts, unit));
        if (unit.kind === 'item')
          for (const child of facts.unitsOf(unit.block).filter((u) => u.item?.parent === unit.item))
            items.push({ unit: child, text: child.text });
      } else if (WILL_NOT.test(unit.text) || DEFERRED.test(unit.text)) {
        // "Out of scope for now: offline mode, multi-currency and the partner API." names three non-goals.
        const parts = unit.text.split(/[;,]|\.\s|\band\b/).filter((p) => meaningfulWords(p, facts.placeholders) >= 2);
        for (const part of parts.length > 1 ? parts : [unit.text]) items.push({ unit, text: part });
      }
    }
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    if (items.length === 0) {
      const message = found.sections[0]
        ? `"${found.sections[0].title}" lists nothing that is out of scope.`
        : 'There are no non-goals: nothing says what this work will not do.';
      findings.push(finding(R.missing, anchor, message, FIX_MISSING));
      return { score: 0, findings };
    }
    if (items.length < params.minItems) {
      findings.push(
        finding(
          R['too-few'],
          anchor,
          `Only ${items.length} non-goal is listed; at least ${params.minItems} are expected.`,
          FIX_MISSING,
        ),
      );
      return { score: 0.5, findings };
    }
    const reasoned = items.filter((i) => REASON.test(i.text.replace(LABEL, ''))).length;
    if (ratio(reasoned, items.length) < 0.5) {
      findings.push(
        finding(
          R['no-reasons'],
          anchorOf(items[0]?.unit as TextUnit),
          `${items.length - reasoned} of ${items.length} non-goals give no reason.`,
          'Say why each is out, e.g. "{{eg:nonGoalReason}}".',
        ),
      );
      return { score: 0.85, findings };
    }
    return { score: 1, findings };
  },
});

function listAfter(facts: DocFacts, paragraph: TextUnit): { unit: TextUnit; text: string }[] {
  const next = facts.nextBlock(paragraph.block);
  if (next?.kind !== 'list') return [];
  return facts
    .unitsOf(next)
    .filter((u) => u.item?.depth === 0)
    .map((u) => ({ unit: u, text: u.text }));
}

const FIX_MISSING =
  'Add a "Non-goals" list with at least two things this release will not do and why, e.g. "{{eg:nonGoal}}".';
