// Non-functional requirements: performance, availability, security, privacy, accessibility, compliance —
// quantified where possible and citing standards (WCAG, ISO 27001, PCI DSS, GDPR…).
import { z } from 'zod';
import type { TextUnit } from '../facts/units.ts';
import { UNIT } from '../patterns.ts';
import { statedInPassing } from './in-passing.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, ratio, rules, sectionAnchor } from './kit.ts';
import { region, statements } from './region.ts';

const R = rules('nfr', {
  missing: ['major', 'No non-functional requirements'],
  'no-section': ['minor', 'Non-functional requirements only in passing'],
  'not-quantified': ['minor', 'A performance or availability requirement has no number'],
  'few-categories': ['info', 'Few quality areas covered'],
  'no-standard': ['info', 'No standard cited'],
});

const CATEGORIES: Record<string, RegExp> = {
  performance:
    /\b(?:latency|p9[059]|p50|response time|throughput|load time|performance|requests? per|rps|concurren\w+|capacity)\b/i,
  availability: /\b(?:availability|uptime|sla|slo|rto|rpo|downtime|99\.\d+|failover|disaster recovery|backup)\b/i,
  security:
    /\b(?:security|encrypt\w*|authenticat\w*|authori[sz]\w*|owasp|pen(?:etration)? test\w*|tls|rbac|sso|mfa|2fa|secrets?|vulnerab\w+)\b/i,
  privacy: /\b(?:privacy|gdpr|popia|ndpr|pii|personal data|data protection|retention|consent|anonymi[sz]\w*|dpia)\b/i,
  accessibility: /\b(?:accessibility|accessible|wcag|a11y|screen readers?|contrast|keyboard)\b/i,
  compliance: /\b(?:compliance|pci(?:[- ]dss)?|soc ?2|iso ?27001|hipaa|regulat\w+|audit (?:log|trail)|aml|kyc)\b/i,
};
const STANDARD =
  /\b(?:wcag(?:\s?\d(?:\.\d)?)?|iso(?:\/iec)?\s?\d{4,5}|pci(?:[- ]dss)?|gdpr|popia|ndpr|hipaa|soc ?2|owasp(?: asvs| top ?10)?|nist|ccpa|psd2|en 301 549)\b/i;
const MEASURABLE_AREAS =
  /\b(?:latency|p9[059]|p50|response time|throughput|load time|uptime|availability|rto|rpo|capacity|concurren\w+|requests? per)\b/i;

export const nfrCheck = defineCheck({
  id: 'nfr',
  rules: R,
  params: z.strictObject({ minCategories: z.number().int().min(1).max(6).default(3) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'nfr');
    const extra = facts.requirements.filter((r) => r.kind === 'nfr' && r.substantive).flatMap((r) => r.units);
    const units = [...new Set([...found.units, ...extra])].filter((u) => facts.meaningful(u) > 0);
    const words = found.countWords(5) + extra.reduce((n, u) => n + facts.meaningful(u), 0);
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    // Security, privacy or performance stated elsewhere (a risks table, success metrics, principles) still counts.
    const elsewhere = words < 5 ? nfrInPassing(facts.units, found.units) : [];
    if (elsewhere.length >= 2 && elsewhere[0])
      return statedInPassing(R['no-section'], elsewhere[0], 'Non-functional requirements are stated', FIX_MISSING);
    if (words < 5) {
      const message = found.sections[0]
        ? `"${found.sections[0].title}" has no non-functional requirement under it.`
        : 'There are no non-functional requirements (performance, availability, security, privacy, accessibility).';
      findings.push(finding(R.missing, anchor, message, FIX_MISSING));
      return { score: 0, findings };
    }
    const text = units.map((u) => u.text).join('\n');
    const covered = Object.keys(CATEGORIES).filter((c) => (CATEGORIES[c] as RegExp).test(text));
    const measurable = statementsOf(units).filter((u) => MEASURABLE_AREAS.test(rowOrText(u)));
    const quantified = new Set(measurable.filter((u) => UNIT.test(rowOrText(u))));
    for (const unit of measurable) {
      if (quantified.has(unit)) continue;
      findings.push(
        finding(
          R['not-quantified'],
          anchorOf(unit),
          'This quality requirement has no number.',
          'Quantify it, e.g. "p95 API latency ≤ 300 ms at 50 requests/s" or "99.9% monthly availability".',
        ),
      );
    }
    if (covered.length < params.minCategories) {
      const missing = Object.keys(CATEGORIES).filter((c) => !covered.includes(c));
      findings.push(
        finding(
          R['few-categories'],
          anchor,
          `Only ${covered.length} quality area(s) covered (${covered.join(', ') || 'none'}).`,
          `Consider ${missing.slice(0, 3).join(', ')}; say "not affected" with the reason where one does not apply.`,
        ),
      );
    }
    const hasStandard = STANDARD.test(text);
    if (!hasStandard) {
      findings.push(
        finding(
          R['no-standard'],
          anchor,
          'No standard is cited.',
          'Cite the standards that apply, e.g. "WCAG 2.2 AA", "PCI DSS 4.0", "GDPR art. 32", "ISO/IEC 27001".',
        ),
      );
    }
    const quantifiedShare = measurable.length > 0 ? ratio(quantified.size, measurable.length) : UNIT.test(text) ? 1 : 0;
    return {
      score: 0.3 + 0.1 * Math.min(4, covered.length) + 0.2 * quantifiedShare + (hasStandard ? 0.1 : 0),
      findings,
    };
  },
});

function statementsOf(units: TextUnit[]): TextUnit[] {
  return statements(units).filter((u) => u.kind !== 'code');
}

function rowOrText(unit: TextUnit): string {
  return unit.row ? unit.row.cells.map((c) => c.text).join(' | ') : unit.text;
}

const FIX_MISSING =
  'Add "Non-functional requirements" with numbers and standards: performance ("p95 ≤ 300 ms"), availability ("99.9% monthly"), security and privacy ("GDPR, data stays in-region"), accessibility ("WCAG 2.2 AA").';

/** A quality statement that commits to something: a number, a standard or a named control, not "secure" alone. */
const QUALITY_COMMITMENT =
  /\d|\b(?:gdpr|hipaa|pci|wcag|iso|soc ?2|owasp|rbac|rls|row[- ]level security|encrypt\w*|audit (?:log|trail)|high contrast|screen readers?|keyboard navigation|(?:stored|kept) (?:only )?as (?:a )?secrets?)\b/i;
/** Qualities named without a number ("responsive", "fast loading", "secure API calls"): three areas say enough. */
const SOFT_QUALITIES: Record<string, RegExp> = {
  performance: /\b(?:fast[- ]loading|loads? (?:fast|quickly)|caching|performan\w+|optimi[sz]ed)\b/i,
  responsive: /\b(?:responsive|mobile[- ]friendly|works on mobile)\b/i,
  scalability: /\bscalab\w+/i,
  security: /\b(?:secure|security)\b/i,
  accessibility: /\baccessib\w+/i,
};

/**
 * Units outside the NFR section that state qualities: one per category with a number or a named standard, or —
 * failing two such — one per area named at all when three or more areas are.
 */
function nfrInPassing(units: readonly TextUnit[], inSection: readonly TextUnit[]): TextUnit[] {
  const skip = new Set(inSection);
  const found = new Map<string, TextUnit>();
  const soft = new Map<string, TextUnit>();
  for (const unit of units) {
    if (skip.has(unit) || unit.kind === 'heading' || unit.kind === 'code') continue;
    if (QUALITY_COMMITMENT.test(unit.text)) {
      for (const [category, pattern] of Object.entries(CATEGORIES))
        if (!found.has(category) && pattern.test(unit.text)) found.set(category, unit);
    }
    for (const [area, pattern] of Object.entries(SOFT_QUALITIES))
      if (!soft.has(area) && pattern.test(unit.text)) soft.set(area, unit);
  }
  if (found.size < 2 && soft.size >= 3) return [...soft.values()];
  return [...found.values()];
}
