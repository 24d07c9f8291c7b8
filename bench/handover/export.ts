// Package export benchmark (issue #14, goal < 3 s): a full handover package through the real server on PGlite —
// all 39 checklist items with owners and evidence, five artifacts (a 20-page runbook-lite, release notes drafted from
// 80 done stories and bugs, support flow, escalation matrix, ownership), five validated packs of 20 pages each and two
// reviews — exported as the zip (Markdown, PDF, DOCX, artifacts, packs, manifest). Every answer is checked, so a
// broken export cannot give a fast figure. Run alone: npm run bench -- --only=handover
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import {
  FILLED_ESCALATION,
  FILLED_OWNERSHIP,
  FILLED_SUPPORT,
} from '../../packages/core/src/handover-package/filled-artifacts.ts';
import { stories } from '../../packages/server/src/db/schema/backlog.ts';
import { login, type Session } from '../api.ts';
import { BENCH_ENV, seedBenchProduct } from '../seed-product.ts';
import { spawnServer } from '../spawn-server.ts';
import { generatePack } from './validate.ts';

const CODE = 'FINTX-EXPORT';
const PAGE_WORDS = 500;

export type ExportBench = { runs: number; p50Ms: number; maxMs: number; zipKb: number; pdfKb: number; files: number };

const seed = (env: Record<string, string>) =>
  seedBenchProduct(env, { code: CODE, name: 'Export bench', stage: 'handover' }, (db, productId) =>
    db.insert(stories).values(
      Array.from({ length: 80 }, (_, i) => ({
        productId,
        number: i + 1,
        key: `${CODE}-${i + 1}`,
        type: i % 4 === 0 ? 'bug' : 'story',
        title: `Payout change ${i + 1}: settle batches before the bank's cut-off`,
        status: 'done',
      })),
    ),
  );

async function call(url: string, s: Session, method: string, body?: unknown, type = 'application/json') {
  const res = await fetch(url, {
    method,
    headers: { ...s.headers, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

async function fill(api: (p: string) => string, s: Session): Promise<void> {
  const pkg = api(`/products/${CODE}/handover/package`);
  const created = (await (
    await call(pkg, s, 'POST', { type: 'WEB', flags: ['pii', 'ext', 'stateful'], release: '3.0.0' })
  ).json()) as { items: { id: string }[] };
  for (const item of created.items)
    await call(`${pkg}/items/${item.id}`, s, 'PATCH', {
      status: 'done',
      owner: 'Ada Obi',
      evidence: [{ kind: 'link', ref: `https://ci.fintx.io/evidence/${item.id}` }],
    });
  const notes = (await (await call(`${pkg}/artifacts/release_notes/draft`, s, 'GET')).json()) as { body: string };
  const bodies: Record<string, string> = {
    release_notes: notes.body,
    runbook: generatePack(20 * PAGE_WORDS),
    // Filled in as IT needs them: anything less keeps SUP-1, SUP-2 and OWN-2 blocking and IT cannot accept.
    support: FILLED_SUPPORT,
    escalation: FILLED_ESCALATION,
    ownership: FILLED_OWNERSHIP,
  };
  for (const [kind, body] of Object.entries(bodies))
    await call(`${pkg}/artifacts/${kind}`, s, 'POST', { body, baseVersion: 0 });
  for (const kind of ['qa', 'security', 'runbook', 'release-notes', 'doc'])
    await call(
      api(`/products/${CODE}/handover/packs?kind=${kind}`),
      s,
      'POST',
      generatePack(20 * PAGE_WORDS),
      'text/markdown',
    );
  const attendees = [{ name: 'Ines IT', role: 'IT owner' }];
  await call(`${pkg}/reviews`, s, 'POST', {
    reviewDate: '2026-12-01',
    decision: 'rejected',
    attendees,
    rejectionItemIds: ['OPS-3'],
  });
  await call(`${pkg}/reviews`, s, 'POST', { reviewDate: '2026-12-04', decision: 'accepted', attendees });
}

export async function runExportBench(runs = 5): Promise<ExportBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-bench-export-'));
  const env = { PISTUDIO_DATA_DIR: dir };
  try {
    await seed(env);
    const server = await spawnServer({ ...BENCH_ENV, ...env });
    try {
      const s = await login(server.url);
      const api = (p: string) => `${server.url}/api/v1${p}`;
      await fill(api, s);
      const times: number[] = [];
      let zip = new Uint8Array();
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const res = await call(api(`/products/${CODE}/handover/package/export.zip`), s, 'GET');
        zip = new Uint8Array(await res.arrayBuffer());
        if (i > 0) times.push(performance.now() - t0);
      }
      const files = unzipSync(zip);
      const pdf = files['package.pdf'];
      if (!pdf || !files['package.docx'] || !files['manifest.json'] || Object.keys(files).length !== 14)
        throw new Error(`export bench: the zip holds ${Object.keys(files).join(', ')}`);
      times.sort((a, b) => a - b);
      return {
        runs,
        p50Ms: Math.round(times[Math.floor(times.length / 2)] ?? 0),
        maxMs: Math.round(times.at(-1) ?? 0),
        zipKb: Math.round(zip.length / 1024),
        pdfKb: Math.round(pdf.length / 1024),
        files: Object.keys(files).length,
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function exportSection(r: ExportBench): string {
  return [
    '### Package export (issue #14, goal < 3 s)',
    '',
    `A full package through the server on PGlite (39 items done with evidence, 5 artifacts incl. a 20-page runbook ` +
      `and release notes from 80 done stories/bugs, 5 packs of 20 pages, 2 reviews): \`GET …/package/export.zip\` ` +
      `(${r.files} files: Markdown, PDF, DOCX, artifacts, packs, manifest; ${r.zipKb} KB, the PDF ${r.pdfKb} KB) — ` +
      `median **${r.p50Ms} ms**, slowest ${r.maxMs} ms over ${r.runs} runs after a warm-up.`,
  ].join('\n');
}
