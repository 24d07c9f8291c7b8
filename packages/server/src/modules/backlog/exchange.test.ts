// Exchange with trackers (issue #12): the backlog as a Jira or Azure DevOps CSV, and a Jira export read back to
// update statuses — a dry run shows the plan, a real run applies all of it in one transaction or nothing.
import { ZJiraImportPlan, ZStory } from '@pi-studio/core/contract/backlog';
import { parseCsv } from '@pi-studio/core/exchange/csv';
import { parseJiraCsv, planJiraImport } from '@pi-studio/core/exchange/jira-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let t: TestContext;
let po: TestClient;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let keys: string[];

beforeAll(async () => {
  t = await createTestContext();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  const ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'XCHG'));
  await builder.post(`/api/v1/products/${code}/requirements/sync`);
  keys = [];
  for (const title of ['Schedule payouts', 'See payout status', 'Export payouts']) {
    keys.push(
      (
        await addStory(builder, code, {
          title,
          acceptance: 'Given a merchant\nWhen it pays\nThen it is paid',
          priority: 'Must',
        })
      ).key,
    );
  }
});
afterAll(async () => t?.close());

const HEADER = 'Issue key,Summary,Status,Custom field (PI Studio key)';
const jira = (rows: string[]) => [HEADER, ...rows].join('\r\n');
const upload = (c: TestClient, body: RequestInit['body'], dryRun: boolean, type = 'text/csv; charset=utf-8') =>
  c.request('POST', `/api/v1/products/${code}/stories/import/jira?dryRun=${dryRun}`, {
    headers: { 'content-type': type },
    rawBody: body,
  });
const statuses = async () =>
  Promise.all(
    keys.map(async (k) => (await answer(await viewer.get(`/api/v1/products/${code}/stories/${k}`), ZStory)).status),
  );

describe('tracker exchange', () => {
  it('exports Jira and Azure DevOps CSVs that parse back, as downloads', async () => {
    const res = await viewer.get(`/api/v1/products/${code}/stories/export.csv?format=jira`);
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${code}-stories-jira.csv"`);
    const csv = parseCsv(await res.text());
    expect(csv.problems).toEqual([]);
    const [header, ...rows] = csv.records.map((r) => r.cells);
    expect(header).toEqual(
      expect.arrayContaining(['Summary', 'Issue Type', 'Description', 'Priority', 'PI Studio key']),
    );
    const keyAt = header?.indexOf('PI Studio key') ?? -1;
    expect(rows.map((r) => r[keyAt])).toEqual(keys);
    expect(rows[0]?.[header?.indexOf('Priority') ?? -1]).toBe('Highest');
    expect(rows[0]?.[header?.indexOf('Description') ?? -1]).toContain('Given a merchant');

    const azure = await viewer.get(`/api/v1/products/${code}/stories/export.csv?format=azure`);
    await expectStatus(azure, 200);
    const az = parseCsv(await azure.text());
    expect(az.problems).toEqual([]);
    expect(az.records[0]?.cells).toEqual(expect.arrayContaining(['Work Item Type', 'Title', 'Acceptance Criteria']));
    expect(az.records).toHaveLength(keys.length + 1);
    await expectStatus(await viewer.get(`/api/v1/products/${code}/stories/export.csv?format=trello`), 422);
  });

  it('answers the plan on a dry run and changes nothing; a real run applies it in one audited transaction', async () => {
    const file = jira([
      `PAY-1,Schedule payouts,In Progress,${keys[0]}`,
      `PAY-2,See payout status,Done,${keys[1]}`,
      `PAY-3,Export payouts,To Do,${keys[2]}`,
      'PAY-4,Someone else,Done,',
    ]);
    const dry = await answer(await upload(builder, file, true), ZJiraImportPlan);
    expect(dry).toMatchObject({ dryRun: true, applied: false, applicable: true, unknown: [], unlinked: ['PAY-4'] });
    expect(dry.updates).toEqual([
      { key: keys[0], issueKey: 'PAY-1', line: 2, from: 'backlog', to: 'in_progress' },
      { key: keys[1], issueKey: 'PAY-2', line: 3, from: 'backlog', to: 'done' },
    ]);
    expect(dry.unchanged).toEqual([keys[2]]);
    expect(await statuses()).toEqual(['backlog', 'backlog', 'backlog']);

    const real = await upload(builder, file, false);
    await expectStatus(real, 200);
    expect(await answer(real, ZJiraImportPlan)).toMatchObject({ dryRun: false, applied: true });
    expect(await statuses()).toEqual(['in_progress', 'done', 'backlog']);
    const audit = await t.deps.handle.raw("select after from audit_events where action = 'stories.imported'");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ updated: 2, unchanged: 1, unlinked: 1 });
    // A viewer may not import.
    await expectStatus(await upload(viewer, file, true), 403);
  });

  it('is all-or-nothing: a bad row, an unknown key, broken quoting refuse the whole file with line numbers', async () => {
    const before = await statuses();
    const badRow = jira([`PAY-1,Schedule payouts,Done,${keys[0]}`, `PAY-2,See payout status,Limbo,${keys[1]}`]);
    const dry = await answer(await upload(builder, badRow, true), ZJiraImportPlan);
    expect(dry.applicable).toBe(false);
    expect(dry.problems).toEqual([
      { line: 3, field: 'Status', message: expect.stringContaining('unknown Jira status') },
    ]);
    const refused = await upload(builder, badRow, false);
    await expectStatus(refused, 422);
    const p = await json<Problem>(refused);
    expect(p.code).toBe('import_refused');
    expect(p.invalid_params?.[0]?.name).toBe('line 3: Status');
    expect(await statuses()).toEqual(before);

    const unknown = jira([`PAY-1,Schedule payouts,Done,${keys[0]}`, `PAY-9,Ghost,Done,${code}-S-999`]);
    const plan = await answer(await upload(builder, unknown, true), ZJiraImportPlan);
    expect(plan.unknown).toEqual([`${code}-S-999`]);
    expect(plan.problems[0]?.line).toBe(3);
    await expectStatus(await upload(builder, unknown, false), 422);
    expect(await statuses()).toEqual(before);

    const broken = `${HEADER}\r\nPAY-1,"Schedule payouts,Done,${keys[0]}\r\n`;
    const b = await answer(await upload(builder, broken, true), ZJiraImportPlan);
    expect(b.applicable).toBe(false);
    expect(b.problems.length).toBeGreaterThan(0);
    await expectStatus(await upload(builder, broken, false), 422);
    expect(await statuses()).toEqual(before);

    const noColumns = await answer(await upload(builder, 'Summary\r\nx\r\n', true), ZJiraImportPlan);
    expect(noColumns.problems.map((x) => x.field)).toEqual(expect.arrayContaining(['Issue key', 'Status']));
  });

  it('refuses bytes that are not UTF-8, a body over 10 MB, and another media type', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\nPAY-1,Caf`), 0xe9, 0x0d, 0x0a]);
    const res = await upload(builder, latin1, true);
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params).toEqual([{ name: 'body', reason: 'encoding' }]);

    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    const tooBig = await upload(builder, big, false);
    expect([413, 422]).toContain(tooBig.status);
    expect(tooBig.status).toBe(413);
    expect((await json<Problem>(tooBig)).code).toBe('file_too_large');

    await expectStatus(await upload(builder, jira([]), true, 'application/json'), 415);
  });

  it('imports 10,000 rows (dry run and real) in one transaction, parsing in the job pool', async () => {
    const [product] = await t.deps.handle.raw('select id from products where code = $1', [code]);
    await t.deps.handle.raw(
      `insert into stories (product_id, number, key, type, title)
       select $1, 1000 + g, $2 || '-S-' || (1000 + g), 'story', 'Bulk ' || g from generate_series(1, 10000) g`,
      [product?.id, code],
    );
    const rows = Array.from({ length: 10_000 }, (_, i) => `BULK-${i + 1},Bulk ${i + 1},Done,${code}-S-${1001 + i}`);
    const file = jira(rows);

    const parseStart = performance.now();
    const plan = planJiraImport(
      parseJiraCsv(file),
      rows.map((_, i) => ({ key: `${code}-S-${1001 + i}`, status: 'backlog' })),
    );
    const parseMs = performance.now() - parseStart;
    expect(plan.updates).toHaveLength(10_000);

    const dryStart = performance.now();
    const dry = await answer(await upload(builder, file, true), ZJiraImportPlan);
    const dryMs = performance.now() - dryStart;
    expect(dry.updates).toHaveLength(10_000);
    const realStart = performance.now();
    const real = await answer(await upload(builder, file, false), ZJiraImportPlan);
    const realMs = performance.now() - realStart;
    expect(real.applied).toBe(true);
    const [done] = await t.deps.handle.raw(
      "select count(*)::int as n from stories where product_id = $1 and number > 1000 and status = 'done' and revision = 2",
      [product?.id],
    );
    expect(done?.n).toBe(10_000);
    console.log(
      `10,000-row Jira import: parse+plan ${parseMs.toFixed(0)} ms, dry run ${dryMs.toFixed(0)} ms, real ${realMs.toFixed(0)} ms`,
    );
    // The < 5 s target is the bench's (npm run bench), not asserted here: a loaded test machine is no measurement.
  });
});
