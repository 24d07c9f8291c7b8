// Risks, assumptions and dependencies: every risk has a mitigation, every dependency an owner.
import { z } from 'zod';
import { meaningfulWords } from '../facts/content.ts';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { OWNER_MARK } from '../patterns.ts';
import {
  anchorOf,
  defineCheck,
  documentAnchor,
  finding,
  quote,
  type RawFinding,
  ratio,
  rules,
  sectionAnchor,
} from './kit.ts';
import { region, statements } from './region.ts';

const R = rules('risks', {
  missing: ['major', 'No risks, assumptions or dependencies'],
  'no-mitigation': ['minor', 'A risk has no mitigation'],
  'dependency-no-owner': ['minor', 'A dependency has no owner'],
});

const MITIGATION =
  /\bmitigat\w*|\bfallback\b|\bcontingency\b|\bworkaround\b|\bwe will\b|\bplan b\b|\bmonitor\w*|\bavoid\w*|\breduce[sd]?\b|→|->|=>|\bpilot\b|\bfeature flag\b|\broll ?back\b|\bcap(?:ped)?\b|\blimit\w*|\balert\w*|\bescalat\w*/i;
const MITIGATION_HEADER = /mitigation|response|plan|action|control/i;
const OWNER_HEADER = /owner|who|team|responsible|contact/i;
const DEPENDENCY_START = /^\s*(?:\*\*)?(?:dependency|depends on|dep\.?)\b/i;
const ASSUMPTION_START = /^\s*(?:\*\*)?(?:assumption|we assume|assuming)\b/i;

type Kind = 'risk' | 'dependency' | 'assumption';

export const risksCheck = defineCheck({
  id: 'risks',
  rules: R,
  params: z.strictObject({ maxFindings: z.number().int().min(0).max(200).default(20) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'risks', 'dependencies', 'assumptions');
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    if (!found.hasWords(5)) {
      const message = found.sections[0]
        ? `"${found.sections[0].title}" lists no risk, assumption or dependency.`
        : 'There are no risks, assumptions or dependencies.';
      findings.push(finding(R.missing, anchor, message, FIX));
      return { score: 0, findings };
    }
    const items = statements(found.units).filter(
      (u) => u.kind !== 'code' && facts.meaningful(u) >= 2 && !/:\s*$/.test(u.text),
    );
    const risks = items.filter((u) => kindOf(facts, u) === 'risk');
    const dependencies = items.filter((u) => kindOf(facts, u) === 'dependency');
    const mitigated = new Set(
      risks.filter((u) => hasColumn(facts, u, MITIGATION_HEADER) || MITIGATION.test(withChildren(u))),
    );
    const owned = new Set(
      dependencies.filter((u) => hasColumn(facts, u, OWNER_HEADER) || OWNER_MARK.test(withChildren(u))),
    );
    for (const unit of risks.filter((u) => !mitigated.has(u)).slice(0, params.maxFindings)) {
      findings.push(
        finding(
          R['no-mitigation'],
          anchorOf(unit),
          `Risk ${quote(rowText(unit), 50)} has no mitigation.`,
          'Add what you will do about it and who watches it, e.g. "{{eg:mitigation}}".',
        ),
      );
    }
    for (const unit of dependencies.filter((u) => !owned.has(u)).slice(0, params.maxFindings)) {
      findings.push(
        finding(
          R['dependency-no-owner'],
          anchorOf(unit),
          `Dependency ${quote(rowText(unit), 50)} has no owner.`,
          'Name the owning team or person and the date you need it by, e.g. "{{eg:dependencyOwner}}".',
        ),
      );
    }
    const riskScore = risks.length > 0 ? 0.5 * ratio(mitigated.size, risks.length) : 0;
    const depScore = dependencies.length > 0 ? 0.2 * ratio(owned.size, dependencies.length) : 0.2;
    return { score: 0.3 + riskScore + depScore, findings };
  },
});

function kindOf(facts: DocFacts, unit: TextUnit): Kind {
  const text = rowText(unit);
  if (DEPENDENCY_START.test(text)) return 'dependency';
  if (ASSUMPTION_START.test(text)) return 'assumption';
  const topics = facts.ownTopics(unit.section);
  if (topics.includes('risks')) return 'risk';
  if (facts.about(unit.section, 'dependencies') && !facts.about(unit.section, 'risks')) return 'dependency';
  if (facts.about(unit.section, 'assumptions') && !facts.about(unit.section, 'risks')) return 'assumption';
  return 'risk';
}

/** A filled-in cell under a Mitigation / Owner column. */
function hasColumn(facts: DocFacts, unit: TextUnit, header: RegExp): boolean {
  if (!unit.row || unit.block.kind !== 'table') return false;
  const headers = unit.block.header;
  return unit.row.cells.some(
    (c, i) => i > 0 && header.test(headers[i]?.text ?? '') && meaningfulWords(c.text, facts.placeholders) > 0,
  );
}

function rowText(unit: TextUnit): string {
  return unit.row ? unit.row.cells.map((c) => c.text).join(' | ') : unit.text;
}

function withChildren(unit: TextUnit): string {
  const children = unit.item?.children.map((c) => c.text).join(' ') ?? '';
  return `${rowText(unit)} ${children}`;
}

const FIX =
  'Add "Risks, assumptions and dependencies": each risk with likelihood, impact and a mitigation; each dependency with an owner and a need-by date.';
