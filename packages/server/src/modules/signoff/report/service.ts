// The UAT report of one session (issue #13): its scope, cases and results, defects and retests, and the sign-offs
// that concern it — those of the session, and release sign-offs of the session's build — as Markdown (core) or PDF.
import type { ReportFormat } from '@pi-studio/core/contract/signoff';
import { type UatReport, uatReportMarkdown } from '@pi-studio/core/signoff/report';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { notFound } from '../../../use-case/errors.ts';
import { signoffProduct } from '../policy.ts';
import { evidenceOf, findSession, listSignoffs, type SessionRow, sessionStories } from '../repo.ts';
import { renderReportPdf } from './pdf.ts';
import { productName, reportCases, reportDefects, reportRuns } from './repo.ts';

export type RenderedReport = { fileName: string; mediaType: string; bytes: Uint8Array | string };

async function signoffsOf(db: Executor, productId: string, session: SessionRow): Promise<UatReport['signoffs']> {
  const all = await listSignoffs(db, productId, { buildVersion: session.buildVersion });
  const mine = all.filter((s) => s.sessionId === session.id || s.scope === 'release');
  const evidence = await evidenceOf(
    db,
    mine.map((s) => s.id),
  );
  return mine.map((s) => ({
    key: s.key,
    scope: s.scope,
    decision: s.decision,
    conditions: s.conditions,
    buildVersion: s.buildVersion,
    signerName: s.signerName,
    signedAt: s.signedAt.toISOString(),
    storyCount: s.signedStories.length,
    contentHash: s.contentHash,
    prevHash: s.prevHash,
    recordHash: s.recordHash,
    evidence: evidence
      .filter((e) => e.signoffId === s.id)
      .map((e) => ({ fileName: e.fileName, sha256: e.sha256, addedAt: e.createdAt.toISOString() })),
  }));
}

export async function buildReport(
  db: Executor,
  product: { id: string; code: string },
  session: SessionRow,
  now: Date,
): Promise<UatReport> {
  const [name, cases, runs, defects, stories, signoffs] = await Promise.all([
    productName(db, product.id),
    reportCases(db, session.id),
    reportRuns(db, session.id),
    reportDefects(db, session.id),
    sessionStories(db, session.id),
    signoffsOf(db, product.id, session),
  ]);
  const runsOf = new Map<string, typeof runs>();
  for (const r of runs) {
    const list = runsOf.get(r.caseId);
    if (list) list.push(r);
    else runsOf.set(r.caseId, [r]);
  }
  return {
    product: { code: product.code, name },
    session: {
      key: session.key,
      title: session.title,
      buildVersion: session.buildVersion,
      status: session.status,
      startedAt: session.startedAt?.toISOString() ?? null,
      closedAt: session.closedAt?.toISOString() ?? null,
    },
    participants: session.participants.map((p) => ({ name: p.name, role: p.role })),
    stories: stories.map((s) => ({ key: s.key, title: s.title, revision: s.revision })),
    cases: cases.map((c) => ({
      key: c.key,
      title: c.title,
      storyKey: c.storyKey,
      status: c.status,
      runs: (runsOf.get(c.id) ?? []).map((r) => ({
        kind: r.kind,
        result: r.result,
        testerName: r.testerName,
        notes: r.notes,
        at: r.at.toISOString(),
      })),
    })),
    defects: defects.map((d) => ({
      bugKey: d.bugKey,
      caseKey: d.caseKey,
      state: d.state,
      retest:
        d.retestResult && d.retestAt
          ? { result: d.retestResult, testerName: d.retestTester ?? '', at: d.retestAt.toISOString() }
          : null,
    })),
    signoffs,
    generatedAt: now.toISOString(),
  };
}

export async function sessionReport(
  ctx: UseCaseCtx,
  code: string,
  sessionKey: string,
  format: ReportFormat,
): Promise<RenderedReport> {
  const product = await signoffProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const session = await findSession(db, product.id, { key: sessionKey });
  if (!session) throw notFound(`UAT session ${sessionKey} of ${code}`);
  const report = await buildReport(db, product, session, ctx.deps.now());
  const base = `${session.key}-uat-report`;
  if (format === 'pdf') {
    return { fileName: `${base}.pdf`, mediaType: 'application/pdf', bytes: await renderReportPdf(report) };
  }
  return { fileName: `${base}.md`, mediaType: 'text/markdown; charset=utf-8', bytes: uatReportMarkdown(report) };
}
