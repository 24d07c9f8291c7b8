// Draws a deterministic sample of the gate's findings on the public corpus for a person to judge (issue #11): up
// to `--per-doc` findings per document, spread over its rules, each with the lines around it. The judgements go to
// bench/gate-public/judged-findings.json ({id, rule, excerpt, correct, note}); bench/gate/public.ts scores them.
// Run: node --import tsx bench/gate/sample-findings.ts --out .tmp/findings-sample.json [--per-doc 3] [--unjudged]
// --unjudged leaves out findings already judged (same document, rule and excerpt): the next round of judging after
// the engine changed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './public.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'findings-sample.json' },
    'per-doc': { type: 'string', default: '3' },
    unjudged: { type: 'boolean', default: false },
  },
});
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const judged = new Set(
  values.unjudged
    ? (
        JSON.parse(
          readFileSync(path.join(import.meta.dirname, '..', 'gate-public', 'judged-findings.json'), 'utf8'),
        ) as {
          id: string;
          rule: string;
          excerpt: string;
        }[]
      ).map((j) => `${j.id}|${j.rule}|${normalise(j.excerpt)}`)
    : [],
);
const perDoc = Number(values['per-doc']);
const { scored } = loadCorpus();
const sample = [];
for (const d of scored) {
  const lines = readFileSync(path.join(import.meta.dirname, '..', '.corpus', 'public', `${d.id}.md`), 'utf8').split(
    '\n',
  );
  // One finding per rule first (the rarest rules are the ones a sample misses), in document order.
  const byRule = new Map<string, (typeof d.report.findings)[number]>();
  for (const f of d.report.findings)
    if (!byRule.has(f.rule) && !judged.has(`${d.id}|${f.rule}|${normalise(f.excerpt)}`)) byRule.set(f.rule, f);
  const picked = [...byRule.values()].sort((a, b) => a.line - b.line).slice(0, perDoc);
  for (const f of picked)
    sample.push({
      id: d.id,
      label: d.label,
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      section: f.section,
      excerpt: f.excerpt,
      message: f.message,
      fix: f.fix,
      context: lines.slice(Math.max(0, f.line - 4), f.line + 3).join('\n'),
    });
}
writeFileSync(values.out, JSON.stringify(sample, null, 2));
console.log(`${sample.length} findings from ${scored.length} documents → ${values.out}`);
