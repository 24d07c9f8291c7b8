// Through the real server (issue #14): the support flow, escalation matrix and ownership checked as structures and
// feeding the readiness of SUP-1, SUP-2 and OWN-2; early-life support after IT's acceptance (the window, gaps in it,
// the statistics, changing it); the evidence files in the export zip.
import { createHash } from 'node:crypto';
import { ZGapStats, ZHandoverPackage } from '@pi-studio/core/contract/handover-package';
import { mdTable } from '@pi-studio/core/handover-package/text';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { expectStatus, json } from '../backlog/test-kit.ts';
import { fileForm, TINY_PDF } from '../signoff/test-kit.ts';
import {
  closeBlockers,
  created,
  evidence,
  fieldsOf,
  it_,
  patchItem,
  pkgPath,
  po,
  problem,
  product,
  review,
  setUpPackageTests,
  t,
  viewer,
} from './package/test-kit.ts';

setUpPackageTests();

const MATRIX = [
  '# Escalation matrix',
  '',
  ...mdTable(
    ['Severity', 'Example', 'First contact', 'Within', 'Then', 'Within', 'Coverage'],
    ['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((sev, i) => [
      sev,
      'Example',
      'On-call / Team lead',
      `${15 * (i + 1)} min`,
      'Ada Lovelace / Grace Hopper',
      '10 min',
      '24x7 UTC',
    ]),
  ),
].join('\n');

const save = async (code: string, kind: string, body: string, baseVersion: number) =>
  expectStatus(await po.post(pkgPath(code, `/artifacts/${kind}`), { body, baseVersion }), 201);

describe('structured support artifacts feed the readiness', () => {
  it('keeps SUP-2 blocking while the escalation matrix fails its checks, and counts the fixed one', async () => {
    const code = await product('MATRIX');
    await created(code);
    await save(code, 'escalation', '# Escalation matrix\n\nCall someone.', 0);
    const done = await answer(
      await patchItem(code, 'SUP-2', { status: 'done', evidence: evidence() }),
      ZHandoverPackage,
    );
    const sup2 = done.items.find((i) => i.id === 'SUP-2');
    expect(sup2?.evidence).toContainEqual({
      kind: 'record',
      ref: 'artifact:escalation:1',
      validation: 'fail',
      problem: null,
    });
    expect(done.readiness.blocking.find((b) => b.itemId === 'SUP-2')?.message).toBe('its evidence failed validation');
    const v1 = await json<{ validation: { verdict: string; findings: { rule: string; severity: string }[] } }>(
      await viewer.get(pkgPath(code, '/artifacts/escalation/versions/1')),
    );
    expect(v1.validation.verdict).toBe('fail');
    expect(v1.validation.findings.map((f) => f.rule)).toContain('escalation.missing-severity');

    await save(code, 'escalation', MATRIX, 1);
    const fixed = await answer(await po.get(pkgPath(code)), ZHandoverPackage);
    expect(fixed.readiness.blocking.map((b) => b.itemId)).not.toContain('SUP-2');
    expect(fixed.items.find((i) => i.id === 'SUP-2')?.evidence.map((e) => [e.ref, e.validation])).toEqual([
      ['https://ci.example.org/run/1', null],
      ['artifact:escalation:2', 'pass'],
    ]);
    // A stored reference to an older version does not count; the agenda shows the verdicts.
    const stale = await answer(
      await patchItem(code, 'SUP-2', { evidence: [{ kind: 'record', ref: 'artifact:escalation:1' }] }),
      ZHandoverPackage,
    );
    expect(stale.items.find((i) => i.id === 'SUP-2')?.evidence[0]?.problem).toMatch(/not the newest version/);
    const agenda = await json<{ markdown: string }>(await viewer.get(pkgPath(code, '/agenda')));
    expect(agenda.markdown).toMatch(/Escalation matrix.*pass/i);
  });

  it('keeps OWN-2 blocking with unfilled ownership roles', async () => {
    const code = await product('OWNERS');
    await created(code);
    const draft = await json<{ body: string }>(await po.get(pkgPath(code, '/artifacts/ownership/draft')));
    await save(code, 'ownership', draft.body, 0);
    const pkg = await answer(
      await patchItem(code, 'OWN-2', { status: 'done', evidence: evidence() }),
      ZHandoverPackage,
    );
    expect(pkg.readiness.blocking.map((b) => b.itemId)).toContain('OWN-2');
  });
});

describe('early-life support', () => {
  it('opens at acceptance for the days IT set, flags gaps in it, counts them, and ProductOps may change it', async () => {
    const code = await product('ELS', 'handover');
    await created(code);
    await closeBlockers(code);
    const today = t.deps.now().toISOString().slice(0, 10);
    const open = await answer(await po.get(pkgPath(code)), ZHandoverPackage);
    expect(open.earlyLifeSupport).toBeNull();
    expect((await problem(await po.request('PATCH', pkgPath(code, '/els'), { body: { days: 10 } }), 403)).code).toBe(
      'not_productops',
    );
    const productops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
    expect(
      (await problem(await productops.request('PATCH', pkgPath(code, '/els'), { body: { days: 10 } }), 409)).code,
    ).toBe('not_accepted');
    for (const elsDays of [0, 366, 'x', 1.5])
      expect(
        fieldsOf(await problem(await it_.post(pkgPath(code, '/reviews'), review('accepted', { elsDays })), 422)),
      ).toEqual(['elsDays']);

    const accepted = await answer(
      await it_.post(pkgPath(code, '/reviews'), review('accepted', { elsDays: 45 })),
      ZHandoverPackage,
    );
    expect(accepted.earlyLifeSupport).toMatchObject({
      days: 45,
      startsOn: today,
      status: 'active',
      statusLabel: 'In early-life support',
      gapsDuringEls: 0,
    });
    const endsOn = accepted.earlyLifeSupport?.endsOn ?? '';
    expect(Date.parse(endsOn) - Date.parse(today)).toBe(45 * 86_400_000);

    const during = await json<{ duringEls: boolean }>(
      await it_.post(`/api/v1/products/${code}/handover/gaps`, {
        title: 'No alert on lag',
        severity: 'major',
        itemId: 'OPS-5',
      }),
    );
    expect(during.duringEls).toBe(true);
    const later = await json<{ duringEls: boolean }>(
      await it_.post(`/api/v1/products/${code}/handover/gaps`, {
        title: 'Found much later',
        severity: 'minor',
        reportedOn: '2099-01-01',
      }),
    );
    expect(later.duringEls).toBe(false);
    const withGaps = await answer(await viewer.get(pkgPath(code)), ZHandoverPackage);
    expect(withGaps.earlyLifeSupport?.gapsDuringEls).toBe(1);
    const stats = await json<{
      earlyLifeSupport: { active: number; gapsDuringEls: number; gapsAfterEls: number };
      items: { itemId: string | null; duringEls: number }[];
    }>(await viewer.get('/api/v1/handover/gap-stats'));
    expect(stats.earlyLifeSupport).toEqual({ active: 1, gapsDuringEls: 1, gapsAfterEls: 1 });
    expect(stats.items.find((i) => i.itemId === 'OPS-5')?.duringEls).toBe(1);

    // ProductOps (or an administrator) changes it afterwards; bad input names `days`.
    for (const days of [0, 'ten', 1e9, null])
      expect(
        fieldsOf(await problem(await productops.request('PATCH', pkgPath(code, '/els'), { body: { days } }), 422)),
      ).toEqual(['days']);
    expect(
      fieldsOf(
        await problem(
          await productops.request('PATCH', pkgPath(code, '/els'), { body: { days: 5, reason: 'a\u0000' } }),
          422,
        ),
      ),
    ).toEqual(['reason']);
    await problem(await it_.request('PATCH', pkgPath(code, '/els'), { body: { days: 5 } }), 403);
    const shorter = await answer(
      await productops.request('PATCH', pkgPath(code, '/els'), { body: { days: 1, reason: 'Stable since week one' } }),
      ZHandoverPackage,
    );
    expect(shorter.earlyLifeSupport).toMatchObject({ days: 1, startsOn: today });
    const [event] = await t.deps.handle.raw(
      "select before, after from audit_events where action = 'handover.els_changed' order by id desc limit 1",
    );
    expect(event).toMatchObject({ before: { days: 45 }, after: { days: 1, reason: 'Stable since week one' } });
  });
});

describe('post-handover gaps by acceptance month', () => {
  it('counts gaps within 30, 60 and 90 days of acceptance, blank where those days have not passed yet', async () => {
    const code = await product('COHORT', 'handover');
    await created(code);
    await closeBlockers(code);
    await expectStatus(await it_.post(pkgPath(code, '/reviews'), review('accepted')), 201);
    await t.deps.handle.raw(
      `update handover_packages set accepted_at = '2026-08-01T10:00:00Z'
       where product_id = (select id from products where code = $1)`,
      [code],
    );
    for (const reportedOn of ['2026-08-10', '2026-09-20'])
      await expectStatus(
        await it_.post(`/api/v1/products/${code}/handover/gaps`, {
          title: `Gap ${reportedOn}`,
          severity: 'minor',
          reportedOn,
        }),
        201,
      );
    const stats = await answer(await viewer.get('/api/v1/handover/gap-stats'), ZGapStats);
    expect(stats.cohorts.find((c) => c.cohort === '2026-08')).toEqual({
      cohort: '2026-08',
      products: 1,
      mean: { '30': 1, '60': 2, '90': 2 },
      zeroShare: { '30': 0, '60': 0, '90': 0 },
    });
    // Packages accepted this month (the early-life support test's) have not had 30 days yet: blank, not zero.
    const thisMonth = stats.cohorts.find((c) => c.cohort === t.deps.now().toISOString().slice(0, 7));
    expect(thisMonth?.mean).toEqual({ '30': null, '60': null, '90': null });
  });
});

describe('export', () => {
  it('zips the evidence files under evidence/<item>/ and lists them in the manifest with their hashes', async () => {
    const code = await product('EXPFILES');
    await created(code);
    for (const form of [fileForm(TINY_PDF, 'scope.pdf'), fileForm('# Notes', 'scope.pdf')])
      await expectStatus(await po.request('POST', pkgPath(code, '/items/SCP-1/files'), { rawBody: form }), 201);
    await expectStatus(
      await po.request('POST', pkgPath(code, '/items/SCP-1/files'), { rawBody: fileForm(TINY_PDF, 'scope.pdf') }),
      201,
    );
    const res = await viewer.get(pkgPath(code, '/export.zip'));
    await expectStatus(res, 200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const evidencePaths = Object.keys(files).filter((p) => p.startsWith('evidence/'));
    expect(evidencePaths).toHaveLength(3);
    expect(evidencePaths).toContain('evidence/SCP-1/scope.pdf');
    expect(evidencePaths).toContain('evidence/SCP-1/scope.pdf.txt');
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as {
      evidence: { itemId: string; path: string; sha256: string; mediaType: string }[];
      files: { path: string; sha256: string }[];
    };
    expect(manifest.evidence.map((e) => e.path).sort()).toEqual([...evidencePaths].sort());
    for (const e of manifest.evidence) {
      expect(e.itemId).toBe('SCP-1');
      expect(e.sha256).toBe(
        createHash('sha256')
          .update(files[e.path] as Uint8Array)
          .digest('hex'),
      );
      expect(manifest.files.find((f) => f.path === e.path)?.sha256).toBe(e.sha256);
    }
  });
});
