// The handover readiness review through the real server (issue #14): IT's decision (the IT owner's), checked against
// the readiness; acceptance moves the product to live and records whether it was the first handover; the IT owner's
// ownership confirmation; the post-handover gap log and its statistics; the weekly checkpoint.
import { ZHandoverPackage } from '@pi-studio/core/contract/handover-package';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { handoverReviews } from '../../db/schema/handover.ts';
import { expectStatus, json } from '../backlog/test-kit.ts';
import { setStage } from '../signoff/test-kit.ts';
import {
  closeBlockers,
  created,
  fieldsOf,
  it_,
  itUser,
  otherIt,
  outsider,
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

describe('the readiness review and IT acceptance', () => {
  it('is IT’s: the IT owner decides, in handover; a rejection keeps the product there', async () => {
    const code = await product('REVIEW');
    await created(code);
    expect(
      (
        await problem(
          await it_.post(pkgPath(code, '/reviews'), review('rejected', { rejectionItemIds: ['SCP-1'] })),
          409,
        )
      ).code,
    ).toBe('not_in_handover');
    await setStage(t.deps.handle, code, 'handover');
    expect((await problem(await otherIt.post(pkgPath(code, '/reviews'), review('rejected')), 403)).code).toBe(
      'not_it_owner',
    );
    await problem(await po.post(pkgPath(code, '/reviews'), review('rejected')), 403);
    await problem(await outsider.post(pkgPath(code, '/reviews'), review('rejected')), 404);

    const refused = await problem(await it_.post(pkgPath(code, '/reviews'), review('accepted')), 422);
    expect(refused.code).toBe('review_invalid');
    expect(refused.findings?.map((f) => f.rule)).toContain('review.accepted-with-blockers');
    expect(fieldsOf(refused)).toContain('decision');
    expect(
      fieldsOf(await problem(await it_.post(pkgPath(code, '/reviews'), { ...review('accepted'), attendees: [] }), 422)),
    ).toContain('attendees');

    const rejected = await it_.post(
      pkgPath(code, '/reviews'),
      review('rejected', { rejectionItemIds: ['SCP-1'], notes: 'No runbook' }),
    );
    await expectStatus(rejected, 201);
    const pkg = await answer(rejected, ZHandoverPackage);
    expect(pkg).toMatchObject({ stage: 'handover', status: 'open', ownership: null });
    const early = await problem(await it_.post(pkgPath(code, '/ownership'), { runBy: 'a', supportedBy: 'b' }), 409);
    expect(early.code).toBe('not_accepted');
    expect(pkg.reviews).toMatchObject([
      { number: 1, decision: 'rejected', decisionLabel: 'Rejected', score: 0, notes: 'No runbook' },
    ]);

    // The items closed, IT accepts: the product goes live, not on the first handover (one rejection before).
    await closeBlockers(code);
    const agenda = await json<{ sections: { title: string }[]; markdown: string }>(
      await it_.get(pkgPath(code, '/agenda')),
    );
    expect(agenda.sections.length).toBeGreaterThan(2);
    expect(agenda.markdown).toContain(code);
    const accepted = await answer(await it_.post(pkgPath(code, '/reviews'), review('accepted')), ZHandoverPackage);
    expect(accepted).toMatchObject({ stage: 'live', status: 'accepted', acceptedOnFirstHandover: false });
    expect(accepted.readiness.ready).toBe(true);
    const product_ = await json<{ stage: string }>(await po.get(`/api/v1/products/${code}`));
    expect(product_.stage).toBe('live');
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetLabel, code));
    expect(events.map((e) => e.after)).toContainEqual(expect.objectContaining({ stage: 'live' }));

    // The IT owner confirms who runs and supports it, and what is still open.
    const ownership = {
      runBy: 'IT ops EU',
      supportedBy: 'Service desk L1',
      openItems: [{ text: 'Alert on lag', owner: 'Ines', dueDate: '2026-12-20' }],
    };
    expect((await problem(await otherIt.post(pkgPath(code, '/ownership'), ownership), 403)).code).toBe('not_it_owner');
    expect(
      fieldsOf(await problem(await it_.post(pkgPath(code, '/ownership'), { ...ownership, runBy: ' ' }), 422)),
    ).toEqual(['runBy']);
    const confirmed = await answer(await it_.post(pkgPath(code, '/ownership'), ownership), ZHandoverPackage);
    expect(confirmed.ownership).toMatchObject({ ...ownership, onCall: null, confirmedBy: { id: itUser.id } });

    expect((await problem(await patchItem(code, 'SCP-1', { owner: 'late' }), 409)).code).toBe('package_accepted');
    expect((await problem(await it_.post(pkgPath(code, '/reviews'), review('accepted')), 409)).code).toBe(
      'package_accepted',
    );
  });

  it('accepts with gaps on the first handover when every blocker left is a gap with owner and due date', async () => {
    const code = await product('GAPS', 'handover');
    const pkg = await created(code, { type: 'INT', release: '2.0.0' });
    const hard = pkg.readiness.blocking.filter(
      (b) => b.itemId.startsWith('SEC-') || ['OPS-3', 'SUP-2'].includes(b.itemId),
    );
    const soft = pkg.readiness.blocking
      .filter((b) => !hard.includes(b))
      .slice(0, 2)
      .map((b) => b.itemId);
    const before = await closeBlockers(code, soft);
    expect(before.readiness.blocking.map((b) => b.itemId)).toEqual(soft);
    const gaps = soft.map((itemId) => ({
      itemId,
      description: `${itemId} open`,
      severity: 'minor',
      owner: 'Ines',
      dueDate: '2026-12-15',
    }));
    const missing = await problem(
      await it_.post(pkgPath(code, '/reviews'), review('accepted_with_gaps', { gaps: gaps.slice(1) })),
      422,
    );
    expect(missing.findings?.map((f) => f.rule)).toContain('review.blocker-not-a-gap');
    const [none] = await t.deps.db
      .select({ n: count() })
      .from(handoverReviews)
      .where(eq(handoverReviews.packageId, pkg.id));
    expect(none?.n).toBe(0);
    const accepted = await answer(
      await it_.post(pkgPath(code, '/reviews'), review('accepted_with_gaps', { gaps })),
      ZHandoverPackage,
    );
    expect(accepted).toMatchObject({ stage: 'live', acceptedOnFirstHandover: true });
    expect(accepted.reviews[0]?.gaps).toHaveLength(2);
  });
});

describe('after handover', () => {
  it('logs gaps IT reports against the checklist item that should have caught them', async () => {
    const code = await product('POSTGAP', 'handover');
    await created(code);
    const early = await problem(
      await it_.post(`/api/v1/products/${code}/handover/gaps`, { title: 'x', severity: 'minor' }),
      409,
    );
    expect(early.code).toBe('not_live');
    await closeBlockers(code);
    await expectStatus(await it_.post(pkgPath(code, '/reviews'), review('accepted')), 201);
    const gaps = `/api/v1/products/${code}/handover/gaps`;
    expect(
      fieldsOf(await problem(await it_.post(gaps, { title: 'x', severity: 'minor', itemId: 'ZZZ-1' }), 422)),
    ).toEqual(['itemId']);
    expect(fieldsOf(await problem(await it_.post(gaps, { title: '', severity: 'huge' }), 422)).sort()).toEqual([
      'severity',
      'title',
    ]);
    await problem(await po.post(gaps, { title: 'x', severity: 'minor' }), 403);
    const res = await it_.post(gaps, {
      title: 'No alert on queue lag',
      severity: 'major',
      itemId: 'OPS-5',
      reportedOn: '2026-12-03',
    });
    await expectStatus(res, 201);
    expect(await json(res)).toMatchObject({
      release: '1.0.0',
      severity: 'major',
      itemId: 'OPS-5',
      reportedOn: '2026-12-03',
    });
    const log = await json<{ items: { title: string; itemLabel: string | null }[] }>(await viewer.get(gaps));
    expect(log.items).toHaveLength(1);
    expect(log.items[0]?.itemLabel).toBeTruthy();

    const stats = await json<{
      accepted: number;
      acceptedOnFirstHandover: number;
      firstHandoverRate: number | null;
      items: { itemId: string | null; label: string | null; major: number }[];
    }>(await viewer.get('/api/v1/handover/gap-stats'));
    expect(stats.items.find((i) => i.itemId === 'OPS-5')).toMatchObject({ major: 1, label: expect.any(String) });
    expect(stats.accepted).toBeGreaterThanOrEqual(1);
    expect(stats.firstHandoverRate).toBe(Math.round((100 * stats.acceptedOnFirstHandover) / stats.accepted));
    const elsewhere = await json<{ accepted: number; items: unknown[] }>(
      await outsider.get('/api/v1/handover/gap-stats'),
    );
    expect(elsewhere).toMatchObject({ accepted: 0, items: [] });
  });

  it('lists products nearing handover on the weekly checkpoint, for the subsidiaries the reader sees', async () => {
    const soon = await product('CPSOON');
    await created(soon, { type: 'API', release: '0.9.0', targetDate: '2026-12-10' });
    const bare = await product('CPBARE', 'handover');
    const cp = await json<{
      items: { productCode: string; score: number | null; blockers: unknown[] }[];
      markdown: string;
    }>(await viewer.get('/api/v1/handover/checkpoint'));
    const codes = cp.items.map((i) => i.productCode);
    expect(codes).toContain(soon);
    expect(codes).toContain(bare);
    expect(codes.indexOf(soon)).toBeLessThan(codes.indexOf(bare));
    expect(cp.items.find((i) => i.productCode === bare)?.score).toBeNull();
    expect(cp.items.find((i) => i.productCode === soon)?.blockers.length).toBeGreaterThan(0);
    expect(cp.markdown).toContain('# Handover readiness checkpoint');
    const md = await viewer.get('/api/v1/handover/checkpoint.md');
    await expectStatus(md, 200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain('attachment');
    expect(await md.text()).toContain(soon);
    const pdf = await viewer.get('/api/v1/handover/checkpoint.pdf');
    await expectStatus(pdf, 200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const foreign = await json<{ items: { productCode: string }[] }>(await outsider.get('/api/v1/handover/checkpoint'));
    expect(foreign.items.map((i) => i.productCode)).not.toContain(soon);
  });
});
