// Chat-export intake (issue #13): a 100,000-message WhatsApp export read and de-duplicated, side by side with the
// parsing library's own parse-only time in the same run (goal: ≤ 2× it), and duplicate detection over 50,000 items
// (goal: < 10 s). In-process, from bytes, as `pistudio intake parse --dedupe` does; the server's import adds the
// database write on top. Rounds alternate the two so a burst of load hits both alike; medians are reported.
// The import through the real server (preview, commit, re-import over HTTP) is bench/intake/server.ts.
import { parseString } from 'whatsapp-chat-parser';
import { findDuplicates } from '../packages/core/src/intake/duplicates.ts';
import { parseExport } from '../packages/core/src/intake/parse.ts';

export const IMPORT_RATIO_GOAL = 2;
export const DEDUPE_GOAL_MS = 10_000;

// Feedback a UAT group writes, so that about one message in five repeats another in other words.
const SUBJECTS = ['checkout', 'refund page', 'payout report', 'login screen', 'card form', 'export button', 'search'];
const PROBLEMS = [
  'declines my debit card every time',
  'shows a blank page after saving',
  'takes more than a minute to load',
  'loses the amount I typed',
  'says the session expired although I just signed in',
  'shows yesterday instead of today',
];
const NAMES = ['Omar Haddad', 'Leila Farouk', 'Karim', 'Amara Nwosu', 'Sarah Lindqvist', 'Musa Okafor', 'Youssef'];

/** A deterministic Android export (24-hour, day-first) of `count` messages, some multi-line, some system lines. */
export function whatsappExport(count: number, chatter?: (i: number) => string): string {
  const lines = ['01/11/2026, 08:00 - Messages and calls are end-to-end encrypted. Tap to learn more.'];
  for (let i = 0; i < count; i++) {
    const minute = 8 * 60 + i;
    const day = 1 + (Math.floor(minute / 1440) % 28);
    const month = 11 + (Math.floor(minute / (1440 * 28)) % 2);
    const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const who = NAMES[i % NAMES.length];
    const subject = SUBJECTS[(i * 5) % SUBJECTS.length];
    const problem = PROBLEMS[(i * 11) % PROBLEMS.length];
    const text =
      i % 5 === 0
        ? `the ${subject} ${problem} again, ticket ${i % 997}`
        : (chatter?.(i) ??
          `Message ${i}: build ${i % 89} of the ${subject} ${i % 3 === 0 ? `looks fine\nexcept item ${i % 13}` : 'works for me'}`);
    lines.push(`${String(day).padStart(2, '0')}/${month}/2026, ${hh}:${mm} - ${who}: ${text}`);
  }
  return `${lines.join('\n')}\n`;
}

// A chat of distinct messages: people talking about many things over a skewed vocabulary (a few words common, most
// rare, as in real chats), with the same one message in five repeating a complaint. Pseudo-words from syllables, a
// seeded mulberry32 generator: the same export on every run.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'ta',
  'vo',
  'shi',
  'del',
  'pra',
  'nu',
  'ge',
  'bor',
  'fi',
  'qua',
  'ze',
  'lan',
];

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Like whatsappExport, but the four messages in five that are no complaint are distinct sentences. */
export function distinctExport(count: number): string {
  const random = mulberry32(12345);
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(
      '',
    ),
  );
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)];
  return whatsappExport(count, () => Array.from({ length: 5 + Math.floor(random() * 10) }, word).join(' '));
}

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
  const lookAlike = measureImport(whatsappExport(100_000), rounds);
  const distinct = measureImport(distinctExport(100_000), rounds);
  const items = parseExport(new TextEncoder().encode(whatsappExport(50_000))).items.map((i) => i.text);
  const dedupe: number[] = [];
  for (let r = 0; r < (quick ? 2 : 3); r++) {
    const t = performance.now();
    findDuplicates(items);
    dedupe.push(performance.now() - t);
  }
  return { ...lookAlike, distinct, dedupeItems: items.length, dedupeMs: Math.round(median(dedupe)) };
}

export function intakeSection(r: IntakeBench, stamp: string): string {
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  return [
    `${stamp} In-process from bytes, medians of alternating rounds after one warm-up round. A generated Android export (24-hour, day-first) of 100,000 messages (${r.megabytes} MB; multi-line messages, a system line, one message in five repeating a complaint in other words; the other four are templated status lines that resemble each other too, so every message lands in a cluster: the hard case for the word index). A second export, \`distinctExport\`, replaces those four with distinct sentences.`,
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
