// The weekly intake report through the real app: gate reviews made through the API, then placed in ISO week 46 of
// 2026 (Mon 9 – Sun 15 November) so the report of that week has something to count.
import { ZReportSnapshot } from '@pi-studio/core/contract/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { testPrd } from '../gate/test-fixtures.ts';
import { act, createPrd, expectStatus, makeTypedProduct, submit } from '../gate/test-kit.ts';

const clock = { now: Date.parse('2026-11-16T09:00:00Z') };
let t: TestContext;
let ops: TestClient;
let outsider: TestClient;

async function place(reviewId: string, submitted: string, decided: string | null) {
  await t.deps.handle.raw('update gate_reviews set submitted_at = $1, decided_at = $2 where id = $3', [
    submitted,
    decided,
    reviewId,
  ]);
}

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date(clock.now) });
  const po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  outsider = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
  const strong = await createPrd(po, await makeTypedProduct(t, 'FINTX', 'PAYOUTS'), testPrd('strong'));
  const weak = await createPrd(
    po,
    await makeTypedProduct(t, 'FINTX', 'KYCFLOW', 'web_app'),
    testPrd('weak', 'KYCFLOW'),
  );
  const waiting = await createPrd(po, await makeTypedProduct(t, 'FINTX', 'FRAUDLENS'), testPrd('strong', 'FRAUDLENS'));
  const passed = await submit(po, strong.id);
  await act(ops, `/api/v1/gate/reviews/${passed.id}/decision`, { verdict: 'pass', note: '' });
  const failed = await submit(po, weak.id);
  await act(ops, `/api/v1/gate/reviews/${failed.id}/decision`, { verdict: 'fail', note: 'See the fix list' });
  const open = await submit(po, waiting.id);
  await place(passed.id, '2026-11-09T10:00:00Z', '2026-11-10T10:00:00Z');
  await place(failed.id, '2026-11-10T08:00:00Z', '2026-11-11T08:00:00Z');
  await place(open.id, '2026-11-12T12:00:00Z', null);
});
afterAll(async () => t?.close());

const report = async (c: TestClient, query = '') =>
  answer(await c.get(`/api/v1/reports/weekly-intake${query}`), ZReportSnapshot);

describe('GET /reports/weekly-intake', () => {
  it('reports the last complete ISO week by default, from the records of the caller’s subsidiaries', async () => {
    const r = await report(ops);
    expect(r.periodLabel).toBe('2026-W46');
    const tile = (label: string) => r.tiles.find((x) => x.label === label);
    expect(tile('First-time pass rate')?.value).toBe(0.5);
    expect(tile('PRDs submitted')?.value).toBe(3);
    expect(tile('PRDs reviewed')?.value).toBe(2);
    expect(tile('Intake queue')?.value).toBe(2);
    expect(tile('Median gate cycle time')?.value).toBe(24);
    const queue = r.sections.find((s) => s.title === 'Awaiting review or rework');
    expect(queue?.kind === 'table' && queue.rows.map((row) => row[2])).toEqual(['In rework', 'Awaiting review']);
    const reasons = r.sections.find((s) => s.title.startsWith('Rejection reasons'));
    expect(reasons?.kind === 'table' && reasons.rows.length).toBeGreaterThan(0);
    expect(r.markdown).toContain('# Weekly intake quality — 2026-W46');
    expect(r.markdown).toContain('| FINTX | 2 | 50% |');
  });

  it('shows someone of another subsidiary nothing of FINTX', async () => {
    const r = await report(outsider);
    expect(r.tiles.find((x) => x.label === 'PRDs submitted')?.value).toBe(0);
    expect(r.markdown).toContain('Nothing is waiting.');
  });

  it('answers a named week, and the Markdown as a download', async () => {
    expect((await report(ops, '?week=2026-W45')).tiles.find((x) => x.label === 'PRDs submitted')?.value).toBe(0);
    const res = await ops.get('/api/v1/reports/weekly-intake.md?week=2026-W46');
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    expect(res.headers.get('content-disposition')).toContain('weekly-intake-2026-W46.md');
    expect(await res.text()).toContain('First-time pass rate');
  });

  it('refuses a week that has not ended, one that does not exist and bad values, naming the field', async () => {
    for (const week of ['2026-W47', '2026-W53', '2026-47', 'a\u0000b', '2026-W46&week=2026-W45']) {
      const res = await ops.get(`/api/v1/reports/weekly-intake?week=${encodeURIComponent(week)}`);
      await expectStatus(res, 422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('query.week');
    }
    const unknown = await ops.get('/api/v1/reports/weekly-intake?color=red');
    await expectStatus(unknown, 422);
  });
});

describe('GET /reports/weekly-intake.pdf', () => {
  it('draws the same report as a PDF download', async () => {
    const res = await ops.get('/api/v1/reports/weekly-intake.pdf?week=2026-W46');
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('weekly-intake-2026-W46.pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdfText(bytes)).toContain('Weekly intake quality');
  });
});
