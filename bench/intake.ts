// Chat-export intake (issue #13): a 100,000-message WhatsApp export read and de-duplicated, side by side with the
// parsing library's own parse-only time in the same run (goal: ≤ 2× it), and duplicate detection over 50,000 items
// (goal: < 10 s). In-process, from bytes, as `pistudio intake parse --dedupe` does; the server's import adds the
// database write on top. Rounds alternate the two so a burst of load hits both alike; medians are reported.
// The import through the real server (preview, commit, re-import over HTTP) is bench/intake/server.ts.
import os from 'node:os';
import { parseString } from 'whatsapp-chat-parser';
import { findDuplicates } from '../packages/core/src/intake/duplicates.ts';
import { parseExport } from '../packages/core/src/intake/parse.ts';
import { distinctExport, whatsappExport } from './intake/exports.ts';

export { distinctExport, whatsappExport };

export const IMPORT_RATIO_GOAL = 2;
export const DEDUPE_GOAL_MS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

type ImportFigures = {
  messages: number;
  megabytes: number;
  parseOnlyMs: number;
  importMs: number;
  ratio: number;
  clusters: number;
};

export type IntakeBench = ImportFigures & {
  /** The same measure on a chat of distinct messages (distinctExport). */
  distinct: ImportFigures;
  dedupeItems: number;
  dedupeMs: number;
  /** The 1-minute load average when the run started and when it ended (2 cores, shared). */
  load: [number, number];
};

/** The library's parse-only time beside ours (read + duplicate detection), alternating, medians. */
function measureImport(text: string, rounds: number): ImportFigures {
  const bytes = new TextEncoder().encode(text);
  const parseOnly: number[] = [];
  const imports: number[] = [];
  let messages = 0;
  let clusters = 0;
  for (let r = 0; r < rounds + 1; r++) {
    let t = performance.now();
    parseString(text, { parseAttachments: false });
    const a = performance.now() - t;
    t = performance.now();
    const result = parseExport(bytes, { source: 'auto' });
    clusters = findDuplicates(result.items.map((i) => i.text)).length;
    const b = performance.now() - t;
    messages = result.items.length;
    if (r > 0) {
      parseOnly.push(a);
      imports.push(b);
    }
  }
  const parseOnlyMs = median(parseOnly);
  const importMs = median(imports);
  return {
    messages,
    megabytes: Math.round((bytes.length / 1024 / 1024) * 10) / 10,
    parseOnlyMs: Math.round(parseOnlyMs),
    importMs: Math.round(importMs),
    ratio: Math.round((importMs / parseOnlyMs) * 100) / 100,
    clusters,
  };
}

export function runIntakeBench({ quick = false } = {}): IntakeBench {
  const rounds = quick ? 2 : 5;
  const loadStart = os.loadavg()[0] ?? 0;
  const lookAlike = measureImport(whatsappExport(100_000), rounds);
  const distinct = measureImport(distinctExport(100_000), rounds);
  const items = parseExport(new TextEncoder().encode(whatsappExport(50_000))).items.map((i) => i.text);
  const dedupe: number[] = [];
  for (let r = 0; r < (quick ? 2 : 3); r++) {
    const t = performance.now();
    findDuplicates(items);
    dedupe.push(performance.now() - t);
  }
  const load: [number, number] = [loadStart, os.loadavg()[0] ?? 0];
  return { ...lookAlike, distinct, dedupeItems: items.length, dedupeMs: Math.round(median(dedupe)), load };
}

export function intakeSection(r: IntakeBench, stamp: string): string {
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  return [
    `${stamp} In-process from bytes, medians of alternating rounds after one warm-up round. A generated Android export (24-hour, day-first) of 100,000 messages (${r.megabytes} MB; multi-line messages, a system line, one message in five repeating a complaint in other words; the other four are templated status lines that resemble each other too, so every message lands in a cluster: the hard case for the word index). A second export, \`distinctExport\`, replaces those four with distinct sentences. Load average ${r.load[0].toFixed(2)} at the start, ${r.load[1].toFixed(2)} at the end (2 cores, shared).`,
    '',
    '| measure | goal | measured | met |',
    '|---|---|---|---|',
    `| parse only, the library (\`whatsapp-chat-parser\` \`parseString\`) | — | ${r.parseOnlyMs} ms | — |`,
    `| read + duplicate detection (\`parseExport\` + \`findDuplicates\`, ${r.messages} items, ${r.clusters} clusters) | ≤ ${IMPORT_RATIO_GOAL}× parse only | ${r.importMs} ms = ${r.ratio}× | ${yes(r.ratio <= IMPORT_RATIO_GOAL)} |`,
    `| the same on a chat of distinct messages (\`distinctExport\`: four in five are sentences over a skewed 3,000-word vocabulary, ${r.distinct.megabytes} MB, ${r.distinct.clusters} clusters): parse only ${r.distinct.parseOnlyMs} ms | ≤ ${IMPORT_RATIO_GOAL}× parse only | ${r.distinct.importMs} ms = ${r.distinct.ratio}× | ${yes(r.distinct.ratio <= IMPORT_RATIO_GOAL)} |`,
    `| duplicate detection over ${r.dedupeItems} items | < ${DEDUPE_GOAL_MS / 1000} s | ${r.dedupeMs} ms | ${yes(r.dedupeMs < DEDUPE_GOAL_MS)} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(intakeSection(runIntakeBench({ quick: process.argv.includes('--quick') }), ''));
  // Alone, the server leg runs on PGlite only (`npm run bench -- --only=intake` adds PostgreSQL when reachable).
  if (!process.argv.includes('--in-process')) {
    const { runServerIntakeBench, serverIntakeSection } = await import('./intake/server.ts');
    const server = await runServerIntakeBench({
      quick: process.argv.includes('--quick'),
      pgUrl: null,
      text: whatsappExport(100_000),
    });
    console.log(serverIntakeSection(server, IMPORT_RATIO_GOAL));
  }
}
