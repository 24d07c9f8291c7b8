// CLI benchmark (issue #11 §4), whole processes only — what a terminal or a CI step waits for:
//   - `pistudio --help`: the built CLI (node packages/cli/bin/pistudio.js; median of 40 runs after 5 warm-up runs,
//     hyperfine-style), through npx (10 runs: npm's own start-up dominates), bare `node -e 0` for the floor, and the
//     TypeScript sources run through tsx as the CLI did before it was built (ADR 0016; 20 runs);
//   - `pistudio gate DIR` over the 1,000 generated PRDs of bench/gate/corpus.ts (written to bench/.corpus/gate)
//     against markdownlint over the same files as a whole process (bench/cli/markdownlint.mjs: the library, default
//     rules), alternating, median of the runs. Goals: --help < 150 ms; the gate ≥ 10× faster than markdownlint.
// Run alone: node --import tsx bench/cli.ts [--quick]; `npm run bench -- --only=cli` writes docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePrd, targetWords } from './gate/corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'packages/cli/bin/pistudio.js');
const CORPUS = path.join(ROOT, 'bench/.corpus/gate');
export const HELP_GOAL_MS = 150;
export const GATE_GOAL_RATIO = 10;

type Timing = { runs: number; medianMs: number; meanMs: number; sdMs: number; minMs: number; maxMs: number };

/** Runs a command `runs` times after `warmup` runs; every run must exit with one of `okCodes`. */
function time(cmd: string, args: string[], runs: number, warmup: number, okCodes = [0]): Timing {
  return interleaved([{ cmd, args, okCodes }], runs, warmup)[0] as Timing;
}

type Command = { cmd: string; args: string[]; okCodes?: number[] };

/**
 * Times several commands in rounds (each runs once per round, in turn), so a burst of load on the machine hits them
 * alike and their difference stays meaningful.
 */
function interleaved(commands: Command[], runs: number, warmup: number): Timing[] {
  const samples: number[][] = commands.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    commands.forEach(({ cmd, args, okCodes = [0] }, k) => {
      const t0 = performance.now();
      const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      const ms = performance.now() - t0;
      if (!okCodes.includes(r.status ?? -1)) {
        throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n')[0]}`);
      }
      if (i >= warmup) samples[k]?.push(ms);
    });
  }
  return samples.map(summarise);
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const mean = samples.reduce((n, s) => n + s, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((n, s) => n + (s - mean) ** 2, 0) / samples.length);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    runs: samples.length,
    medianMs: r(median),
    meanMs: r(mean),
    sdMs: r(sd),
    minMs: r(sorted[0] ?? 0),
    maxMs: r(sorted[sorted.length - 1] ?? 0),
  };
}

/** The deterministic corpus of bench/gate/run.ts, exactly `count` files (extra files of a bigger run removed). */
function writeCorpus(count: number): { files: number; words: number; bytes: number } {
  fs.mkdirSync(CORPUS, { recursive: true });
  let words = 0;
  let bytes = 0;
  const wanted = new Set<string>();
  for (let i = 0; i < count; i++) {
    const name = `prd-${String(i).padStart(4, '0')}.md`;
    const text = generatePrd(i, targetWords(i, count));
    fs.writeFileSync(path.join(CORPUS, name), text);
    wanted.add(name);
    words += text.split(/\s+/).length;
    bytes += Buffer.byteLength(text);
  }
  for (const name of fs.readdirSync(CORPUS)) if (!wanted.has(name)) fs.rmSync(path.join(CORPUS, name), { force: true });
  return { files: count, words, bytes };
}

export async function runCliBench({ quick = false } = {}) {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the CLI build failed');

  const helpRuns = quick ? 20 : 40;
  const [help, gateHelp, bareNode] = interleaved(
    [
      { cmd: process.execPath, args: [BIN, '--help'] },
      { cmd: process.execPath, args: [BIN, 'gate', '--help'] },
      { cmd: process.execPath, args: ['-e', '0'] },
    ],
    helpRuns,
    5,
  ) as [Timing, Timing, Timing];
  const npx = time('npx', ['pistudio', '--help'], quick ? 5 : 10, 2);
  const fromSource = time(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "process.exitCode = await (await import('./packages/cli/src/main.ts')).main(['--help'])",
    ],
    quick ? 5 : 20,
    2,
  );

  const count = quick ? 200 : 1000;
  const corpus = writeCorpus(count);
  // What the gate said, once, so the table shows it gated every file (and how many it judged not PRDs).
  const check = spawnSync(process.execPath, [BIN, 'gate', CORPUS, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const out = JSON.parse(check.stdout) as {
    summary: { files: number; pass: number; conditional: number; fail: number };
    notPrds?: unknown[];
  };
  const lintCheck = spawnSync(process.execPath, ['bench/cli/markdownlint.mjs', CORPUS], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const lintOut = JSON.parse(lintCheck.stdout) as { files: number; problems: number };

  const rounds = quick ? 1 : 3;
  const gateSamples: number[] = [];
  const lintSamples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    gateSamples.push(time(process.execPath, [BIN, 'gate', CORPUS, '--format', 'json'], 1, 0, [0, 1]).medianMs);
    lintSamples.push(time(process.execPath, ['bench/cli/markdownlint.mjs', CORPUS], 1, 0).medianMs);
  }
  const gate = summarise(gateSamples);
  const markdownlint = summarise(lintSamples);
  const ratio = Math.round((markdownlint.medianMs / gate.medianMs) * 10) / 10;
  return {
    cpus: os.availableParallelism(),
    load: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    help,
    gateHelp,
    bareNode,
    npx,
    fromSource,
    corpus,
    gated: { ...out.summary, notPrds: out.notPrds?.length ?? 0 },
    markdownlintProblems: lintOut.problems,
    markdownlintFiles: lintOut.files,
    gate,
    markdownlint,
    ratio,
    helpMet: help.medianMs < HELP_GOAL_MS,
    ratioMet: ratio >= GATE_GOAL_RATIO,
  };
}

/** The Markdown written between the bench:cli markers of docs/benchmarks.md. */
export function cliSection(r: Awaited<ReturnType<typeof runCliBench>>, stamp: string): string {
  const ms = (t: Timing) => `${t.medianMs} | ${t.meanMs} ± ${t.sdMs} | ${t.minMs} | ${t.maxMs}`;
  const yes = (met: boolean) => (met ? 'yes' : '**no**');
  return [
    `${stamp} Whole processes (spawn → exit), ${r.cpus} CPUs, load average ${r.load} at the end. Goals (issue #11): \`pistudio --help\` < ${HELP_GOAL_MS} ms; the gate over ${r.corpus.files} generated PRDs ≥ ${GATE_GOAL_RATIO}× faster than markdownlint (library, default rules) over the same files.`,
    '',
    '| command | runs | median ms | mean ± sd ms | min ms | max ms | goal met |',
    '|---|---:|---:|---:|---:|---:|:---:|',
    `| \`node packages/cli/bin/pistudio.js --help\` (built) | ${r.help.runs} | ${ms(r.help)} | ${yes(r.helpMet)} |`,
    `| \`npx pistudio --help\` (npm's own start-up included) | ${r.npx.runs} | ${ms(r.npx)} | — |`,
    `| \`pistudio gate --help\` (built) | ${r.gateHelp.runs} | ${ms(r.gateHelp)} | — |`,
    `| \`node -e 0\` (Node's own start, the floor) | ${r.bareNode.runs} | ${ms(r.bareNode)} | — |`,
    `| \`--help\` from the TypeScript sources through tsx (before ADR 0016) | ${r.fromSource.runs} | ${ms(r.fromSource)} | — |`,
    '',
    `| documents | words | MB | gate verdicts (pass / conditional / fail / not a PRD) | gate ms | markdownlint ms | markdownlint ÷ gate | goal met |`,
    '|---:|---:|---:|---|---:|---:|---:|:---:|',
    `| ${r.corpus.files} | ${r.corpus.words} | ${(r.corpus.bytes / 1024 / 1024).toFixed(1)} | ${r.gated.pass} / ${r.gated.conditional} / ${r.gated.fail} / ${r.gated.notPrds} | ${r.gate.medianMs} (${r.gate.runs} runs, ${r.gate.minMs}–${r.gate.maxMs}) | ${r.markdownlint.medianMs} (${r.markdownlint.runs} runs, ${r.markdownlint.minMs}–${r.markdownlint.maxMs}) | ${r.ratio} | ${yes(r.ratioMet)} |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runCliBench({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
