// The gate: one parse, shared facts, one check per criterion, then severities, golden citations, score and
// verdict. Pure and deterministic — the same text and rubric give a byte-identical report everywhere.
import { parseDocument } from '../markdown/parse.ts';
import { type CompiledCriterion, compileRubric } from './compile.ts';
import { DEFAULT_RUBRIC } from './default-rubric.ts';
import { DocFacts } from './facts/facts.ts';
import { bestGolden, citeGolden } from './golden.ts';
import type { Rubric } from './rubric.ts';
import type { CriterionScore, Finding, GateReport, ScoreOptions } from './types.ts';
import { verdictOf } from './verdict.ts';

const MAX_FINDINGS_PER_RULE = 200;

export function scoreDocument(text: string, rubric: Rubric = DEFAULT_RUBRIC, options: ScoreOptions = {}): GateReport {
  const compiled = compileRubric(rubric);
  const lexicon = compiled.lexicon(options.language);
  const doc = parseDocument(text);
  const facts = new DocFacts(doc, lexicon);
  const ctx = { doc, facts, lexicon };
  const lastLine = Math.max(1, doc.lines.length);
  const criteria: CriterionScore[] = [];
  const findings: (Finding & { order: number })[] = [];
  let total = 0;
  compiled.criteria.forEach((criterion, order) => {
    const result = criterion.check.run(ctx, criterion.params);
    total += criterion.weight * result.score;
    criteria.push({
      id: criterion.id,
      name: criterion.name,
      weight: criterion.weight,
      score: Math.round(result.score * 100) / 100,
    });
    const golden = bestGolden(criterion.id, options);
    for (const raw of result.findings) {
      const line = Math.min(Math.max(1, raw.line), lastLine);
      const column = Math.max(1, Math.min(raw.column, (doc.lines[line - 1]?.length ?? 0) + 1));
      findings.push({
        criterion: criterion.id,
        rule: raw.rule,
        severity: severityOf(criterion, raw.rule, raw.severity, compiled.blockers),
        line,
        column,
        section: raw.section,
        excerpt: raw.excerpt,
        message: raw.message,
        fix: citeGolden(raw.fix, golden),
        order,
      });
    }
  });
  findings.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.order - b.order ||
      compare(a.rule, b.rule) ||
      compare(a.message, b.message) ||
      compare(a.excerpt, b.excerpt),
  );
  const score = Math.min(100, Math.max(0, Math.round(total)));
  // A 10 MB export can produce tens of thousands of identical findings; the first ones per rule tell the story.
  const perRule = new Map<string, number>();
  const ordered: Finding[] = [];
  for (const { order: _order, ...f } of findings) {
    const seen = perRule.get(f.rule) ?? 0;
    perRule.set(f.rule, seen + 1);
    if (seen < MAX_FINDINGS_PER_RULE) ordered.push(f);
  }
  return {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    score,
    verdict: verdictOf(score, ordered, compiled.rubric.verdict),
    criteria,
    findings: ordered,
  };
}

function severityOf(
  criterion: CompiledCriterion,
  rule: string,
  fallback: Finding['severity'],
  blockers: ReadonlySet<string>,
): Finding['severity'] {
  if (blockers.has(rule)) return 'blocker';
  const override = criterion.severities[rule];
  if (override) return override;
  // Only the rubric's blocker list makes a blocker: a check never escalates on its own.
  return fallback === 'blocker' ? 'major' : fallback;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
