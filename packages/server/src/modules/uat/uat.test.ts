// UAT sessions, cases, runs and defects through the real server (issue #13): sessions planned, edited (If-Match),
// started and closed; cases generated from the stories' Gherkin without duplicates per story revision and added by
// hand; runs by testers with the case's status following the latest result; a failure raising a bug in the backlog
// linked to the story's requirement, fixed by marking the bug done, retested into reopened and then verified; every
// change audited in its transaction; hostile input refused with 4xx naming the field.
import { ZMe } from '@pi-studio/core/contract/auth';
import { ZRequirementSync, ZSprint, ZStory, ZTraceMatrix } from '@pi-studio/core/contract/backlog';
import {
  ZUatCase,
  ZUatCaseDetail,
  ZUatDefectList,
  ZUatGenerated,
  ZUatRunRecorded,
  ZUatSession,
  ZUatSessionList,
} from '@pi-studio/core/contract/uat';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from '../backlog/test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let tester: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let code: string;
let sprintId: string;
let fr1: { id: string; key: string };

const sessions = () => `/api/v1/products/${code}/uat/sessions`;
const caseRuns = (key: string) => `/api/v1/products/${code}/uat/cases/${key}/runs`;

async function problem(res: Response, status: number): Promise<Problem> {
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json<Problem>(res);
}

const fieldsOf = (p: Problem) => (p.invalid_params ?? []).map((i) => i.name);

async function newSession(body: Record<string, unknown> = {}) {
  const res = await po.post(sessions(), { title: 'Release 1 UAT', buildVersion: '1.4.0', ...body });
  await expectStatus(res, 201);
  return answer(res, ZUatSession);
}

async function manualCase(session: string, title = 'Pay by card') {
  const res = await po.post(`${sessions()}/${session}/cases`, {
    title,
    steps: [
      { keyword: 'Given', text: 'a basket' },
      { keyword: 'When', text: 'I pay' },
      { keyword: 'Then', text: 'I get a receipt' },
    ],
  });
  await expectStatus(res, 201);
  return answer(res, ZUatCase);
}

beforeAll(async () => {
  t = await createTestContext();
  const people = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'productops' } }),
    await t.user({ roles: { FINTX: 'it' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
    await t.user({ roles: { NXN: 'po' } }),
  ];
  [po, ops, tester, viewer, outsider] = (await Promise.all(people.map((u) => t.client(u).login()))) as TestClient[] as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'UAT'));
  const synced = await answer(await po.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
  const first = synced.items[0];
  if (!first) throw new Error('no requirements');
  fr1 = first;
  const sprint = await po.post(`/api/v1/products/${code}/sprints`, { name: 'Sprint 1' });
  await expectStatus(sprint, 201);
  sprintId = (await answer(sprint, ZSprint)).id;
});
afterAll(async () => t?.close());

describe('sessions', () => {
  it('are created with the next key, listed with counts, read with an ETag', async () => {
    const s = await newSession({ sprintId, participants: [{ name: 'Ana', role: 'tester' }] });
    expect(s).toMatchObject({ key: `${code}-UAT-1`, status: 'planned', sprint: { id: sprintId, name: 'Sprint 1' } });
    expect(s.participants).toEqual([{ name: 'Ana', userId: null, role: 'tester' }]);
    // A participant with an account is named by its user id, which must exist.
    const me = await answer(await tester.get('/api/v1/auth/me'), ZMe);
    const withAccount = await newSession({ participants: [{ name: 'Tess', userId: me.user.id, role: 'tester' }] });
    expect(withAccount.participants[0]?.userId).toBe(me.user.id);
    expect(s.counts).toEqual({ cases: 0, untested: 0, pass: 0, fail: 0, blocked: 0, openDefects: 0 });
    const list = await answer(await viewer.get(sessions()), ZUatSessionList);
    expect(list.items.map((i) => i.key)).toContain(s.key);
    const one = await viewer.get(`${sessions()}/${s.key}`);
    await expectStatus(one, 200);
    expect(one.headers.get('etag')).toBe('"1"');
  });

  it('are numbered one after the other when created at once', async () => {
    const made = await Promise.all([1, 2, 3].map(() => newSession()));
    const numbers = made.map((s) => s.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers).toEqual([numbers[0], (numbers[0] ?? 0) + 1, (numbers[0] ?? 0) + 2]);
  });

  it('are edited against their revision: a stale If-Match answers 409 with the current session', async () => {
    const s = await newSession();
    const path = `${sessions()}/${s.key}`;
    const saved = await po.patch(path, { buildVersion: '1.4.1' }, { headers: { 'if-match': '"1"' } });
    await expectStatus(saved, 200);
    expect(await answer(saved, ZUatSession)).toMatchObject({ buildVersion: '1.4.1', revision: 2 });
    const stale = await problem(await po.patch(path, { title: 'x' }, { headers: { 'if-match': '"1"' } }), 409);
    expect(stale.code).toBe('stale_version');
  });

  it('start and close in order only; a closed one takes no edits', async () => {
    const s = await newSession();
    const path = `${sessions()}/${s.key}`;
    expect((await problem(await po.post(`${path}/close`), 409)).code).toBe('session_not_running');
    const started = await answer(await po.post(`${path}/start`), ZUatSession);
    expect(started.status).toBe('running');
    expect(started.startedAt).not.toBeNull();
    expect((await problem(await po.post(`${path}/start`), 409)).code).toBe('session_not_planned');
    expect((await answer(await po.post(`${path}/close`), ZUatSession)).status).toBe('closed');
    expect((await problem(await po.patch(path, { title: 'Later' }), 409)).code).toBe('session_closed');
  });

  it('refuse callers without the permission and hide the product from outsiders', async () => {
    await problem(await tester.post(sessions(), { title: 'x', buildVersion: '1' }), 403);
    await problem(await viewer.post(sessions(), { title: 'x', buildVersion: '1' }), 403);
    await problem(await outsider.get(sessions()), 404);
    await problem(await t.client().get(sessions()), 401);
    await problem(await po.get(`${sessions()}/${code}-UAT-999`), 404);
  });

  it('refuse hostile and wrong input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'a\u0000b', buildVersion: '1' }, 'title'],
      [{ title: 'ok', buildVersion: 'x\uD800' }, 'buildVersion'],
      [{ title: 'x'.repeat(201), buildVersion: '1' }, 'title'],
      [{ title: 'ok', buildVersion: 1 }, 'buildVersion'],
      [{ title: 'ok', buildVersion: '1', participants: 'all' }, 'participants'],
      [{ title: 'ok', buildVersion: '1', participants: [{ name: 'A' }] }, 'participants.0.role'],
      [{ title: 'ok', buildVersion: '1', sprintId: 'not-a-uuid' }, 'sprintId'],
      [{ title: 'ok', buildVersion: '1', sprintId: crypto.randomUUID() }, 'sprintId'],
      [
        {
          title: 'ok',
          buildVersion: '1',
          participants: [
            { name: 'Guest', role: 'tester' },
            { name: 'Ghost', userId: crypto.randomUUID(), role: 'tester' },
          ],
        },
        'participants.1.userId',
      ],
      [{ title: 'ok', buildVersion: '1', extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const p = await problem(await po.post(sessions(), body), 422);
      expect(fieldsOf(p), JSON.stringify(body)).toContain(field);
    }
    await problem(await po.patch(`${sessions()}/${code}-UAT-1`, {}), 422);
    const edit = await problem(
      await po.patch(`${sessions()}/${code}-UAT-1`, {
        participants: [{ name: 'Ghost', userId: crypto.randomUUID(), role: 'tester' }],
      }),
      422,
    );
    expect(fieldsOf(edit)).toContain('participants.0.userId');
  });
});

describe('cases', () => {
  let session: string;
  let twoScenarios: string;
  let loose: string;

  beforeAll(async () => {
    const story = async (title: string, acceptance: string, extra: Record<string, unknown> = {}) =>
      (await addStory(po, code, { title, acceptance, sprintId, ...extra })).key;
    twoScenarios = await story(
      'Card payment',
      'Feature: Pay\nScenario: Declined card\n  Given a declined card\n  When I pay\n  Then I see "declined"\n  And nothing is charged\nScenario: Good card\n  When I pay\n  Then I get a receipt',
      { requirementIds: [fr1.id] },
    );
    loose = await story('Sign in', 'Given a user\nWhen they sign in\nThen they see home');
    await story('Be fast', 'It should be fast.');
    session = (await newSession({ sprintId })).key;
  });

  it('are generated from the sprint: a case per scenario, one for loose steps, skipped stories with the reason', async () => {
    const res = await po.post(`${sessions()}/${session}/cases/generate`, {});
    await expectStatus(res, 200);
    const g = await answer(res, ZUatGenerated);
    expect(g.created.map((c) => [c.title, c.storyKey])).toEqual([
      ['Card payment: Declined card', twoScenarios],
      ['Card payment: Good card', twoScenarios],
      ['Sign in', loose],
    ]);
    expect(g.created[0]?.key).toMatch(new RegExp(`^${code}-TC-\\d+$`));
    expect(g.created[0]?.steps).toEqual([
      { keyword: 'Given', text: 'a declined card' },
      { keyword: 'When', text: 'I pay' },
      { keyword: 'Then', text: 'I see "declined"' },
      { keyword: 'And', text: 'nothing is charged' },
    ]);
    expect(g.created.every((c) => c.status === 'untested' && c.storyRevision === 1)).toBe(true);
    expect(g.skipped).toEqual([
      { storyKey: expect.any(String), reason: 'the acceptance criteria have no Given/When/Then steps' },
    ]);
  });

  it('are not duplicated when generated again; a story edited since gets cases for its new revision', async () => {
    const again = await answer(await po.post(`${sessions()}/${session}/cases/generate`, {}), ZUatGenerated);
    expect(again.created).toEqual([]);
    expect(again.unchanged).toBe(3);
    await expectStatus(
      await po.patch(`/api/v1/products/${code}/stories/${loose}`, {
        acceptance: 'Given a user\nWhen they sign in\nThen they see home\nAnd a greeting',
      }),
      200,
    );
    const g = await answer(
      await po.post(`${sessions()}/${session}/cases/generate`, { storyKeys: [loose, twoScenarios] }),
      ZUatGenerated,
    );
    expect(g.created.map((c) => [c.storyKey, c.storyRevision])).toEqual([[loose, 2]]);
    expect(g.unchanged).toBe(2);
    const list = await viewer.get(`${sessions()}/${session}/cases`);
    expect((await json<{ items: unknown[] }>(list)).items).toHaveLength(4);
  });

  it('refuse unknown stories, a session without sprint, and callers without uat.manage', async () => {
    const p = await problem(
      await po.post(`${sessions()}/${session}/cases/generate`, { storyKeys: [loose, 'NOPE-1'] }),
      422,
    );
    expect(fieldsOf(p)).toEqual(['storyKeys.1']);
    const bare = (await newSession()).key;
    expect(fieldsOf(await problem(await po.post(`${sessions()}/${bare}/cases/generate`, {}), 422))).toEqual([
      'sprintId',
    ]);
    await problem(await tester.post(`${sessions()}/${session}/cases/generate`, {}), 403);
    await problem(await outsider.post(`${sessions()}/${session}/cases/generate`, {}), 404);
  });

  it('are added by hand, optionally for a story, with their input checked', async () => {
    const added = await manualCase(session, 'Refund');
    expect(added).toMatchObject({ title: 'Refund', storyKey: null, status: 'untested', sessionKey: session });
    const forStory = await po.post(`${sessions()}/${session}/cases`, {
      title: 'Declined twice',
      storyKey: twoScenarios,
      steps: [{ keyword: 'Given', text: 'two declines' }],
    });
    expect(await answer(forStory, ZUatCase)).toMatchObject({ storyKey: twoScenarios, storyRevision: 1 });
    const bad: [Record<string, unknown>, string][] = [
      [{ title: 'x', steps: [] }, 'steps'],
      [{ title: 'x', steps: [{ keyword: 'Maybe', text: 'y' }] }, 'steps.0.keyword'],
      [{ title: 'x', steps: [{ keyword: 'Given', text: 'a\u0000' }] }, 'steps.0.text'],
      [{ title: 'x', steps: [{ keyword: 'Given', text: 'y' }], storyKey: 'NOPE-9' }, 'storyKey'],
      [{ title: 'x', steps: 'Given y' }, 'steps'],
    ];
    for (const [body, field] of bad) {
      expect(fieldsOf(await problem(await po.post(`${sessions()}/${session}/cases`, body), 422))).toContain(field);
    }
    await problem(
      await tester.post(`${sessions()}/${session}/cases`, { title: 'x', steps: [{ keyword: 'Given', text: 'y' }] }),
      403,
    );
  });
});

describe('runs and defects', () => {
  let session: string;
  let caseKey: string;

  beforeAll(async () => {
    const story = await addStory(po, code, {
      title: 'Payout report',
      acceptance: 'Scenario: Currency\n  Given a payout in EUR\n  Then the report shows EUR',
      requirementIds: [fr1.id],
    });
    session = (await newSession()).key;
    const g = await answer(
      await po.post(`${sessions()}/${session}/cases/generate`, { storyKeys: [story.key] }),
      ZUatGenerated,
    );
    caseKey = g.created[0]?.key as string;
  });

  it('are refused before the session runs', async () => {
    expect((await problem(await tester.post(caseRuns(caseKey), { result: 'pass' }), 409)).code).toBe(
      'session_not_running',
    );
    await expectStatus(await po.post(`${sessions()}/${session}/start`), 200);
  });

  it('set the case status to the latest result', async () => {
    const blocked = await answer(
      await tester.post(caseRuns(caseKey), { result: 'blocked', notes: 'no test data' }),
      ZUatRunRecorded,
    );
    expect(blocked.case.status).toBe('blocked');
    expect(blocked.defect).toBeNull();
    const passed = await answer(await tester.post(caseRuns(caseKey), { result: 'pass' }), ZUatRunRecorded);
    expect(passed.case.status).toBe('pass');
    expect(passed.run).toMatchObject({ kind: 'run', result: 'pass', byGuest: false, screenshots: [] });
    const s = await answer(await viewer.get(`${sessions()}/${session}`), ZUatSession);
    expect(s.counts).toMatchObject({ cases: 1, pass: 1, untested: 0 });
  });

  it('a failure raises a bug in the backlog linked to the requirement, audited in the same request', async () => {
    const res = await tester.post(caseRuns(caseKey), { result: 'fail', notes: 'shows USD' });
    await expectStatus(res, 201);
    const failed = await answer(res, ZUatRunRecorded);
    expect(failed.case.status).toBe('fail');
    expect(failed.defect).toMatchObject({ state: 'open', caseKey, requirements: [fr1.key], bugStatus: 'ready' });
    expect(failed.run.defectBugKey).toBe(failed.defect?.bugKey);
    const bug = await answer(await po.get(`/api/v1/products/${code}/stories/${failed.defect?.bugKey}`), ZStory);
    expect(bug).toMatchObject({ type: 'bug', title: 'Defect: Payout report: Currency', status: 'ready' });
    expect(bug.acceptance).toBe('Given a payout in EUR\nThen the report shows EUR');
    expect(bug.narrative).toContain('shows USD');
    expect(bug.requirements.map((r) => r.key)).toEqual([fr1.key]);
    const requestId = res.headers.get('x-request-id') as string;
    const events = await t.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, requestId));
    expect(events.map((e) => e.action).sort()).toEqual(['story.created', 'uat.case_run', 'uat.defect_raised']);
  });

  it('a second failure joins the open defect; a retest before the fix is refused', async () => {
    const again = await answer(await tester.post(caseRuns(caseKey), { result: 'fail' }), ZUatRunRecorded);
    const list = await answer(await viewer.get(`${sessions()}/${session}/defects`), ZUatDefectList);
    expect(list.items).toHaveLength(1);
    expect(again.defect?.id).toBe(list.items[0]?.id);
    expect((await problem(await tester.post(caseRuns(caseKey), { result: 'pass', kind: 'retest' }), 409)).code).toBe(
      'no_fixed_defect',
    );
  });

  it('reads fixed once the bug is done; a failed retest reopens it and sends the bug back to ready', async () => {
    const [defect] = (await answer(await viewer.get(`${sessions()}/${session}/defects`), ZUatDefectList)).items;
    const bugPath = `/api/v1/products/${code}/stories/${defect?.bugKey}`;
    await expectStatus(await po.patch(bugPath, { status: 'done' }), 200);
    const fixed = await answer(await viewer.get(`${sessions()}/${session}/defects`), ZUatDefectList);
    expect(fixed.items[0]).toMatchObject({ state: 'fixed', bugStatus: 'done' });
    const retest = await answer(
      await tester.post(caseRuns(caseKey), { result: 'fail', kind: 'retest', notes: 'still USD' }),
      ZUatRunRecorded,
    );
    expect(retest.defect).toMatchObject({ state: 'reopened', bugStatus: 'ready', retestRunId: retest.run.id });
    expect((await answer(await po.get(bugPath), ZStory)).status).toBe('ready');
  });

  it('a passing retest of the fixed bug verifies it; open defects drop to zero', async () => {
    const [defect] = (await answer(await viewer.get(`${sessions()}/${session}/defects`), ZUatDefectList)).items;
    await expectStatus(await po.patch(`/api/v1/products/${code}/stories/${defect?.bugKey}`, { status: 'done' }), 200);
    const retest = await answer(
      await tester.post(caseRuns(caseKey), { result: 'pass', kind: 'retest' }),
      ZUatRunRecorded,
    );
    expect(retest.defect?.state).toBe('verified');
    expect(retest.case.status).toBe('pass');
    const s = await answer(await viewer.get(`${sessions()}/${session}`), ZUatSession);
    expect(s.counts.openDefects).toBe(0);
    const detail = await answer(await viewer.get(`/api/v1/products/${code}/uat/cases/${caseKey}`), ZUatCaseDetail);
    expect(detail.runs.map((r) => `${r.kind}:${r.result}`)).toEqual([
      'retest:pass',
      'retest:fail',
      'run:fail',
      'run:fail',
      'run:pass',
      'run:blocked',
    ]);
    expect(detail.defects.map((d) => d.state)).toEqual(['verified']);
  });

  it('refuse hostile notes, wrong types, and callers without uat.run', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ result: 'pass', notes: 'a\u0000b' }, 'notes'],
      [{ result: 'pass', notes: '\uDC00' }, 'notes'],
      [{ result: 'pass', notes: 'n'.repeat(10_001) }, 'notes'],
      [{ result: 'maybe' }, 'result'],
      [{ result: 'pass', kind: 'again' }, 'kind'],
      [{ result: ['pass'] }, 'result'],
      [{}, 'result'],
    ];
    for (const [body, field] of bad) {
      expect(fieldsOf(await problem(await tester.post(caseRuns(caseKey), body), 422))).toContain(field);
    }
    const huge = await tester.request('POST', caseRuns(caseKey), {
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ result: 'pass', notes: 'n'.repeat(3 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    await problem(await viewer.post(caseRuns(caseKey), { result: 'pass' }), 403);
    await problem(await outsider.post(caseRuns(caseKey), { result: 'pass' }), 404);
    await problem(await tester.post(caseRuns(`${code}-TC-9999`), { result: 'pass' }), 404);
  });

  it('a closed session takes no more runs', async () => {
    await expectStatus(await po.post(`${sessions()}/${session}/close`), 200);
    expect((await problem(await tester.post(caseRuns(caseKey), { result: 'pass' }), 409)).code).toBe(
      'session_not_running',
    );
    await problem(
      await po.post(`${sessions()}/${session}/cases`, { title: 'x', steps: [{ keyword: 'Given', text: 'y' }] }),
      409,
    );
  });

  it('the traceability matrix runs requirement → story → case → result → defect → retest', async () => {
    const m = await answer(await viewer.get(`/api/v1/products/${code}/trace/matrix`), ZTraceMatrix);
    const row = m.rows.find((r) => r.requirement.id === fr1.key);
    const tc = row?.cases.find((c) => c.key === caseKey);
    expect(tc?.result).toBe('pass');
    expect(tc?.defects).toEqual([{ key: expect.stringMatching(/BUG/), state: 'verified', retest: 'pass' }]);
    expect(row?.openDefects).toBe(0);
    expect(m.casesNeverRun.length).toBeGreaterThan(0);
    expect(m.requirementsWithoutCase).not.toContain(fr1.key);
    expect(m.openDefects).toBe(0);
    const all = await answer(await viewer.get(sessions()), ZUatSessionList);
    expect(m.caseCount).toBe(all.items.reduce((n, s) => n + s.counts.cases, 0));
    expect(m.caseCount).toBeGreaterThan(0);
    const csv = await (await viewer.get(`/api/v1/products/${code}/trace/matrix.csv`)).text();
    const [header, ...lines] = csv.split('\r\n');
    expect(header).toBe(
      'Requirement,Priority,Requirement text,Stories,Story statuses,Covered,Test cases,Latest results,Defects,Defect states,Retests,Open defects',
    );
    expect(lines.find((l) => l.startsWith(`${fr1.key},`))).toContain(caseKey);
  });

  it('audits every session change with its action', async () => {
    const rows = await t.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'uat_session'), eq(auditEvents.targetLabel, session)));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'uat.session_created',
        'uat.cases_generated',
        'uat.session_started',
        'uat.session_closed',
      ]),
    );
  });
});
