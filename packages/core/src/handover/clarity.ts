// Clarity: the gate's own clarity check run on the pack. A pack has no requirements, so every prose unit is weighted
// as the gate weighs non-functional requirements; hits are warnings (minor), dense wording is major. Packs describe
// rather than require: "an attacker could inject…", "a higher version" are how threat models and release notes speak,
// so the weak-wording and comparative lists, which judge requirements, are left out (calibration: docs/handover-packs.md).
import { clarityCheck } from '../gate/checks/clarity.ts';
import type { CheckContext, RuleInfo } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { CLARITY_RULES } from './rules.ts';

const PARAMS = clarityCheck.params.parse({
  locationWeights: { requirement: 0.7, metric: 0.7, acceptance: 0.7, nfr: 0.7, scope: 0.7, other: 0.7 },
  maxFindings: 40,
  // Packs list facts ("all alerts page on-call"): totality terms are left to the reader.
  totalityFrom: 1,
  listWeights: { vague: 1, loopholes: 1, openEnded: 0.8, weak: 0, totality: 0.1, comparative: 0 },
});

/** The gate's rule id → the pack's; rules not listed in CLARITY_RULES (weak, comparative) are not reported. */
const BY_GATE_RULE = new Map<string, RuleInfo>(
  Object.values(CLARITY_RULES).map((r) => [`clarity.${r.id.split('.').pop()}`, r]),
);

export function checkClarity(ctx: CheckContext): { score: number; findings: Finding[] } {
  const result = clarityCheck.run(ctx, PARAMS);
  const findings: Finding[] = [];
  const at = new Set<string>();
  for (const raw of result.findings) {
    const rule = BY_GATE_RULE.get(raw.rule);
    // One word, one finding, whichever lists it is on.
    const where = `${raw.line}:${raw.column}`;
    // "✅ Good", "4G Fast (10 Mbps)": a status or name in a table cell, not wording to sharpen.
    if (!rule || at.has(where) || raw.excerpt.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 3) continue;
    at.add(where);
    findings.push({ ...raw, criterion: 'pack.clarity', rule: rule.id });
  }
  return { score: result.score, findings };
}
