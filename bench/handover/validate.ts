// Pack validation benchmark (issue #14): one generated 100-page runbook (~50,000 words: sections, tables, numbered
// steps, code blocks, links), validated N times after a warm-up; prints one JSON line with p50/p95 (goal < 100 ms).
// Run alone: node --import tsx bench/handover/validate.ts [--runs 40] [--words 50000]
import { parseArgs } from 'node:util';
import type { ProductRecord } from '../../packages/core/src/handover/types.ts';
import { validatePack } from '../../packages/core/src/handover/validate.ts';

/** Deterministic: the same words give the same pack, so runs and machines compare. */
export function generatePack(words: number): string {
  const out: string[] = ['# PayFlow (FINTX-PAYFLOW) runbook, version 2.4.0', ''];
  let count = 0;
  const topics = [
    'Service overview',
    'Architecture and dependencies',
    'Environments and access',
    'Deploy and rollback',
    'Configuration and secrets',
    'Monitoring and alerts',
    'Routine operations',
    'Known issues and troubleshooting',
    'Backup and restore',
    'Security operations',
    'Contacts and escalation',
  ];
  for (let page = 0; count < words; page++) {
    const topic = topics[page % topics.length] as string;
    out.push(`## ${page + 1}. ${topic} (part ${Math.floor(page / topics.length) + 1})`, '');
    const para = `Batch ${page} of the payout worker reads up to 5,000 lines from PostgreSQL, signs them with the key in kv/payflow/prod and sends them to the bank gateway within 2 minutes; when the gateway answers 503 the worker retries 3 times, 30 seconds apart, then pages the on-call engineer through PagerDuty.`;
    for (let p = 0; p < 3; p++) out.push(para, '');
    out.push('| Step | Command | Expected | Minutes |', '| --- | --- | --- | --- |');
    for (let r = 0; r < 8; r++)
      out.push(`| ${r + 1} | \`payflow step ${r}\` | batch ${page}.${r} settled | ${r + 2} |`);
    out.push(
      '',
      '1. Drain the queue and check the lag is under 60 seconds.',
      '2. Run the migration.',
      '3. Check /health.',
      '',
    );
    out.push('```sh', `deployctl rollout payflow --batch ${page} --timeout 600`, '```', '');
    out.push(`See [the overview](#1-service-overview-part-1) for the SLO of 99.9% within 2 hours.`, '');
    count = out.join(' ').split(/\s+/).length;
  }
  return out.join('\n');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The record the generated pack was written for: consistency runs on every line too. */
const RECORD: ProductRecord = {
  name: 'PayFlow',
  code: 'FINTX-PAYFLOW',
  version: '2.4.0',
  owners: [{ name: 'Ada Obi', email: 'ada.obi@fintx.io' }],
  environments: [{ name: 'production', url: 'https://payflow.fintx.io' }],
};

function timeRuns(text: string, runs: number, product?: ProductRecord) {
  for (let i = 0; i < 10; i++) validatePack(text, 'runbook', { product });
  const times: number[] = [];
  let report = validatePack(text, 'runbook', { product });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    report = validatePack(text, 'runbook', { product });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = (p: number) => Math.round(percentile(times, p) * 10) / 10;
  return {
    p50Ms: ms(50),
    p95Ms: ms(95),
    score: report.score,
    verdict: report.verdict,
    findings: report.findings.length,
  };
}

export function runPackBench(runs = 40, words = 50_000) {
  const text = generatePack(words);
  const count = text.split(/\s+/).length;
  return {
    bench: 'handover-pack-validate',
    words: count,
    pages: Math.round(count / 500),
    bytes: Buffer.byteLength(text),
    runs,
    goalMs: 100,
    withoutRecord: timeRuns(text, runs),
    withRecord: timeRuns(text, runs, RECORD),
  };
}

export function packSection(r: ReturnType<typeof runPackBench>, stamp: string): string {
  const met = (ms: number) => (ms < r.goalMs ? 'yes' : '**no**');
  return [
    `${stamp} In-process, \`validatePack(text, 'runbook')\` on a generated ${r.pages}-page runbook (${r.words.toLocaleString('en')} words, ${Math.round(r.bytes / 1024)} KB; headings, tables, lists, code blocks, internal links), ${r.runs} runs after 10 warm-up runs. Goal (issue #14): < ${r.goalMs} ms.`,
    '',
    '| case | p50 ms | p95 ms | verdict (score, findings) | met (p95) |',
    '|---|---:|---:|---|:---:|',
    `| without a product record | ${r.withoutRecord.p50Ms} | ${r.withoutRecord.p95Ms} | ${r.withoutRecord.verdict} (${r.withoutRecord.score}, ${r.withoutRecord.findings}) | ${met(r.withoutRecord.p95Ms)} |`,
    `| with a product record (consistency on every line) | ${r.withRecord.p50Ms} | ${r.withRecord.p95Ms} | ${r.withRecord.verdict} (${r.withRecord.score}, ${r.withRecord.findings}) | ${met(r.withRecord.p95Ms)} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, words: { type: 'string' } } });
  console.log(JSON.stringify(runPackBench(Number(values.runs ?? 40), Number(values.words ?? 50_000))));
}
