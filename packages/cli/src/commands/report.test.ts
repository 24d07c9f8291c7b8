// `pistudio report weekly-intake` (issue #15): the API's report on the command line as Markdown, JSON (the API's
// snapshot) or a PDF file; exit 2 with one line for an unknown or unbuilt report, a bad or unfinished period and a
// PDF without --out; exit 1 when there is no database. Runs on the API test database (the command takes its opener).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZReportSnapshot } from '@pi-studio/core/contract/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrd } from '../../../server/src/modules/gate/test-fixtures.ts';
import { act, createPrd, makeTypedProduct, submit } from '../../../server/src/modules/gate/test-kit.ts';
import { createTestContext, type TestContext } from '../../../server/test/harness.ts';
import { type OpenDatabase, runReport } from './report.ts';

let t: TestContext;
const work = mkdtempSync(path.join(tmpdir(), 'pistudio-report-'));
const onTestDb: OpenDatabase = (_dataDir, fn) => fn(t.deps);

async function report(argv: string[], where: 'test-db' | 'configured' = 'test-db') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string | Uint8Array) => {
      stdout += typeof s === 'string' ? s : new TextDecoder().decode(s);
    },
    stderr: (s: string) => {
      stderr += s;
    },
    write: async (file: string, data: string | Uint8Array) => (await import('node:fs/promises')).writeFile(file, data),
  };
  const code = where === 'test-db' ? await runReport(argv, io, onTestDb) : await runReport(argv, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date('2026-11-16T09:00:00Z') });
  const po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  const ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  const prd = await createPrd(po, await makeTypedProduct(t, 'FINTX', 'PAYOUTS'), testPrd('strong'));
  const review = await submit(po, prd.id);
  await act(ops, `/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'pass', note: '' });
  await t.deps.handle.raw('update gate_reviews set submitted_at = $1, decided_at = $2 where id = $3', [
    '2026-11-09T10:00:00Z',
    '2026-11-10T10:00:00Z',
    review.id,
  ]);
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pistudio report weekly-intake', () => {
  it('prints the last complete week as Markdown by default, and the API’s snapshot as JSON', async () => {
    const md = await report(['weekly-intake']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('# Weekly intake quality — 2026-W46');
    expect(md.stdout).toContain('| First-time pass rate | 100% |');
    const json = await report(['weekly-intake', '--period', '2026-W46', '--format', 'json', '--subsidiary', 'fintx']);
    expect(json.code, json.stderr).toBe(0);
    const snapshot = ZReportSnapshot.parse(JSON.parse(json.stdout));
    expect(snapshot.id).toBe('weekly-intake-2026-W46-FINTX');
    expect(snapshot.tiles.find((x) => x.label === 'PRDs reviewed')?.value).toBe(1);
  });

  it('writes a PDF to the file --out names', async () => {
    const file = path.join(work, 'w46.pdf');
    const r = await report(['weekly-intake', '--period', '2026-W46', '--format', 'pdf', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses bad usage with exit 2 and one line', async () => {
    const cases: [string[], string][] = [
      [[], 'name a report'],
      [['weekly'], "unknown report 'weekly'"],
      [['monthly'], "'monthly' is not built yet"],
      [['weekly-intake', '--period', '2026-47'], '--period: an ISO week'],
      [['weekly-intake', '--period', '2026-W47'], '--period: the week has not ended yet'],
      [['weekly-intake', '--format', 'docx'], "unknown --format 'docx'"],
      [['weekly-intake', '--format', 'pdf'], 'add --out FILE'],
      [['weekly-intake', '--colour'], 'colour'],
    ];
    for (const [argv, message] of cases) {
      const r = await report(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await report(['--help'])).stdout).toContain('Usage: pistudio report weekly-intake');
    expect((await report(['weekly-intake', '--help'])).code).toBe(0);
  });

  it('fails with exit 1 when the data directory holds no database', async () => {
    const r = await report(['weekly-intake', '--data-dir', path.join(work, 'empty')], 'configured');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there is no database');
  });
});
