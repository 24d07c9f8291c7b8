// Calibration of the pack validator on public documents (issue #14): validates each document of corpus.json as its
// kind, prints the verdicts per reviewer label, the blockers found on public packs (there should be none), and the
// precision of the findings a reviewer judged in judged.json. Texts live in bench/.corpus/handover/<id>.md
// (gitignored; see docs/handover-packs.md for how to fetch them); missing ones are listed and skipped.
//   node --import tsx bench/handover-public/run.ts [--json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackKind, PackReport } from '../../packages/core/src/handover/types.ts';
import { validatePack } from '../../packages/core/src/handover/validate.ts';

type Doc = { id: string; repo: string; path: string; commit: string; kind: PackKind; label: string; reason: string };
type Judged = { id: string; rule: string; line: number; about?: string; correct: boolean; note: string };

const here = import.meta.dirname;
const corpusDir = path.join(here, '..', '.corpus', 'handover');
const docs = (JSON.parse(readFileSync(path.join(here, 'corpus.json'), 'utf8')) as { documents: Doc[] }).documents;
// judged.json also holds the runbook-facts judgements (rules "facts.*", read by facts.ts): not validator findings.
const judged = (JSON.parse(readFileSync(path.join(here, 'judged.json'), 'utf8')) as Judged[]).filter(
  (j) => !j.rule.startsWith('facts.'),
);

export function runCalibration() {
  const reports = new Map<string, PackReport>();
  const missing: string[] = [];
  for (const doc of docs) {
    const file = path.join(corpusDir, `${doc.id}.md`);
    if (!existsSync(file)) {
      missing.push(doc.id);
      continue;
    }
    reports.set(doc.id, validatePack(readFileSync(file, 'utf8'), doc.kind));
  }
  const byLabel: Record<string, Record<string, number>> = {};
  const rows = docs
    .filter((d) => reports.has(d.id))
    .map((d) => {
      const r = reports.get(d.id) as PackReport;
      const counts = byLabel[d.label] ?? { pass: 0, conditional: 0, fail: 0 };
      counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
      byLabel[d.label] = counts;
      const blockers = r.findings.filter((f) => f.severity === 'blocker').map((f) => f.rule);
      return { id: d.id, kind: d.kind, label: d.label, score: r.score, verdict: r.verdict, blockers };
    });
  // A judged finding still counts only if the validator still reports it (same document, rule, line, message).
  let correct = 0;
  let total = 0;
  const stale: Judged[] = [];
  const perRule: Record<string, { correct: number; judged: number }> = {};
  for (const j of judged) {
    const report = reports.get(j.id);
    if (!report) continue;
    const found = report.findings.some(
      (f) => f.rule === j.rule && f.line === j.line && (!j.about || f.message.includes(j.about)),
    );
    if (!found) {
      stale.push(j);
      continue;
    }
    total++;
    if (j.correct) correct++;
    perRule[j.rule] ??= { correct: 0, judged: 0 };
    const rule = perRule[j.rule] as { correct: number; judged: number };
    rule.judged++;
    if (j.correct) rule.correct++;
  }
  return {
    documents: rows.length,
    missing,
    verdictsByLabel: byLabel,
    blockersOnPublicPacks: rows.flatMap((r) => r.blockers.map((b) => `${r.id}: ${b}`)),
    precision: { judged: total, correct, value: total ? Math.round((correct / total) * 1000) / 1000 : null },
    precisionByRule: perRule,
    staleJudgements: stale.map((s) => `${s.id} ${s.rule} line ${s.line}`),
    rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runCalibration();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `Pack validation on ${result.documents} public documents${result.missing.length ? ` (${result.missing.length} not fetched: ${result.missing.join(', ')})` : ''}`,
    );
    for (const r of result.rows)
      console.log(
        `  ${r.label.padEnd(10)} ${r.kind.padEnd(13)} ${String(r.score).padStart(3)} ${r.verdict.padEnd(11)} ${r.id}`,
      );
    console.log('Verdicts per label:', JSON.stringify(result.verdictsByLabel));
    console.log(
      `Blockers on public packs: ${result.blockersOnPublicPacks.length ? result.blockersOnPublicPacks.join('; ') : 'none'}`,
    );
    console.log(
      `Finding precision on the judged sample: ${result.precision.correct}/${result.precision.judged} = ${result.precision.value}`,
    );
    for (const [rule, p] of Object.entries(result.precisionByRule))
      console.log(`  ${rule.padEnd(36)} ${p.correct}/${p.judged}`);
    if (result.staleJudgements.length)
      console.log(`Judgements whose finding is gone: ${result.staleJudgements.join('; ')}`);
  }
}
