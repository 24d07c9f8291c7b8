// No placeholders; open questions owned and dated. Hollow sections (a heading over TBD, [Insert …] or an empty
// table) are reported once at the top-most hollow heading; placeholders inside them are not repeated.
import { z } from 'zod';
import type { Section } from '../../markdown/model.ts';
import { firstMatch, TEMPLATE_BRACKETS } from '../facts/content.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import {
  anchorAt,
  anchorOf,
  type CheckContext,
  defineCheck,
  finding,
  quote,
  type RawFinding,
  rules,
  sectionAnchor,
} from './kit.ts';
import { openQuestionFindings } from './open-questions.ts';

export const COMPLETENESS = rules('completeness', {
  'hollow-section': ['major', 'A section exists only as a heading or a placeholder'],
  'empty-section': ['minor', 'A heading with nothing under it'],
  'not-applicable': ['major', 'A whole section says only "N/A"'],
  'placeholder-in-requirement': ['major', 'A placeholder inside a requirement'],
  'placeholder-in-metric': ['major', 'A placeholder inside a success metric'],
  placeholder: ['major', 'A placeholder left in the text'],
  'ai-leftover': ['major', 'Text left over from an AI assistant'],
  'open-task': ['minor', 'An unchecked task item'],
  'open-question': ['minor', 'An open question without owner or date'],
});
const R = COMPLETENESS;

const PENALTY: Record<string, number> = {
  [R['hollow-section'].id]: 0.25,
  [R['placeholder-in-requirement'].id]: 0.25,
  [R['placeholder-in-metric'].id]: 0.25,
};
const NOT_APPLICABLE = /^\s*(?:n\/?a|not applicable|none|-+|—|–)\.?\s*$/i;

export const completenessCheck = defineCheck({
  id: 'completeness',
  rules: R,
  params: z.strictObject({
    /** A section is hollow when no paragraph, item or row in it has this many content words. */
    minUnitWords: z.number().int().min(1).max(100).default(2),
    maxPlaceholderFindings: z.number().int().min(0).max(1000).default(60),
  }),
  run(ctx, params) {
    const { facts } = ctx;
    const findings: RawFinding[] = [];
    const hollow = hollowSections(facts, params.minUnitWords, findings);
    const hollowSet = new Set<Section>();
    for (const h of hollow)
      for (let i = h.index; i <= facts.subtreeEnd(h); i++) hollowSet.add(facts.doc.sections[i] as Section);
    const inHollow = (s: Section) => hollowSet.has(s);
    findings.push(...placeholderFindings(ctx, inHollow, params.maxPlaceholderFindings));
    for (const unit of facts.units) {
      // An unticked item in an acceptance checklist is a criterion to verify, not unfinished writing.
      if (unit.item?.task === 'open' && !inHollow(unit.section) && !facts.about(unit.section, 'acceptance')) {
        findings.push(
          finding(
            R['open-task'],
            anchorOf(unit),
            `Unchecked task: ${quote(unit.text)}.`,
            'Finish it and tick it, or turn it into an open question with an owner and a date.',
          ),
        );
      }
    }
    findings.push(...openQuestionFindings(facts, R['open-question']));
    let penalty = 0;
    for (const f of findings)
      penalty += PENALTY[f.rule] ?? (f.severity === 'major' ? 0.1 : f.severity === 'minor' ? 0.03 : 0);
    return { score: 1 - penalty, findings };
  },
});

/** Top-most sections whose content is placeholders only (or nothing), reported once each. */
function hollowSections(facts: DocFacts, minWords: number, out: RawFinding[]): Section[] {
  const hollow: Section[] = [];
  let skipTo = -1;
  // Headings before any text are the document's title, however many lines it takes ("# PRD" then "# TodoMaster").
  let titleLines = true;
  for (const section of facts.doc.sections) {
    if (section.index <= skipTo || section === facts.title || !section.heading) continue;
    if (
      titleLines &&
      section.level === 1 &&
      section.children.length === 0 &&
      section.blocks.every((b) => b.kind === 'heading')
    )
      continue;
    titleLines = false;
    const topics = facts.ownTopics(section);
    // A section the rubric reads needs real content; any other heading only needs something that is not a placeholder.
    if (facts.hasContent(section, topics.length === 0 ? 1 : minWords)) continue;
    const units = facts.unitsIn(section).filter((u) => u.kind !== 'heading');
    const anchor = sectionAnchor(section);
    const text = units
      .filter((u) => !u.header)
      .slice(0, 12)
      .map((u) => u.text)
      .join(' ')
      .trim();
    if (text && NOT_APPLICABLE.test(text)) {
      out.push(
        finding(
          R['not-applicable'],
          anchor,
          `"${section.title}" says only "${text}".`,
          `Say why it does not apply, e.g. "{{eg:notApplicable}}", or remove the section.`,
        ),
      );
      hollow.push(section);
      skipTo = facts.subtreeEnd(section);
    } else if (units.length > 0 || topics.length > 0) {
      const what = !text ? 'nothing under it' : `only placeholders under it (${quote(text, 40)})`;
      out.push(
        finding(
          R['hollow-section'],
          anchor,
          `"${section.title}" has a heading but ${what}.`,
          `Write the ${section.title} content or delete the heading; a template heading over TBD does not count.`,
        ),
      );
      hollow.push(section);
      skipTo = facts.subtreeEnd(section);
    } else if (section.children.length === 0) {
      out.push(
        finding(R['empty-section'], anchor, `"${section.title}" is empty.`, 'Fill it in or remove the heading.'),
      );
    }
  }
  return hollow;
}

function placeholderFindings(ctx: CheckContext, inHollow: (s: Section) => boolean, max: number): RawFinding[] {
  const { facts, lexicon } = ctx;
  const out: RawFinding[] = [];
  const requirementUnits = new Set<TextUnit>(facts.requirements.flatMap((r) => r.units));
  // AI leftovers are rare: one pass over the whole text decides whether units need checking at all.
  const anyLeftover = lexicon.mayHaveAiLeftover(facts.doc.lines.join('\n'));
  for (const unit of facts.units) {
    if (out.length >= max) break;
    if (inHollow(unit.section) || (unit.kind === 'code' && !/gherkin|cucumber|feature|^$/.test(unit.lang))) continue;
    const ai = anyLeftover ? firstMatch(lexicon.aiLeftovers, unit.text) : undefined;
    if (ai) {
      out.push(
        finding(
          R['ai-leftover'],
          anchorAt(facts.doc, unit, ai.index, ai.text.length),
          `AI assistant text left in the document: "${ai.text}".`,
          "Delete the assistant's text and any citation markers; check the facts it stated.",
        ),
      );
    }
    const word = facts.placeholderHits(unit)[0];
    const hit = word
      ? { index: word.start, text: word.text }
      : /[[{<]/.test(unit.text)
        ? firstMatch(TEMPLATE_BRACKETS, unit.text)
        : undefined;
    if (!hit) continue;
    const where = requirementUnits.has(unit)
      ? R['placeholder-in-requirement']
      : facts.about(unit.section, 'metrics') && !facts.about(unit.section, 'scope')
        ? R['placeholder-in-metric']
        : R.placeholder;
    const subject =
      where === R.placeholder
        ? 'the text'
        : where === R['placeholder-in-metric']
          ? 'a success metric'
          : 'a requirement';
    out.push(
      finding(
        where,
        anchorAt(facts.doc, unit, hit.index, hit.text.length),
        `Placeholder "${hit.text}" in ${subject}.`,
        `Replace "${hit.text}" with the real content, or move the unknown to Open questions with an owner and a date.`,
      ),
    );
  }
  return out;
}
