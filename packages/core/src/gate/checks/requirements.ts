// Requirements identified and prioritised: atomic statements with stable ids (no duplicates, no gaps) and a
// priority (Must/Should/Could/Won't, P0–P3, High/Medium/Low).
import { z } from 'zod';
import type { Requirement } from '../facts/requirements.ts';
import { ID_MENTION, idKey } from '../patterns.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, ratio, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('requirements', {
  none: ['major', 'No requirements'],
  'no-id': ['minor', 'Requirements without stable ids'],
  'duplicate-id': ['major', 'The same requirement id is used twice'],
  'id-gap': ['minor', 'Requirement ids skip numbers'],
  'no-priority': ['minor', 'A requirement has no priority'],
});

export const requirementsCheck = defineCheck({
  id: 'requirements',
  rules: R,
  params: z.strictObject({ maxPriorityFindings: z.number().int().min(0).max(500).default(25) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    // Id-less bullets under Non-functional requirements are quality statements (the nfr check reads them).
    const reqs = facts.requirements.filter((r) => r.substantive && (r.kind === 'functional' || r.id));
    if (reqs.length === 0) {
      const sections = region(facts, 'requirements').sections;
      const at = sections[0] ? sectionAnchor(sections[0]) : documentAnchor(doc);
      const message = sections[0]
        ? `"${sections[0].title}" contains no requirement: no numbered or id-prefixed item, row or heading.`
        : 'There are no requirements: no Requirements section, no FR-1-style ids, no requirement table.';
      findings.push(finding(R.none, at, message, FIX_NONE));
      return { score: 0, findings };
    }
    const withId = reqs.filter((r) => r.id);
    const withoutId = reqs.filter((r) => !r.id);
    if (withoutId.length > 0) {
      const first = withoutId[0] as Requirement;
      findings.push(
        finding(
          R['no-id'],
          anchorOf(first.unit),
          `${withoutId.length} requirement${withoutId.length === 1 ? ' has' : 's have'} no id (first: ${first.label}).`,
          'Prefix each requirement with a stable id that is never reused, e.g. "FR-1", "FR-2"; stories and tests trace back to it.',
        ),
      );
    }
    findings.push(...idFindings(withId, doc.lines));
    const unprioritised = reqs.filter((r) => !r.priority);
    for (const req of unprioritised.slice(0, params.maxPriorityFindings)) {
      findings.push(
        finding(
          R['no-priority'],
          anchorOf(req.unit),
          `${req.label} has no priority.`,
          `Give ${req.label} a priority: Must / Should / Could / Won't (or P0–P3), in a Priority column or as "(Must)".`,
        ),
      );
    }
    const duplicates = findings.filter((f) => f.rule === R['duplicate-id'].id).length;
    const score =
      0.3 + 0.35 * ratio(withId.length, reqs.length) + 0.35 * ratio(reqs.length - unprioritised.length, reqs.length);
    return { score: score - Math.min(0.3, duplicates * 0.1), findings };
  },
});

/** Duplicates by normalised id; gaps inside each prefix's numbering (FR-1, FR-2, FR-4 → FR-3 is missing). */
function idFindings(reqs: Requirement[], lines: readonly string[]): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Map<string, Requirement>();
  const numbers = new Map<string, { nums: Set<number>; first: Requirement }>();
  for (const req of reqs) {
    const key = req.key as string;
    const earlier = seen.get(key);
    if (earlier) {
      out.push(
        finding(
          R['duplicate-id'],
          anchorOf(req.unit),
          `${req.id} is used twice (also on line ${earlier.unit.line}).`,
          `Give this requirement the next free id; ids are never reused, so keep ${earlier.id} on line ${earlier.unit.line}.`,
        ),
      );
    } else seen.set(key, req);
    const m = /^(.*?)(\d+)$/.exec(key);
    // Section numbers ("4.1.1") are not a series of ids: a gap there is a heading, not a lost requirement.
    if (!m || !/[A-Z]/.test(m[1] as string)) continue;
    const group = numbers.get(m[1] as string) ?? { nums: new Set<number>(), first: req };
    group.nums.add(Number(m[2]));
    numbers.set(m[1] as string, group);
  }
  // An id written anywhere in the document (a heading further down, a table elsewhere) is not missing.
  const written = new Set<string>();
  if (numbers.size > 0) for (const m of lines.join('\n').matchAll(ID_MENTION)) written.add(idKey(m[0]));
  for (const [prefix, { nums, first }] of numbers) {
    if (nums.size < 2) continue;
    const max = Math.max(...nums);
    const missing: number[] = [];
    for (let n = Math.min(...nums) + 1; n < max && missing.length <= 10; n++)
      if (!nums.has(n) && !written.has(`${prefix}${n}`)) missing.push(n);
    if (missing.length === 0 || max > 5000) continue;
    const names = missing.slice(0, 10).map((n) => `${prefix}${n}`);
    out.push(
      finding(
        R['id-gap'],
        anchorOf(first.unit),
        `Requirement ids skip ${names.join(', ')}${missing.length > 10 ? '…' : ''}.`,
        `If ${names[0]} was removed, say so (e.g. "${names[0]} — withdrawn, see change log"); otherwise add it. Never renumber.`,
      ),
    );
  }
  return out;
}

const FIX_NONE =
  'Add a "Requirements" table with stable ids and priorities: Id | Requirement | Priority, e.g. "{{eg:requirement}}".';
