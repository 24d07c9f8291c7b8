// Intake on public chat exports nobody here wrote (issue #13): each file of bench/intake-public/corpus.json is parsed
// (parseExport for a file, parseSlackFiles for an unzipped Slack export) and compared with a person's reading of it —
// message and author counts, first and last timestamp, dropped counts, and hand-checked sample messages. Then
// findDuplicates runs over the pooled WhatsApp and Slack items and its links are compared with the hand judgements of
// bench/intake-public/judged-duplicates.json (precision). The texts live in bench/.corpus/intake/ (gitignored);
// sources missing there are listed and skipped.
// Run: node --import tsx bench/intake/public.ts [--pairs] [--threshold 0.6]   (--pairs prints every duplicate link
// with both texts, for judging; the texts are printed, never written to a file)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findDuplicates } from '../../packages/core/src/intake/duplicates.ts';
import { IntakeError } from '../../packages/core/src/intake/errors.ts';
import { parseExport } from '../../packages/core/src/intake/parse.ts';
import { parseSlackFiles } from '../../packages/core/src/intake/slack.ts';
import type { IntakeDropped, IntakeItem, IntakeResult } from '../../packages/core/src/intake/types.ts';

const ROOT = path.join(import.meta.dirname, '..');
const LIST = path.join(ROOT, 'intake-public', 'corpus.json');
const JUDGED = path.join(ROOT, 'intake-public', 'judged-duplicates.json');
const CORPUS = path.join(ROOT, '.corpus', 'intake');

type Check = {
  line?: number;
  ts?: string;
  id?: string;
  author?: string;
  timestamp?: string;
  textStart?: string;
  replyTo?: string;
  absent?: boolean;
  why?: string;
};
type Source = {
  id: string;
  kind: 'whatsapp' | 'slack' | 'teams';
  local: string;
  expected: {
    messages: number;
    authors: number;
    first: string;
    last: string;
    dropped: Partial<IntakeDropped>;
    checked: Check[];
  };
};
type Judged = { a: string; b: string; same: boolean; reason: string; similarity?: number };

/** A stable name for an item: the source and its line (WhatsApp), ts (Slack) or id (Teams). */
const refOf = (id: string, item: IntakeItem) => `${id}:${item.line !== undefined ? `L${item.line}` : item.messageId}`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function parse(source: Source): IntakeResult {
  const where = path.join(CORPUS, source.local);
  if (source.kind !== 'slack') return parseExport(readFileSync(where));
  const files = new Map<string, Uint8Array>();
  for (const p of walk(where)) files.set(path.relative(where, p).split(path.sep).join('/'), readFileSync(p));
  return parseSlackFiles(files);
}

function find(items: IntakeItem[], check: Check): IntakeItem | undefined {
  if (check.line !== undefined) return items.find((i) => i.line === check.line);
  return items.find((i) => i.messageId === (check.ts ?? check.id));
}

/** What is wrong with one checked sample; empty when it is right. */
function checkSample(items: IntakeItem[], check: Check): string[] {
  const item = find(items, check);
  const at = check.line !== undefined ? `line ${check.line}` : (check.ts ?? check.id);
  if (check.absent) return item ? [`${at}: should be dropped (${check.why}), is an item by ${item.author}`] : [];
  if (!item) return [`${at}: missing`];
  const wrong: string[] = [];
  if (check.author !== undefined && item.author !== check.author) wrong.push(`${at}: author "${item.author}"`);
  if (check.timestamp !== undefined && item.timestamp !== check.timestamp) wrong.push(`${at}: time ${item.timestamp}`);
  if (check.textStart !== undefined && !item.text.startsWith(check.textStart)) {
    wrong.push(`${at}: text ${JSON.stringify(item.text.slice(0, 60))}`);
  }
  if (check.replyTo !== undefined && item.replyTo !== check.replyTo) wrong.push(`${at}: replyTo ${item.replyTo}`);
  return wrong;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function main(): void {
  const { values } = parseArgs({
    options: { pairs: { type: 'boolean', default: false }, threshold: { type: 'string', default: '0.6' } },
  });
  const threshold = Number(values.threshold);
  const sources = (JSON.parse(readFileSync(LIST, 'utf8')) as { sources: Source[] }).sources;
  const missing: string[] = [];
  let parsedOk = 0;
  let countRight = 0;
  let expectedMessages = 0;
  let matchedMessages = 0;
  let spurious = 0;
  let samples = 0;
  let samplesRight = 0;
  const pooled: { ref: string; text: string }[] = [];
  console.log('Intake on public exports\n');
  for (const source of sources) {
    if (!existsSync(path.join(CORPUS, source.local))) {
      missing.push(source.id);
      continue;
    }
    const e = source.expected;
    expectedMessages += e.messages;
    samples += e.checked.length;
    let result: IntakeResult;
    try {
      result = parse(source);
    } catch (err) {
      const why = err instanceof IntakeError ? `${err.code}: ${err.message}` : String(err);
      console.log(`FAIL      ${source.kind.padEnd(8)} ${source.id} — refused: ${why}`);
      continue;
    }
    parsedOk++;
    const items = result.items;
    const problems: string[] = [];
    if (items.length !== e.messages) problems.push(`messages ${items.length} (expected ${e.messages})`);
    else countRight++;
    // Count level: a file yields min(items, labelled) of its messages; items beyond the label are spurious (a kept
    // bot or system line). The checked samples say which ones are right.
    matchedMessages += Math.min(items.length, e.messages);
    spurious += Math.max(0, items.length - e.messages);
    const authors = new Set(items.map((i) => i.author)).size;
    if (authors !== e.authors) problems.push(`authors ${authors} (expected ${e.authors})`);
    if (items[0]?.timestamp !== e.first) problems.push(`first ${items[0]?.timestamp} (expected ${e.first})`);
    if (items.at(-1)?.timestamp !== e.last) problems.push(`last ${items.at(-1)?.timestamp} (expected ${e.last})`);
    for (const [reason, n] of Object.entries(e.dropped)) {
      const got = result.dropped[reason as keyof IntakeDropped];
      if (got !== n) problems.push(`dropped.${reason} ${got} (expected ${n})`);
    }
    let right = 0;
    for (const check of e.checked) {
      const wrong = checkSample(items, check);
      if (wrong.length === 0) right++;
      else problems.push(...wrong);
    }
    samplesRight += right;
    const verdict = problems.length === 0 ? 'OK' : 'MISMATCH';
    console.log(
      `${verdict.padEnd(9)} ${source.kind.padEnd(8)} ${source.id} — ${items.length} items, samples ${right}/${e.checked.length}`,
    );
    for (const p of problems) console.log(`            ${p}`);
    if (source.kind !== 'teams')
      for (const item of items) pooled.push({ ref: refOf(source.id, item), text: item.text });
  }

  const present = sources.length - missing.length;
  console.log('\nTotals');
  console.log(
    `  sources present            ${present} of ${sources.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
  );
  console.log(`  parsed without error       ${parsedOk} of ${present} (${pct(parsedOk, present)})`);
  console.log(`  message count as labelled  ${countRight} of ${present} files`);
  console.log(
    `  messages                   ${matchedMessages} of ${expectedMessages} labelled (${pct(matchedMessages, expectedMessages)}; a refused file counts 0), ${spurious} spurious`,
  );
  console.log(`  checked samples right      ${samplesRight} of ${samples} (${pct(samplesRight, samples)})`);

  // Near duplicates over the pooled WhatsApp and Slack items, judged by hand.
  const clusters = findDuplicates(
    pooled.map((p) => p.text),
    { threshold },
  );
  const links = clusters.flatMap((c) => c.links);
  const judged: Judged[] = existsSync(JUDGED)
    ? (JSON.parse(readFileSync(JUDGED, 'utf8')) as { pairs: Judged[] }).pairs
    : [];
  const key = (a: string, b: string) => [a, b].sort().join(' ~ ');
  const verdicts = new Map(judged.map((j) => [key(j.a, j.b), j]));
  let judgedNow = 0;
  let same = 0;
  const unjudged: string[] = [];
  links.forEach((link, n) => {
    const a = pooled[link.similarTo]?.ref ?? '';
    const b = pooled[link.item]?.ref ?? '';
    const j = verdicts.get(key(a, b));
    if (j) {
      judgedNow++;
      if (j.same) same++;
    } else unjudged.push(`${a} ~ ${b}`);
    if (values.pairs) {
      console.log(
        `\n#${n} [${link.similarTo}] ${a}  ~  [${link.item}] ${b}  ${Math.round(link.similarity * 100)} %  ${j ? (j.same ? 'SAME' : 'DIFFERENT') : 'unjudged'}`,
      );
      console.log(`   A: ${JSON.stringify(pooled[link.similarTo]?.text)}`);
      console.log(`   B: ${JSON.stringify(pooled[link.item]?.text)}`);
    }
  });
  console.log(
    `\nNear duplicates (findDuplicates, threshold ${threshold}) over ${pooled.length} pooled WhatsApp and Slack items`,
  );
  console.log(`  clusters                   ${clusters.length}, links (reported pairs) ${links.length}`);
  console.log(
    `  judged by hand             ${judgedNow} of ${links.length}; the same message: ${same} (precision ${pct(same, judgedNow)})`,
  );
  if (unjudged.length > 0)
    console.log(`  not judged yet: ${unjudged.slice(0, 10).join('; ')}${unjudged.length > 10 ? ' …' : ''}`);
}

main();
