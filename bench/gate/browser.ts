// Browser benchmark for issue 3: re-scoring a 3,000-word PRD with the core engine bundled for the browser (the
// same code the editor's live gate runs), in Debian's Chromium. Goal: p95 < 15 ms.
// Run: node --import tsx bench/gate/browser.ts [--iterations 200]  (also callable as runBrowserBench()).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { CHROMIUM, launchBrowser } from '../../e2e/support/browser.ts';
import { writeSection } from '../docs-section.ts';
import { generatePrd } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GOAL_P95_MS = 15;
/** Index into the benchmark corpus generator: a fixed document, so runs compare across machines and days. */
const PRD_INDEX = 42;
const TARGET_WORDS = 3000;

export type BrowserBenchResult = {
  browser: string;
  bundleBytes: number;
  words: number;
  iterations: number;
  warmup: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  goalP95: number;
  meetsGoal: boolean;
  score: number;
  verdict: string;
  /** 1-minute load average when the run ended: a busy machine inflates the tail. */
  loadAverage: number;
};

// The timing loop ships inside the bundle (not page.evaluate's serialised function, which tsx would decorate):
// each iteration makes a small edit, as typing does, then re-scores the whole document, as the live gate does
// after its debounce, timed with the page's own clock.
const LOOP = `
  globalThis.__gateBench = {
    run(text, iterations, warmup) {
      const lines = text.split('\\n');
      const edited = (i) => {
        const copy = lines.slice();
        const at = Math.abs(i * 37) % copy.length;
        copy[at] = copy[at] + ' edit' + i;
        return copy.join('\\n');
      };
      for (let i = 1; i <= warmup; i++) scoreDocument(edited(-i));
      const times = [];
      let last = scoreDocument(text);
      for (let i = 0; i < iterations; i++) {
        const doc = edited(i);
        const started = performance.now();
        last = scoreDocument(doc);
        times.push(performance.now() - started);
      }
      return { times, score: last.score, verdict: last.verdict };
    },
  };
`;

/** The engine as the SPA ships it: an ES2022 browser bundle, minified, with nothing from Node. */
async function bundleEngine(): Promise<string> {
  const entry = path.join(ROOT, 'packages/core/src/gate/score.ts');
  const result = await build({
    stdin: {
      contents: `import { scoreDocument } from ${JSON.stringify(entry)};\n${LOOP}`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no bundle');
  return out.text;
}

const round = (n: number) => Math.round(n * 100) / 100;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

export async function runBrowserBench(
  options: { iterations?: number; warmup?: number; writeDocs?: boolean } = {},
): Promise<BrowserBenchResult> {
  const iterations = options.iterations ?? 200;
  const warmup = options.warmup ?? 50;
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const bundle = await bundleEngine();
  const text = generatePrd(PRD_INDEX, TARGET_WORDS);
  const words = text.split(/\s+/).filter(Boolean).length;
  const browser = await launchBrowser();
  const { context, page } = browser;
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const browserVersion = context.browser()?.version() ?? 'unknown';
    const run = (await page.evaluate(`__gateBench.run(${JSON.stringify(text)}, ${iterations}, ${warmup})`)) as {
      times: number[];
      score: number;
      verdict: string;
    };
    const sorted = [...run.times].sort((a, b) => a - b);
    const p95 = round(quantile(sorted, 0.95));
    const result: BrowserBenchResult = {
      browser: `Chromium ${browserVersion}`,
      bundleBytes: Buffer.byteLength(bundle),
      words,
      iterations,
      warmup,
      p50: round(quantile(sorted, 0.5)),
      p95,
      p99: round(quantile(sorted, 0.99)),
      mean: round(sorted.reduce((n, t) => n + t, 0) / sorted.length),
      max: round(sorted.at(-1) ?? Number.NaN),
      goalP95: GOAL_P95_MS,
      meetsGoal: p95 < GOAL_P95_MS,
      score: run.score,
      verdict: run.verdict,
      loadAverage: round(os.loadavg()[0] ?? 0),
    };
    if (options.writeDocs ?? true) writeSection('gate-browser', browserBenchMarkdown(result));
    return result;
  } finally {
    await browser.close();
  }
}

export function browserBenchMarkdown(r: BrowserBenchResult): string {
  const stamp = `Measured ${new Date().toISOString().slice(0, 16)}Z on ${process.platform}/${process.arch}, ${r.browser} (headless), engine bundled with esbuild (${Math.round(r.bundleBytes / 1024)} KiB minified), load average ${r.loadAverage} on ${os.cpus().length} CPUs.`;
  return [
    `${stamp} A ${r.words}-word PRD re-scored ${r.iterations} times after small edits (${r.warmup} warm-up runs), all 14 criteria of rubric v1. Goal: p95 < ${r.goalP95} ms.`,
    '',
    '| words | runs | p50 ms | p95 ms | p99 ms | mean ms | max ms | goal met |',
    '|---:|---:|---:|---:|---:|---:|---:|:---:|',
    `| ${r.words} | ${r.iterations} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.mean} | ${r.max} | ${r.meetsGoal ? 'yes' : 'no'} |`,
  ].join('\n');
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' } } });
  const result = await runBrowserBench({ iterations: Number(values.iterations) });
  console.log(JSON.stringify(result));
  // A miss is reported, not fatal: on a loaded machine the tail is the scheduler's, not the engine's.
  if (!result.meetsGoal) console.error(`p95 ${result.p95} ms is above the ${result.goalP95} ms goal`);
}
