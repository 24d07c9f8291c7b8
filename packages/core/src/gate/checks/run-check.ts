// Runs one check on a Markdown snippet with the default rubric — for the per-check tests and for tools that
// explain a single criterion.
import { parseDocument } from '../../markdown/parse.ts';
import { compileRubric } from '../compile.ts';
import { DEFAULT_RUBRIC } from '../default-rubric.ts';
import { DocFacts } from '../facts/facts.ts';
import type { CheckResult } from './kit.ts';

export function runCheck(
  checkId: string,
  markdown: string,
  params?: Record<string, unknown>,
): CheckResult & { rules: string[] } {
  const compiled = compileRubric(DEFAULT_RUBRIC);
  const criterion = compiled.criteria.find((c) => c.check.id === checkId);
  if (!criterion) throw new Error(`no criterion uses check ${checkId}`);
  const lexicon = compiled.lexicon();
  const doc = parseDocument(markdown);
  const facts = new DocFacts(doc, lexicon);
  const result = criterion.check.run(
    { doc, facts, lexicon },
    params ? criterion.check.params.parse(params) : criterion.params,
  );
  return { ...result, rules: result.findings.map((f) => f.rule) };
}
