// Gives the demo studio a living gate: reviews for the demo PRDs (first-time passes, fail-then-pass, a
// conditional pass with its conditions, PRDs waiting in the queue) and Golden passages from the strong PRDs,
// spread over the past weeks so the metrics have a history. Runs inside the demo's load transaction; its
// queries are in repo.ts and the other modules' repos.
import type { GoldenPassage } from '@pi-studio/core/gate/types';
import type { Tx } from '../../../db/client.ts';
import { type AuditRow, audit, demoActor, HOUR } from '../../../demo/build.ts';
import type { PersonKey } from '../../../demo/facts.ts';
import { DEMO_PEOPLE, demoEmail } from '../../../demo/people.ts';
import { sectionPassage } from '../golden/passage.ts';
import { insertGolden } from '../golden/repo.ts';
import { insertCondition, updateCondition } from '../items/repo.ts';
import { diffFindings, type StoredReport } from '../reviews/findings.ts';
import { insertReview, setBaseline } from '../reviews/repo.ts';
import { scoreWithGolden } from '../reviews/score-job.ts';
import { findActiveRubricId, loadRubric } from '../rubrics/repo.ts';
import { DEMO_GATE_PLAN, DEMO_GOLDEN, type DemoStep } from './plan.ts';
import { type DemoPrd, demoPrds, insertAuditRows, usersByEmail } from './repo.ts';

type Event = { prd: DemoPrd; step: DemoStep; version: DemoPrd['versions'][number]; at: Date };

async function peopleIds(tx: Tx): Promise<Map<PersonKey, string>> {
  const keys = Object.keys(DEMO_PEOPLE) as PersonKey[];
  const rows = await usersByEmail(tx, keys.map(demoEmail));
  return new Map(keys.flatMap((k) => rows.filter((r) => r.email === demoEmail(k)).map((r) => [k, r.id] as const)));
}

function eventsOf(prds: DemoPrd[]): Event[] {
  const events: Event[] = [];
  for (const prd of prds) {
    for (const step of DEMO_GATE_PLAN[prd.productCode] ?? []) {
      const version = prd.versions.find((v) => `${v.major}.${v.minor}` === step.version);
      // Submitted a few hours after the version was saved.
      if (version) events.push({ prd, step, version, at: new Date(version.createdAt.getTime() + 3 * HOUR) });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export async function seedDemoGate(tx: Tx): Promise<{ reviews: number; golden: number }> {
  const rubricRowId = await findActiveRubricId(tx);
  const prds = await demoPrds(tx, Object.keys(DEMO_GATE_PLAN));
  if (!rubricRowId || prds.length === 0) return { reviews: 0, golden: 0 };
  const rubric = await loadRubric(tx, rubricRowId);
  const people = await peopleIds(tx);
  const reviewer = people.get('omar') ?? null;
  // Events name the demo person who acted: the author submits, ProductOps (Omar) decides and curates.
  const keyOfUser = new Map([...people].map(([key, id]) => [id, key]));
  const byReviewer = demoActor(people, 'omar');
  const log: AuditRow[] = [];
  const library: (GoldenPassage & { id: string; at: Date })[] = [];
  const previous = new Map<string, { id: string; attempt: number; report: StoredReport }>();

  for (const { prd, step, version, at } of eventsOf(prds)) {
    const label = `${prd.productCode}-PRD v${step.version}`;
    const scope = { subsidiaryId: prd.subsidiaryId };
    const known = library.filter((g) => g.at.getTime() <= at.getTime());
    const { report, citations } = scoreWithGolden(version.body, rubric, known, {
      subsidiary: prd.subsidiaryCode,
      productType: prd.productType,
    });
    const before = previous.get(prd.documentId);
    const attempt = (before?.attempt ?? 0) + 1;
    const decided = step.decision !== 'queue';
    const decidedAt = new Date(at.getTime() + (step.hours ?? 26) * HOUR);
    const verdict = decided ? (step.decision as 'pass' | 'conditional' | 'fail') : null;
    const submitter = version.authorId ?? prd.poId;
    const id = await insertReview(tx, {
      documentId: prd.documentId,
      versionId: version.id,
      rubricRowId,
      report,
      engineScore: report.score,
      engineVerdict: report.verdict,
      status: decided ? 'decided' : 'submitted',
      verdict,
      finalScore: decided ? report.score : null,
      attempt,
      firstTime: attempt === 1 && (verdict === 'pass' || verdict === 'conditional'),
      previousReviewId: before?.id ?? null,
      changes: before ? diffFindings(before.report.findings, report.findings) : null,
      goldenCitations: citations,
      submittedBy: submitter,
      submittedAt: at,
      decidedBy: decided ? reviewer : null,
      decidedAt: decided ? decidedAt : null,
      note: step.note ?? '',
    });
    previous.set(prd.documentId, { id, attempt, report });
    const target = { targetType: 'gate_review', targetId: id, targetLabel: label, ...scope };
    const bySubmitter = demoActor(people, submitter ? keyOfUser.get(submitter) : undefined);
    log.push(audit(at, bySubmitter, { action: 'gate.submitted', ...target, after: { score: report.score, attempt } }));
    if (!verdict) continue;

    for (const [i, c] of (step.conditions ?? []).entries()) {
      const conditionAt = new Date(decidedAt.getTime() - (i + 1) * 60_000);
      const conditionId = await insertCondition(tx, {
        reviewId: id,
        text: c.text,
        ownerId: people.get(c.owner) ?? null,
        dueDate: new Date(decidedAt.getTime() + c.dueInDays * 24 * HOUR).toISOString().slice(0, 10),
        createdBy: reviewer,
        at: conditionAt,
      });
      if (c.done) {
        const doneAt = new Date(decidedAt.getTime() + (c.dueInDays - 3) * 24 * HOUR);
        await updateCondition(tx, conditionId, { done: true, doneAt });
      }
      const added = { action: 'gate.condition_added', ...target, after: { conditionId, text: c.text } };
      log.push(audit(conditionAt, byReviewer, added));
    }
    const decision = { verdict, score: report.score, attempt };
    log.push(audit(decidedAt, byReviewer, { action: 'gate.decided', ...target, after: decision }));
    if (verdict === 'fail') continue;
    await setBaseline(tx, prd.documentId, version.id);

    const goldenAt = new Date(decidedAt.getTime() + 24 * HOUR);
    const spec = DEMO_GOLDEN.find((g) => g.product === prd.productCode && g.version === step.version);
    for (const criterion of spec?.criteria ?? []) {
      const text = sectionPassage(version.body, rubric, criterion);
      if (!text) continue;
      const goldenId = await insertGolden(tx, {
        criterion,
        text,
        source: label,
        documentId: prd.documentId,
        versionId: version.id,
        ownerSubsidiaryId: prd.subsidiaryId,
        subsidiaryId: prd.subsidiaryId,
        productType: prd.productType,
        createdBy: reviewer,
        createdAt: goldenAt,
      });
      const passage = { criterion, text, source: label, subsidiary: prd.subsidiaryCode, productType: prd.productType };
      library.push({ ...passage, id: goldenId, at: goldenAt });
      log.push(
        audit(goldenAt, byReviewer, {
          action: 'golden.added',
          targetType: 'golden_example',
          targetId: goldenId,
          targetLabel: `${label} · ${criterion}`,
          ...scope,
          after: { criterion, source: label },
        }),
      );
    }
  }
  log.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  await insertAuditRows(tx, log);
  return { reviews: log.filter((l) => l.action === 'gate.submitted').length, golden: library.length };
}
