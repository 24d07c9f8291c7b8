// The handover package through the real server (issue #14): created from the readiness checklist template for the
// product's type and flags; items with owner, status and evidence (a failed pack keeps its item blocking); versioned
// artifacts with drafts (release notes from the done stories and bugs); packs checked against the package. Refusals
// name the field and store nothing. The review, acceptance and what follows: package-review.test.ts.
import { ZHandoverPackage } from '@pi-studio/core/contract/handover-package';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { handoverArtifacts } from '../../db/schema/handover.ts';
import { expectStatus, json } from '../backlog/test-kit.ts';
import { addStories } from '../signoff/test-kit.ts';
import {
  created,
  evidence,
  fieldsOf,
  it_,
  outsider,
  patchItem,
  pkgPath,
  po,
  problem,
  product,
  setUpPackageTests,
  t,
  viewer,
} from './package/test-kit.ts';
import { PLANTED_AWS_KEY, packMarkdown, uploadPack } from './packs/test-kit.ts';

setUpPackageTests();

describe('creating a package', () => {
  it('answers 404 no_handover_package before one exists, and refuses a product not in UAT or handover', async () => {
    const code = await product('NOPKG');
    expect((await problem(await po.get(pkgPath(code)), 404)).code).toBe('no_handover_package');
    const early = await product('EARLY', 'build');
    expect((await problem(await po.post(pkgPath(early), { type: 'WEB', release: '1.0.0' }), 409)).code).toBe(
      'not_ready_for_package',
    );
  });

  it('builds the checklist for the product type and flags, with every required item blocking at first', async () => {
    const code = await product('CREATE');
    await addStories(t.deps.handle, code, 1);
    const pkg = await created(code, { type: 'WEB', flags: ['ext'], release: '1.0.0', targetDate: '2026-12-20' });
    expect(pkg).toMatchObject({
      productCode: code,
      stage: 'uat',
      release: '1.0.0',
      targetDate: '2026-12-20',
      status: 'open',
      template: { id: 'handover-readiness', version: 1 },
      profile: { type: 'WEB', flags: ['ext'] },
      acceptedOnFirstHandover: null,
    });
    expect(pkg.items).toHaveLength(39);
    const required = pkg.items.filter((i) => i.level === 'required');
    expect(pkg.readiness.required.total).toBe(required.length);
    expect(pkg.readiness.score).toBe(0);
    expect(pkg.readiness.ready).toBe(false);
    expect(pkg.readiness.blocking.map((b) => b.itemId)).toEqual(required.map((i) => i.id));
    expect(pkg.items.find((i) => i.id === 'SCP-1')).toMatchObject({
      groupLabel: 'Scope',
      status: 'open',
      statusLabel: 'Open',
      levelReason: 'Required for WEB',
      revision: 0,
    });
    const [event] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, pkg.id));
    expect(event).toMatchObject({ action: 'handover.package_created', targetType: 'handover_package' });

    expect((await problem(await po.post(pkgPath(code), { type: 'INT', release: '1.1.0' }), 409)).code).toBe(
      'package_exists',
    );
  });

  it('refuses bad input naming the field, and lets IT, viewers and outsiders do nothing', async () => {
    const code = await product('BADPKG');
    const bad: [unknown, string][] = [
      [{ type: 'MOBILE', release: '1.0.0' }, 'type'],
      [{ type: 'WEB', flags: ['ext', 'ext'], release: '1.0.0' }, 'flags'],
      [{ type: 'WEB', release: '1.0 final' }, 'release'],
      [{ type: 'WEB', release: '1.0.0', targetDate: '2026-02-30' }, 'targetDate'],
      [{ type: 'WEB', release: '1.0.0', extra: true }, 'extra'],
    ];
    for (const [body, field] of bad)
      expect(fieldsOf(await problem(await po.post(pkgPath(code), body), 422))).toContain(field);
    await problem(await it_.post(pkgPath(code), { type: 'WEB', release: '1.0.0' }), 403);
    await problem(await viewer.post(pkgPath(code), { type: 'WEB', release: '1.0.0' }), 403);
    await problem(await outsider.post(pkgPath(code), { type: 'WEB', release: '1.0.0' }), 404);
    await problem(await po.get(pkgPath(code)), 404);
  });
});

describe('checklist items', () => {
  it('counts an item done with evidence, keeps one without evidence blocking, and checks If-Match', async () => {
    const code = await product('ITEMS');
    await created(code);
    const noEvidence = await answer(await patchItem(code, 'SCP-1', { status: 'done', owner: 'Pat' }), ZHandoverPackage);
    expect(noEvidence.readiness.blocking.find((b) => b.itemId === 'SCP-1')?.message).toMatch(/without evidence/);
    const item = noEvidence.items.find((i) => i.id === 'SCP-1');
    expect(item).toMatchObject({ status: 'done', owner: 'Pat', revision: 1 });

    const stale = await problem(await patchItem(code, 'SCP-1', { evidence: evidence() }, { 'if-match': '"0"' }), 409);
    expect(stale.code).toBe('stale_version');
    const done = await answer(
      await patchItem(code, 'SCP-1', { evidence: evidence() }, { 'if-match': '"1"' }),
      ZHandoverPackage,
    );
    expect(done.readiness.blocking.map((b) => b.itemId)).not.toContain('SCP-1');
    expect(done.readiness.required.met).toBe(1);
    expect(done.readiness.score).toBeGreaterThan(0);
    expect(done.items.find((i) => i.id === 'SCP-1')).toMatchObject({ owner: 'Pat', revision: 2 });

    const waived = await answer(
      await patchItem(code, 'SCP-3', { status: 'waived', reason: 'no known issues' }),
      ZHandoverPackage,
    );
    expect(waived.readiness.blocking.find((b) => b.itemId === 'SCP-3')?.message).toMatch(/without an approver/);
  });

  it('takes a stored pack as evidence with its verdict: a failed pack keeps the item blocking', async () => {
    const code = await product('PACKEV');
    await created(code);
    const leaked = packMarkdown('qa', code, [`aws_access_key_id = ${PLANTED_AWS_KEY}`]);
    await expectStatus(await uploadPack(po, code, 'qa', leaked), 201);
    const failed = await answer(
      await patchItem(code, 'QA-1', { status: 'done', evidence: [{ kind: 'record', ref: 'pack:qa:1' }] }),
      ZHandoverPackage,
    );
    expect(failed.items.find((i) => i.id === 'QA-1')?.evidence).toEqual([
      { kind: 'record', ref: 'pack:qa:1', validation: 'fail', problem: null },
    ]);
    expect(failed.readiness.blocking.find((b) => b.itemId === 'QA-1')?.message).toMatch(/failed validation/);
    const missing = await answer(
      await patchItem(code, 'QA-1', { evidence: [{ kind: 'record', ref: 'pack:qa:7' }] }),
      ZHandoverPackage,
    );
    expect(missing.items.find((i) => i.id === 'QA-1')?.evidence[0]?.problem).toBe('no qa pack version 7');
    expect(missing.readiness.blocking.find((b) => b.itemId === 'QA-1')?.message).toMatch(/without evidence/);
    await expectStatus(await uploadPack(po, code, 'qa', packMarkdown('qa', code)), 201);
    const fixed = await answer(
      await patchItem(code, 'QA-1', { evidence: [{ kind: 'record', ref: 'pack:qa:2' }] }),
      ZHandoverPackage,
    );
    expect(fixed.items.find((i) => i.id === 'QA-1')?.evidence[0]?.validation).not.toBe('fail');
    expect(fixed.readiness.blocking.map((b) => b.itemId)).not.toContain('QA-1');
  });

  it('refuses unknown items, bad links and hostile text naming the field; IT and outsiders cannot edit', async () => {
    const code = await product('ITEMBAD');
    await created(code);
    await expect(problem(await patchItem(code, 'ZZZ-9', { owner: 'x' }), 404)).resolves.toMatchObject({
      invalid_params: [{ name: 'path.itemId' }],
    });
    expect(fieldsOf(await problem(await patchItem(code, 'scp-1', { owner: 'x' }), 422))).toContain('path.itemId');
    expect(
      fieldsOf(await problem(await patchItem(code, 'SCP-1', { evidence: evidence('javascript:alert(1)') }), 422)),
    ).toEqual(['evidence.0.ref']);
    expect(fieldsOf(await problem(await patchItem(code, 'SCP-1', { status: 'finished' }), 422))).toContain('status');
    await problem(await patchItem(code, 'SCP-1', {}), 422);
    expect(fieldsOf(await problem(await patchItem(code, 'SCP-1', { owner: 'a\u0000b' }), 422))).toEqual(['owner']);
    expect(fieldsOf(await problem(await patchItem(code, 'SCP-1', { reason: 'lone \ud800' }), 422))).toEqual(['reason']);
    await problem(await patchItem(code, 'SCP-1', { owner: 'x'.repeat(201) }), 422);
    await problem(await it_.request('PATCH', pkgPath(code, '/items/SCP-1'), { body: { owner: 'x' } }), 403);
    await problem(await outsider.request('PATCH', pkgPath(code, '/items/SCP-1'), { body: { owner: 'x' } }), 404);
    const pkg = await answer(await po.get(pkgPath(code)), ZHandoverPackage);
    expect(pkg.items.every((i) => i.revision === 0)).toBe(true);
  });
});

describe('artifacts', () => {
  it('drafts release notes from the done stories and bugs, saves versions and refuses a stale save', async () => {
    const code = await product('NOTES');
    await addStories(t.deps.handle, code, 2, { status: 'done' });
    await addStories(t.deps.handle, code, 1, { from: 3, status: 'done', type: 'bug' });
    await addStories(t.deps.handle, code, 1, { from: 4, status: 'in_progress' });
    await created(code);
    const draft = await json<{ body: string; covers: string[]; since: unknown }>(
      await po.get(pkgPath(code, '/artifacts/release_notes/draft')),
    );
    expect(draft.covers.sort()).toEqual([`${code}-S-1`, `${code}-S-2`, `${code}-S-3`]);
    expect(draft.since).toBeNull();
    expect(draft.body).toContain('### Added');
    expect(draft.body).toContain('### Fixed');
    expect(draft.body).not.toContain(`${code}-S-4`);

    const first = await po.post(pkgPath(code, '/artifacts/release_notes'), { body: draft.body, baseVersion: 0 });
    await expectStatus(first, 201);
    expect(await json(first)).toMatchObject({ kind: 'release_notes', version: 1 });
    const stale = await problem(
      await po.post(pkgPath(code, '/artifacts/release_notes'), { body: `${draft.body}\nmore`, baseVersion: 0 }),
      409,
    );
    expect(stale.code).toBe('stale_version');
    await expectStatus(
      await po.post(pkgPath(code, '/artifacts/release_notes'), {
        body: `${draft.body}\nmore`,
        baseVersion: 1,
        note: 'typo',
      }),
      201,
    );
    const history = await json<{ items: { version: number; note: string }[] }>(
      await po.get(pkgPath(code, '/artifacts/release_notes')),
    );
    expect(history.items.map((v) => [v.version, v.note])).toEqual([
      [2, 'typo'],
      [1, ''],
    ]);
    const v1 = await json<{ body: string; validation: { verdict: string } | null }>(
      await viewer.get(pkgPath(code, '/artifacts/release_notes/versions/1')),
    );
    expect(v1.body).toBe(draft.body);
    expect(v1.validation?.verdict).toMatch(/pass|conditional|fail/);
    const pkg = await answer(await po.get(pkgPath(code)), ZHandoverPackage);
    expect(pkg.artifacts.find((a) => a.kind === 'release_notes')).toMatchObject({ versions: 2, latestVersion: 2 });
    // The review's agenda names the newest version with the validator's verdict.
    const agenda = await json<{ sections: { lines: string[] }[] }>(await po.get(pkgPath(code, '/agenda')));
    expect(agenda.sections.flatMap((s) => s.lines)).toContainEqual(
      expect.stringMatching(/^Release notes v2: (pass|conditional|fail)/),
    );
  });

  it('gives templates for the runbook and support artifacts; the support artifacts are checked as structures', async () => {
    const code = await product('TEMPL');
    await created(code);
    const runbook = await json<{ body: string }>(await po.get(pkgPath(code, '/artifacts/runbook/draft')));
    expect(runbook.body).toContain('# Runbook: Product TEMPL');
    expect(runbook.body).toContain('- Release covered: 1.0.0');
    // The unfilled templates: the support flow lacks channels, hours and targets (majors); the matrix names nobody
    // and the ownership table has unfilled roles (blockers).
    const verdicts: Record<string, [string, string]> = {
      support: ['conditional', 'support-flow.no-channel'],
      escalation: ['fail', 'escalation.no-primary'],
      ownership: ['fail', 'ownership.missing'],
    };
    for (const [kind, [verdict, rule]] of Object.entries(verdicts)) {
      const d = await json<{ body: string }>(await po.get(pkgPath(code, `/artifacts/${kind}/draft`)));
      expect(d.body).toContain('Product TEMPL');
      await expectStatus(await po.post(pkgPath(code, `/artifacts/${kind}`), { body: d.body, baseVersion: 0 }), 201);
      const v = await json<{ validation: { verdict: string; findings: { rule: string }[] } }>(
        await po.get(pkgPath(code, `/artifacts/${kind}/versions/1`)),
      );
      expect(v.validation.verdict).toBe(verdict);
      expect(v.validation.findings.map((f) => f.rule)).toContain(rule);
    }
  });

  it('refuses a pasted secret, empty and oversized text, and unknown kinds; nothing is stored', async () => {
    const code = await product('ARTBAD');
    const pkg = await created(code);
    const secret = await problem(
      await po.post(pkgPath(code, '/artifacts/runbook'), {
        body: `# Runbook\n\nConfig\n\naws_access_key_id = ${PLANTED_AWS_KEY}`,
        baseVersion: 0,
      }),
      422,
    );
    expect(secret.code).toBe('secret_in_artifact');
    expect(secret.invalid_params?.[0]?.name).toBe('body');
    expect(secret.invalid_params?.[0]?.reason).toMatch(/^line 5 holds what looks like a secret/);
    expect(JSON.stringify(secret)).not.toContain(PLANTED_AWS_KEY);
    expect(
      fieldsOf(await problem(await po.post(pkgPath(code, '/artifacts/runbook'), { body: '  ', baseVersion: 0 }), 422)),
    ).toEqual(['body']);
    expect(
      fieldsOf(
        await problem(
          await po.post(pkgPath(code, '/artifacts/runbook'), { body: 'x'.repeat(200_001), baseVersion: 0 }),
          422,
        ),
      ),
    ).toContain('body');
    expect(
      fieldsOf(await problem(await po.post(pkgPath(code, '/artifacts/poem'), { body: 'x', baseVersion: 0 }), 422)),
    ).toContain('path.kind');
    await problem(await po.get(pkgPath(code, '/artifacts/runbook/versions/1')), 404);
    const [rows] = await t.deps.db
      .select({ n: count() })
      .from(handoverArtifacts)
      .where(eq(handoverArtifacts.packageId, pkg.id));
    expect(rows?.n).toBe(0);
  });
});

describe('packs checked against the package', () => {
  it('finds a pack naming another release, environment or host than the package and its runbook', async () => {
    const code = await product('CONSIST');
    await created(code, { type: 'WEB', release: '2.4.0' });
    const runbook = [
      '# Runbook',
      '## Environments',
      '| Environment | URL |',
      '|---|---|',
      '| Production | https://consist.fintx.io |',
    ].join('\n');
    await expectStatus(await po.post(pkgPath(code, '/artifacts/runbook'), { body: runbook, baseVersion: 0 }), 201);
    const pack = packMarkdown('qa', code, [
      'Version: 9.9.9',
      '',
      'Tested on https://qa.consist.fintx.io and https://consist.fintx.io.',
      '',
      '## Environments',
      '',
      '- Staging: the release candidate ran there for a week.',
    ]);
    const res = await uploadPack(po, code, 'qa', pack);
    await expectStatus(res, 201);
    const { findings } = await json<{ findings: { rule: string; message: string }[] }>(res);
    const consistency = findings.filter((f) => f.rule.startsWith('pack.consistency.')).map((f) => f.message);
    expect(consistency).toContainEqual(expect.stringContaining('9.9.9'));
    expect(consistency).toContainEqual(expect.stringContaining('qa.consist.fintx.io'));
    expect(consistency).toContainEqual(expect.stringContaining('Staging'));
    // The runbook's own host is the product's: only the other one is named.
    expect(consistency.filter((m) => m.includes('hosts in the record'))).toHaveLength(1);
  });
});
