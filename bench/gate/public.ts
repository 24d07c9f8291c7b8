// The gate on public documents nobody here wrote (issue #11): verdicts per human label, Spearman between score and
// label, false blockers, controls that slip through, and the precision of a hand-judged sample of findings.
// The texts live in bench/.corpus/public/<id>.md (gitignored); bench/gate-public/corpus.json says where each
// comes from. Run alone: node --import tsx bench/gate/public.ts [--set calibration|holdout] [--dump file.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scoreDocument } from '../../packages/core/src/gate/score.ts';
import type { GateReport } from '../../packages/core/src/gate/types.ts';

const ROOT = path.join(import.meta.dirname, '..');
const LIST = path.join(ROOT, 'gate-public', 'corpus.json');
const JUDGED = path.join(ROOT, 'gate-public', 'judged-findings.json');
const TEXTS = path.join(ROOT, '.corpus', 'public');

export const LABELS = ['strong', 'medium-strong', 'medium', 'weak', 'control', 'not-a-prd'] as const;
export type Label = (typeof LABELS)[number];
/** The ordinal a human ranks by: controls and non-PRDs rank together at the bottom. */
const RANK: Record<Label, number> = { strong: 4, 'medium-strong': 3, medium: 2, weak: 1, control: 0, 'not-a-prd': 0 };

export type CorpusEntry = {
  id: string;
  set: 'calibration' | 'holdout';
  label: Label;
  kind: string;
  repo: string;
  path: string;
  commit: string;
  reason: string;
  /** Listed and scored, but not counted in the targets (and why). */
  excluded?: string;
};

/** A finding a person checked against the document: was it right? */
/**
 * One hand judgement. `message`, when recorded, is the message that was judged: if the gate now says something else
 * about the same passage, the judgement is stale (listed for re-judging, not counted).
 */
export type JudgedFinding = {
  id: string;
  rule: string;
  excerpt: string;
  correct: boolean;
  note?: string;
  message?: string;
};

export type ScoredDoc = CorpusEntry & { report: GateReport };

export function loadCorpus(set?: string): { entries: CorpusEntry[]; scored: ScoredDoc[]; missing: string[] } {
  const entries = (JSON.parse(readFileSync(LIST, 'utf8')) as { documents: CorpusEntry[] }).documents.filter(
    (e) => !set || e.set === set,
  );
  const scored: ScoredDoc[] = [];
  const missing: string[] = [];
  for (const e of entries) {
    const file = path.join(TEXTS, `${e.id}.md`);
    if (!existsSync(file)) missing.push(e.id);
    else scored.push({ ...e, report: scoreDocument(readFileSync(file, 'utf8')) });
  }
  return { entries, scored, missing };
}

/** Ranks with ties averaged, as Spearman's rho needs. */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

export function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  rx.forEach((x, i) => {
    const y = ry[i] ?? 0;
    num += (x - mx) * (y - my);
    dx += (x - mx) ** 2;
    dy += (y - my) ** 2;
  });
  return dx && dy ? num / Math.sqrt(dx * dy) : 0;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function summarise(all: ScoredDoc[], judged: JudgedFinding[]) {
  const scored = all.filter((d) => !d.excluded);
  const byLabel = Object.fromEntries(
    LABELS.map((l) => {
      const docs = scored.filter((d) => d.label === l);
      const count = (v: string) => docs.filter((d) => d.report.verdict === v).length;
      return [l, { docs: docs.length, pass: count('pass'), conditional: count('conditional'), fail: count('fail') }];
    }),
  ) as Record<Label, { docs: number; pass: number; conditional: number; fail: number }>;
  const isPrd = (d: ScoredDoc) => RANK[d.label] > 0;
  const falseBlockers = scored.filter(
    (d) => (d.label === 'strong' || d.label === 'medium-strong') && d.report.verdict === 'fail',
  );
  const slipped = scored.filter((d) => !isPrd(d) && d.report.verdict !== 'fail');
  const rho = spearman(
    scored.map((d) => d.report.score),
    scored.map((d) => RANK[d.label]),
  );
  // A judged finding counts when the gate still reports it (same document, rule and excerpt) with the message judged.
  const current = new Map<string, string[]>();
  for (const d of scored)
    for (const f of d.report.findings) {
      const key = `${d.id}|${f.rule}|${normalise(f.excerpt)}`;
      current.set(key, [...(current.get(key) ?? []), f.message]);
    }
  const reported = judged.filter((j) => current.has(`${j.id}|${j.rule}|${normalise(j.excerpt)}`));
  const isStale = (j: JudgedFinding) =>
    j.message !== undefined && !current.get(`${j.id}|${j.rule}|${normalise(j.excerpt)}`)?.includes(j.message);
  const stillReported = reported.filter((j) => !isStale(j));
  const stale = reported.filter(isStale);
  const correct = stillReported.filter((j) => j.correct).length;
  return {
    documents: scored.length,
    byLabel,
    spearman: Math.round(rho * 1000) / 1000,
    falseBlockers: falseBlockers.map((d) => `${d.id} (${d.label}, ${d.report.score})`),
    controlsNotFailing: slipped.map((d) => `${d.id} (${d.label}, ${d.report.verdict} ${d.report.score})`),
    findings: {
      judged: judged.length,
      stillReported: stillReported.length,
      correct,
      stale: stale.map((j) => `${j.id} ${j.rule}: ${j.excerpt.slice(0, 60)}`),
      precision: stillReported.length ? Math.round((correct / stillReported.length) * 1000) / 10 : null,
    },
    excluded: all
      .filter((d) => d.excluded)
      .map((d) => `${d.id} (${d.report.verdict} ${d.report.score}): ${d.excluded}`),
    perDocument: all.map((d) => ({
      id: d.id,
      set: d.set,
      label: d.label,
      score: d.report.score,
      verdict: d.report.verdict,
      blockers: d.report.findings.filter((f) => f.severity === 'blocker').map((f) => f.rule),
    })),
  };
}

export type PublicGateSummary = ReturnType<typeof summarise>;

export const targetsMet = (s: PublicGateSummary) => ({
  noFalseBlockers: s.falseBlockers.length === 0,
  everyControlFails: s.controlsNotFailing.length === 0,
  spearmanAtLeast08: s.spearman >= 0.8,
  findingPrecisionAtLeast90: s.findings.precision !== null && s.findings.precision >= 90 && s.findings.judged >= 100,
});

export function loadJudged(): JudgedFinding[] {
  return existsSync(JUDGED) ? (JSON.parse(readFileSync(JUDGED, 'utf8')) as JudgedFinding[]) : [];
}

/** Both sets; `null` when no text has been fetched (the corpus is not in git). */
export function runPublicGateBench() {
  const judged = loadJudged();
  const sets = (['calibration', 'holdout'] as const).map((set) => {
    const { scored, missing } = loadCorpus(set);
    return { set, missing: missing.length, ...summarise(scored, judged) };
  });
  if (sets.every((s) => s.documents === 0)) return null;
  const all = loadCorpus();
  return { sets, all: summarise(all.scored, judged) };
}

type PublicBench = NonNullable<ReturnType<typeof runPublicGateBench>>;

const yes = (ok: boolean) => (ok ? 'met' : '**not met**');

/** The Markdown that docs/benchmarks.md shows between its gate-public markers. */
export function publicGateSection(r: PublicBench): string {
  const rows = [
    '| set | documents | Spearman | strong: pass / cond / fail | medium-strong: pass / cond / fail | medium fail | weak fail | controls + non-PRDs failing | false blockers |',
    '|---|---:|---:|---|---|---:|---:|---:|---|',
  ];
  for (const s of [...r.sets.map((x) => ({ name: x.set, ...x })), { name: 'all', ...r.all }]) {
    const b = s.byLabel;
    const controls = b.control.docs + b['not-a-prd'].docs;
    const failing = b.control.fail + b['not-a-prd'].fail;
    rows.push(
      `| ${s.name} | ${s.documents} | ${s.spearman} | ${b.strong.pass} / ${b.strong.conditional} / ${b.strong.fail} | ${b['medium-strong'].pass} / ${b['medium-strong'].conditional} / ${b['medium-strong'].fail} | ${b.medium.fail} of ${b.medium.docs} | ${b.weak.fail} of ${b.weak.docs} | ${failing} of ${controls} | ${s.falseBlockers.join(', ') || 'none'} |`,
    );
  }
  const t = targetsMet(r.all);
  const f = r.all.findings;
  return [
    ...rows,
    '',
    `Findings judged by hand: ${f.judged}; still reported: ${f.stillReported}; correct: ${f.correct} (${f.precision ?? '—'} %).`,
    `Excluded from the targets: ${r.all.excluded.join('; ').replace(/\.$/, '') || 'none'}.`,
    '',
    `Targets on all documents: no false blockers — ${yes(t.noFalseBlockers)}; every control and non-PRD fails — ${yes(t.everyControlFails)}; Spearman ≥ 0.8 — ${yes(t.spearmanAtLeast08)}; ≥ 90 % of ≥ 100 judged findings correct — ${yes(t.findingPrecisionAtLeast90)}.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { set: { type: 'string' }, dump: { type: 'string' } } });
  const { scored, missing } = loadCorpus(values.set);
  if (missing.length) console.error(`not fetched: ${missing.join(', ')}`);
  const s = summarise(scored, loadJudged());
  for (const d of s.perDocument)
    console.log(
      `${d.verdict.padEnd(11)} ${String(d.score).padStart(3)}  ${d.label.padEnd(13)} ${d.id}  ${d.blockers.join(' ')}`,
    );
  const { perDocument: _p, ...rest } = s;
  console.log(JSON.stringify({ ...rest, targets: targetsMet(s) }, null, 2));
  if (values.dump)
    writeFileSync(values.dump, JSON.stringify(scored.map((d) => ({ id: d.id, label: d.label, report: d.report }))));
}
