// Calibration of runbookFacts (core handover/runbook-facts.ts) on the public runbooks of corpus.json (issue #14): what
// it reads from each runbook (environments, URLs) against a reviewer's judgements in judged.json, rules "facts.*":
//   facts.environment  an environment name; correct = it is one of the service's environments
//   facts.url          a URL the extractor gave; correct = it is the service's (endpoint, console, dashboard, repo)
//   facts.host         a host of the service that the runbook writes as an http(s) URL (the recall set for URLs)
//   facts.owner, facts.bare_host  facts the extractor does not look for (owners, hosts without a scheme): listed
// Precision = extracted values judged right / extracted values judged; recall = judged-right environments and hosts
// the extraction covers. Extracted values nobody judged are listed: judge them before quoting a figure.
// Texts live in bench/.corpus/handover/<id>.md (see docs/handover-packs.md, 'Calibration'); missing ones are skipped.
//   node --import tsx bench/handover-public/facts.ts [--json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runbookFacts } from '../../packages/core/src/handover/runbook-facts.ts';

type Doc = { id: string; kind: string };
type Judged = { id: string; rule: string; line: number; about?: string; correct: boolean; note: string };

const here = import.meta.dirname;
const corpusDir = path.join(here, '..', '.corpus', 'handover');
const docs = (JSON.parse(readFileSync(path.join(here, 'corpus.json'), 'utf8')) as { documents: Doc[] }).documents;
const judged = (JSON.parse(readFileSync(path.join(here, 'judged.json'), 'utf8')) as Judged[]).filter((j) =>
  j.rule.startsWith('facts.'),
);

const hostOf = (url: string) => /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
const ratio = (n: number, d: number) => ({ n, d, value: d ? Math.round((n / d) * 1000) / 1000 : null });

export function runFactsCalibration() {
  const runbooks = docs.filter((d) => d.kind === 'runbook');
  const missing: string[] = [];
  const perDoc = [];
  const unjudged: string[] = [];
  const wrong: string[] = [];
  const missed: string[] = [];
  const outOfScope: string[] = [];
  const tally = {
    env: { right: 0, judged: 0, found: 0, facts: 0 },
    url: { right: 0, judged: 0 },
    host: { found: 0, facts: 0 },
  };
  for (const doc of runbooks) {
    const file = path.join(corpusDir, `${doc.id}.md`);
    if (!existsSync(file)) {
      missing.push(doc.id);
      continue;
    }
    const facts = runbookFacts(readFileSync(file, 'utf8'));
    const mine = judged.filter((j) => j.id === doc.id);
    const about = (rule: string, value: string) => mine.find((j) => j.rule === rule && j.about === value);
    const envs = facts.environments.map((e) => e.name);
    for (const [rule, values, t] of [
      ['facts.environment', envs, tally.env],
      ['facts.url', facts.urls, tally.url],
    ] as const)
      for (const v of values) {
        const j = about(rule, v);
        if (!j) unjudged.push(`${doc.id} ${rule} ${v}`);
        else {
          t.judged++;
          if (j.correct) t.right++;
          else wrong.push(`${doc.id} ${rule} ${v} (line ${j.line}: ${j.note})`);
        }
      }
    const hosts = new Set(facts.urls.map(hostOf));
    for (const j of mine.filter((m) => m.correct)) {
      if (j.rule === 'facts.environment') {
        tally.env.facts++;
        if (envs.includes(j.about ?? '')) tally.env.found++;
        else missed.push(`${doc.id} environment ${j.about} (line ${j.line})`);
      } else if (j.rule === 'facts.host') {
        tally.host.facts++;
        if (hosts.has(j.about ?? '')) tally.host.found++;
        else missed.push(`${doc.id} host ${j.about} (line ${j.line})`);
      } else if (j.rule !== 'facts.url') outOfScope.push(`${doc.id} ${j.rule.slice(6)} ${j.about} (line ${j.line})`);
    }
    perDoc.push({ id: doc.id, environments: facts.environments, urls: facts.urls });
  }
  const extractedRight = tally.env.right + tally.url.right;
  const extractedJudged = tally.env.judged + tally.url.judged;
  return {
    runbooks: perDoc.length,
    missing,
    precision: {
      all: ratio(extractedRight, extractedJudged),
      environments: ratio(tally.env.right, tally.env.judged),
      urls: ratio(tally.url.right, tally.url.judged),
    },
    recall: {
      all: ratio(tally.env.found + tally.host.found, tally.env.facts + tally.host.facts),
      environments: ratio(tally.env.found, tally.env.facts),
      hosts: ratio(tally.host.found, tally.host.facts),
    },
    wrong,
    missed,
    outOfScope,
    unjudged,
    perDoc,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runFactsCalibration();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    const f = (x: { n: number; d: number; value: number | null }) => `${x.n}/${x.d} = ${x.value ?? '-'}`;
    console.log(
      `runbookFacts on ${r.runbooks} public runbooks${r.missing.length ? ` (not fetched: ${r.missing.join(', ')})` : ''}`,
    );
    for (const d of r.perDoc)
      console.log(
        `  ${d.id}: ${d.environments.map((e) => (e.url ? `${e.name} ${e.url}` : e.name)).join(', ') || 'no environment'}; ${d.urls.length} URL(s)`,
      );
    console.log(
      `Precision ${f(r.precision.all)} (environments ${f(r.precision.environments)}, URLs ${f(r.precision.urls)})`,
    );
    console.log(`Recall ${f(r.recall.all)} (environments ${f(r.recall.environments)}, hosts ${f(r.recall.hosts)})`);
    for (const [title, list] of [
      ['Wrong', r.wrong],
      ['Missed', r.missed],
      ['Not looked for', r.outOfScope],
      ['Unjudged (judge these)', r.unjudged],
    ] as const)
      if (list.length) console.log(`${title}:\n  ${list.join('\n  ')}`);
  }
}
