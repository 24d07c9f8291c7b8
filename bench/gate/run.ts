// Gate benchmark: 1,000 generated PRDs (500–5,000 words) in bench/.corpus/gate; times the gate and markdownlint
// (library, default rules) over the same files in the same run and prints one JSON summary.
// Run alone: node --import tsx bench/gate/run.ts [--count 1000]; `npm run bench` calls runGateBench().
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scoreDocument } from '../../packages/core/src/gate/score.ts';
import { generatePrd, targetWords } from './corpus.ts';

export async function runGateBench(count = 1000) {
  const dir = path.join(import.meta.dirname, '..', '.corpus', 'gate');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `prd-${String(i).padStart(4, '0')}.md`);
    writeFileSync(file, generatePrd(i, targetWords(i, count)));
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .slice(0, count)
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
  const words = files.reduce((n, f) => n + f.text.split(/\s+/).length, 0);

  const perDoc: number[] = [];
  const verdicts = { pass: 0, conditional: 0, fail: 0 };
  const gateStart = performance.now();
  for (const f of files) {
    const t0 = performance.now();
    verdicts[scoreDocument(f.text).verdict]++;
    perDoc.push(performance.now() - t0);
  }
  const gateMs = performance.now() - gateStart;

  let markdownlintMs: number | null = null;
  let markdownlintError: string | null = null;
  try {
    const { lint } = await import('markdownlint/sync');
    const start = performance.now();
    for (const f of files) lint({ strings: { [f.name]: f.text } });
    markdownlintMs = performance.now() - start;
  } catch (err) {
    markdownlintError = (err as Error).message.split('\n')[0] ?? 'failed';
  }

  const sorted = [...perDoc].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    docs: files.length,
    words,
    node: process.version,
    gateMs: round(gateMs),
    markdownlintMs: markdownlintMs === null ? null : round(markdownlintMs),
    ratio: markdownlintMs === null ? null : round(gateMs / markdownlintMs),
    perDocP50Ms: round(at(0.5)),
    perDocP95Ms: round(at(0.95)),
    perDocMaxMs: round(sorted[sorted.length - 1] ?? 0),
    msPer3000Words: round((gateMs / words) * 3000),
    verdicts,
    ...(markdownlintError ? { markdownlintError } : {}),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
  console.log(JSON.stringify(await runGateBench(Number(values.count)), null, 2));
}
