// The chat-export import through the real server (issue #13), beside the parsing library's parse-only time of the
// same bytes in the same run: `pistudio serve` in a child process (as bench/backlog.ts), on PGlite and on PostgreSQL.
// Per round, on a fresh product: `parseString` of the export in this process, then (a) the preview of the
// 100,000-message export over HTTP, end to end (parse in the job pool, near duplicates within the file and against
// the product's items, the draft stored, the answer read), (b) the commit of 20,000 selected messages, (c) the same
// file imported again (preview + commit of the same indices), which must create nothing. Every answer is checked,
// so a broken import cannot produce a fast figure. Medians over the rounds after one warm-up round.
// Where the preview's time goes is measured once after the rounds: the same steps in this process on the same bytes.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { parseString } from 'whatsapp-chat-parser';
import { FEEDBACK_LIMITS } from '../../packages/core/src/contract/feedback.ts';
import { SimilarityIndex } from '../../packages/core/src/feedback/similar.ts';
import { findDuplicates } from '../../packages/core/src/intake/duplicates.ts';
import { parseExport } from '../../packages/core/src/intake/parse.ts';
import { bootstrap } from '../../packages/server/src/bootstrap/index.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { products, subsidiaries } from '../../packages/server/src/db/schema/workspace.ts';
import { openConfigured } from '../../packages/server/src/main.ts';
import { SIMILAR_POOL } from '../../packages/server/src/modules/feedback/service.ts';
import { createDeps } from '../../packages/server/src/use-case/deps.ts';
import { login, type Session, withBenchDatabase } from '../api.ts';
import { spawnServer } from '../spawn-server.ts';

const ADMIN = { email: 'bench@pistudio.local', password: 'load-test-password-1' };
const baseEnv = { PISTUDIO_ADMIN_EMAIL: ADMIN.email, PISTUDIO_ADMIN_PASSWORD: ADMIN.password, PISTUDIO_DEMO: '0' };
const SUB = 'FINTX';
const SELECTED = FEEDBACK_LIMITS.commitIndices;

export type ServerRound = {
  parseOnlyMs: number;
  previewMs: number;
  commitMs: number;
  reimportPreviewMs: number;
  reimportCommitMs: number;
};
export type ServerLeg = {
  database: string;
  rounds: ServerRound[];
  median: ServerRound & { reimportMs: number };
  messages: number;
  clusters: number;
  selected: number;
  created: number;
  reimportCreated: number;
  reimportSkipped: number;
  previewMegabytes: number;
};
export type PreviewParts = {
  parseMs: number;
  duplicatesMs: number;
  fingerprintsMs: number;
  draftJsonMs: number;
  draftMegabytes: number;
  similarEmptyMs: number;
  similarPoolMs: number;
};
export type ServerIntakeBench = {
  legs: ServerLeg[];
  parts: PreviewParts;
  load: [number, number];
  roundsMeasured: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type PreviewItem = { index: number; duplicateOfIndex: number | null; alreadyImported: boolean; text: string };
type Preview = { id: string; messages: number; alreadyImported: boolean; items: PreviewItem[]; clusters: unknown[] };
type Committed = { created: { key: string }[]; skipped: number; skippedIndices: number[] };

async function post(url: string, s: Session, body: BodyInit, type: string) {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...s.headers, 'x-csrf-token': s.csrf, 'content-type': type },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, text };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`intake server bench: ${what}`);
}

/** One product per round, so each round's first import is a first import; stored straight in the database. */
async function seedProducts(env: Record<string, string>, count: number): Promise<string[]> {
  const config = loadConfig({ ...baseEnv, ...env, PISTUDIO_LOG_LEVEL: 'silent' });
  const { handle, unlock } = await openConfigured(config, { followChanges: false });
  try {
    await bootstrap(createDeps(handle, config, pino({ level: 'silent' })));
    await handle.db
      .insert(subsidiaries)
      .values({ code: SUB, name: `${SUB} (bench)` })
      .onConflictDoNothing();
    const [sub] = await handle.db.select({ id: subsidiaries.id }).from(subsidiaries).where(eq(subsidiaries.code, SUB));
    if (!sub) throw new Error(`no subsidiary ${SUB}`);
    const subsidiaryId = sub.id;
    const codes = Array.from({ length: count }, (_, i) => `${SUB}-INTAKE${i}`);
    await handle.db.insert(products).values(
      codes.map((code) => ({
        code,
        name: `Intake bench ${code}`,
        subsidiaryId,
        productType: 'web_app',
        stage: 'build',
      })),
    );
    return codes;
  } finally {
    await handle.close();
    await unlock();
  }
}

async function measureLeg(
  database: string,
  env: Record<string, string>,
  file: { text: string; bytes: Uint8Array<ArrayBuffer>; messages: number },
  rounds: number,
): Promise<ServerLeg> {
  const codes = await seedProducts(env, rounds + 1);
  const server = await spawnServer({ ...baseEnv, ...env });
  try {
    const s = await login(server.url);
    const api = (p: string) => `${server.url}/api/v1${p}`;
    const measured: ServerRound[] = [];
    let indices: number[] = [];
    let clusters = 0;
    let previewBytes = 0;
    let created = 0;
    let reimportCreated = 0;
    let reimportSkipped = 0;
    for (const [r, code] of codes.entries()) {
      const imports = api(`/products/${code}/feedback/imports?fileName=bench-chat.txt`);
      const text = 'text/plain; charset=utf-8';
      const t0 = performance.now();
      parseString(file.text, { parseAttachments: false });
      const parseOnlyMs = performance.now() - t0;

      // (a) The preview.
      const first = await post(imports, s, file.bytes, text);
      const preview = JSON.parse(first.text) as Preview;
      previewBytes = Buffer.byteLength(first.text);
      check(preview.messages === file.messages, `preview read ${preview.messages} messages, not ${file.messages}`);
      check(preview.items.length === file.messages, `preview listed ${preview.items.length} items`);
      check(!preview.alreadyImported && preview.items.every((i) => !i.alreadyImported), 'fresh product: imported?');
      check(
        preview.clusters.length > 0 && preview.items.some((i) => i.duplicateOfIndex !== null),
        'the preview marked no near duplicates',
      );
      clusters = preview.clusters.length;
      // What a reviewer keeps: messages not marked as repeating an earlier one, then (in a chat where most messages
      // resemble another) the earliest marked ones, 20,000 in all.
      const unmarked = preview.items.filter((i) => i.duplicateOfIndex === null);
      const marked = preview.items.filter((i) => i.duplicateOfIndex !== null);
      indices = [...unmarked, ...marked]
        .slice(0, SELECTED)
        .map((i) => i.index)
        .sort((a, b) => a - b);
      check(indices.length === SELECTED, `only ${indices.length} messages to select`);
      const commitBody = JSON.stringify({ indices });

      // (b) The commit.
      const committed = await post(
        api(`/products/${code}/feedback/imports/${preview.id}/commit`),
        s,
        commitBody,
        'application/json',
      );
      const made = JSON.parse(committed.text) as Committed;
      check(
        made.created.length === SELECTED && made.skipped === 0,
        `commit created ${made.created.length}, skipped ${made.skipped}`,
      );

      created = made.created.length;

      // The warm-up round stops here: the re-import's look-up against the committed items is the longest step.
      if (r === 0) {
        console.log(
          `intake ${database} warm-up: preview ${Math.round(first.ms)} ms, commit ${Math.round(committed.ms)} ms`,
        );
        continue;
      }

      // (c) The same file again: everything selected was imported, so the commit creates nothing.
      const again = await post(imports, s, file.bytes, text);
      const repeat = JSON.parse(again.text) as Preview;
      check(repeat.alreadyImported, 'the re-import preview did not see the file was imported');
      check(
        indices.every((n) => repeat.items[n]?.alreadyImported === true),
        'the re-import preview did not mark the imported messages',
      );
      const recommitted = await post(
        api(`/products/${code}/feedback/imports/${repeat.id}/commit`),
        s,
        commitBody,
        'application/json',
      );
      const remade = JSON.parse(recommitted.text) as Committed;
      check(remade.created.length === 0, `the re-import created ${remade.created.length} items`);
      check(remade.skipped === SELECTED, `the re-import skipped ${remade.skipped}`);
      reimportCreated = remade.created.length;
      reimportSkipped = remade.skipped;

      // The product holds exactly the selected messages.
      const summary = (await (
        await fetch(api(`/products/${code}/feedback/summary`), { headers: s.headers })
      ).json()) as {
        total: number;
      };
      check(summary.total === SELECTED, `the product holds ${summary.total} items after the re-import`);

      const round: ServerRound = {
        parseOnlyMs,
        previewMs: first.ms,
        commitMs: committed.ms,
        reimportPreviewMs: again.ms,
        reimportCommitMs: recommitted.ms,
      };
      const f = (n: number) => Math.round(n);
      console.log(
        `intake ${database} round ${r}: parse only ${f(parseOnlyMs)} ms, preview ${f(first.ms)} ms, commit ${f(committed.ms)} ms, re-import ${f(again.ms)} + ${f(recommitted.ms)} ms`,
      );
      measured.push(round);
    }
    const m = (k: keyof ServerRound) => Math.round(median(measured.map((x) => x[k])));
    const reimportMs = Math.round(median(measured.map((x) => x.reimportPreviewMs + x.reimportCommitMs)));
    return {
      database,
      rounds: measured,
      median: {
        parseOnlyMs: m('parseOnlyMs'),
        previewMs: m('previewMs'),
        commitMs: m('commitMs'),
        reimportPreviewMs: m('reimportPreviewMs'),
        reimportCommitMs: m('reimportCommitMs'),
        reimportMs,
      },
      messages: file.messages,
      clusters,
      selected: indices.length,
      created,
      reimportCreated,
      reimportSkipped,
      previewMegabytes: mb(previewBytes),
    };
  } finally {
    await server.stop();
  }
}

/** The preview's steps in this process on the same bytes (what the server does, without HTTP and the database). */
function previewParts(bytes: Uint8Array, selected: number): PreviewParts {
  const time = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const v = f();
    return [v, Math.round(performance.now() - t0)];
  };
  const [parsed, parseMs] = time(() => parseExport(bytes, { source: 'auto' }));
  const texts = parsed.items.map((i) => i.text);
  const [, duplicatesMs] = time(() => findDuplicates(texts));
  const [messages, fingerprintsMs] = time(() =>
    parsed.items.map((item, i) => ({
      author: item.author,
      timestamp: item.timestamp,
      text: item.text,
      messageRef: `line ${item.line ?? i}`,
      fingerprint: sha256(`${parsed.source}\n${item.author}\n${item.timestamp}\n${item.text}`),
    })),
  );
  const [json, draftJsonMs] = time(() => JSON.stringify(messages));
  const empty = new SimilarityIndex([]);
  const [, similarEmptyMs] = time(() => empty.similarMany(texts));
  // On a re-import the product's newest 5,000 open items are the last 5,000 committed.
  const pool = new SimilarityIndex(
    texts.slice(Math.max(0, selected - SIMILAR_POOL), selected).map((text, i) => ({ key: `P-FB-${i}`, text })),
  );
  // Every tenth message, times ten: the look-up is per message and takes minutes for all of them.
  const [, similarPoolMs] = time(() => pool.similarMany(texts));
  return {
    parseMs,
    duplicatesMs,
    fingerprintsMs,
    draftJsonMs,
    draftMegabytes: mb(Buffer.byteLength(json)),
    similarEmptyMs,
    similarPoolMs,
  };
}

export async function runServerIntakeBench(opts: {
  quick: boolean;
  pgUrl: string | null;
  text: string;
}): Promise<ServerIntakeBench> {
  // The server runs from the built CLI (ADR 0016): rebuild it when the sources are newer, or the figures are old code's.
  execFileSync(process.execPath, [new URL('../../scripts/build-cli.mjs', import.meta.url).pathname, '--if-stale'], {
    stdio: 'inherit',
  });
  const load0 = os.loadavg()[0] ?? 0;
  const bytes = new TextEncoder().encode(opts.text);
  const messages = parseExport(bytes, { source: 'auto' }).items.length;
  const file = { text: opts.text, bytes, messages };
  // Measured rounds after the warm-up; a re-import of this file takes minutes (see the paragraph under the table).
  const rounds = opts.quick ? 1 : 2;
  const legs: ServerLeg[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-intake-'));
  try {
    legs.push(await measureLeg('PGlite', { PISTUDIO_DATA_DIR: dir }, file, rounds));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (opts.pgUrl) {
    const pgUrl = opts.pgUrl;
    legs.push(await withBenchDatabase(pgUrl, (url) => measureLeg('PostgreSQL', { DATABASE_URL: url }, file, rounds)));
  }
  const parts = previewParts(bytes, SELECTED);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return { legs, parts, load: [round2(load0), round2(os.loadavg()[0] ?? 0)], roundsMeasured: rounds };
}

const times = (ms: number, parseOnly: number) => `${Math.round((ms / parseOnly) * 10) / 10}×`;

export function serverIntakeSection(r: ServerIntakeBench, goal: number): string {
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const lines = [
    `Through the server: one \`pistudio serve\` per database, an administrator's session, a fresh product per round; in each round the library's \`parseString\` of the same bytes in the bench process, then (a) the preview (\`POST /api/v1/products/:code/feedback/imports\`, the raw export as text/plain, answer read in full), (b) the commit of ${SELECTED.toLocaleString('en')} messages (those not marked as repeating an earlier one first, then the earliest marked ones), (c) the same file imported again, preview + commit of the same indices. Medians of ${r.roundsMeasured} round(s)${r.roundsMeasured === 2 ? ' (of two: the slower)' : ''} after one warm-up round of preview and commit; ${os.cpus().length} CPUs shared by the bench, the server, its job pool and the database, load average ${r.load[0]} at the start, ${r.load[1]} at the end. Every answer is checked: the preview lists every message and marks near duplicates, the commit creates exactly the selected count, the re-import marks them imported and creates none, the product then holds ${SELECTED.toLocaleString('en')} items.`,
    '',
    '| database | measure | goal | median ms | ms per round | × parse only | items created | met |',
    '|---|---|---|---:|---|---:|---:|:---:|',
  ];
  for (const leg of r.legs) {
    const m = leg.median;
    const p = m.parseOnlyMs;
    const per = (f: (x: ServerRound) => number) => leg.rounds.map((x) => Math.round(f(x))).join(', ');
    lines.push(
      `| ${leg.database} | parse only, the library, same run | — | ${p} | ${per((x) => x.parseOnlyMs)} | 1× | — | — |`,
      `| ${leg.database} | (a) preview, ${leg.messages.toLocaleString('en')} messages, over HTTP (${leg.clusters} clusters, ${leg.previewMegabytes} MB answer) | ≤ ${goal}× parse only | ${m.previewMs} | ${per((x) => x.previewMs)} | ${times(m.previewMs, p)} | 0 (a draft) | ${yes(m.previewMs <= goal * p)} |`,
      `| ${leg.database} | (b) commit of ${leg.selected.toLocaleString('en')} messages | — | ${m.commitMs} | ${per((x) => x.commitMs)} | ${times(m.commitMs, p)} | ${leg.created.toLocaleString('en')} | — |`,
      `| ${leg.database} | (c) re-import, preview + commit (median ${m.reimportPreviewMs} + ${m.reimportCommitMs}) | — | ${m.reimportMs} | ${per((x) => x.reimportPreviewMs + x.reimportCommitMs)} | ${times(m.reimportMs, p)} | ${leg.reimportCreated} (${leg.reimportSkipped.toLocaleString('en')} skipped) | — |`,
    );
  }
  const x = r.parts;
  const first = r.legs[0];
  const pre = first?.median.previewMs ?? 0;
  const steps = x.parseMs + x.duplicatesMs + x.fingerprintsMs + x.draftJsonMs + x.similarEmptyMs;
  const rest = pre - steps;
  lines.push(
    '',
    `Where the time goes (the preview's steps on the same bytes in the bench process, once after the rounds): reading the export (\`parseExport\`, which the server runs in its job pool) ${x.parseMs} ms; duplicate detection within the file (\`findDuplicates\`, in the same job since 044c7f0) ${x.duplicatesMs} ms; a sha256 fingerprint per message ${x.fingerprintsMs} ms; the draft's messages as JSON (${x.draftMegabytes} MB, stored as jsonb) ${x.draftJsonMs} ms; the look-up of every message against the product's open items ${x.similarEmptyMs} ms on the empty product of a first import. Together ${steps} ms beside the ${pre} ms first preview on ${first?.database ?? '—'}${rest > 0 ? `; the other ${rest} ms are the HTTP round trip with a ${first?.previewMegabytes ?? '—'} MB answer built and read, the bytes handed to the worker and back, the draft row and the imported-before queries` : ' (the HTTP round trip, the worker hand-over and the draft row write are within the noise)'}. ${largestShare(pre, rest, x)} A re-import's preview meets the ${SIMILAR_POOL.toLocaleString('en')} newest open items, the last ${SIMILAR_POOL.toLocaleString('en')} committed: that look-up alone is about ${Math.round(x.similarPoolMs / 1000)} s in-process (\`similarMany\`, as the server's job runs it), since these messages share their commonest words with most of those items and the word index narrows little. The commit (not broken down here) is the imported-before queries, ${SELECTED.toLocaleString('en')} items with their imported-message rows and an audit event in one transaction, then the items read back and returned.`,
  );
  return lines.join('\n');
}

/** Which part of the first preview took the most time, as a sentence. */
function largestShare(previewMs: number, restMs: number, x: PreviewParts): string {
  const parts: [string, number][] = [
    ['reading the export', x.parseMs],
    ['duplicate detection', x.duplicatesMs],
    ['the fingerprints', x.fingerprintsMs],
    ['the draft as JSON', x.draftJsonMs],
    ['the look-up against open items', x.similarEmptyMs],
    ['the HTTP round trip, the worker hand-over, the draft row and the queries', restMs],
  ];
  const [name, ms] = parts.reduce((a, b) => (b[1] > a[1] ? b : a));
  const share = (n: number) => Math.round((n / Math.max(1, previewMs)) * 100);
  return `The largest part is ${name} (${share(ms)}%); duplicate detection is ${share(x.duplicatesMs)}%, parsing ${share(x.parseMs)}%.`;
}
