// The handover readiness review (research/handover.md §6): its agenda generated from the package, and the meeting's
// record. IT decides: the product's IT owner, or a studio administrator. The decision is checked by core against the
// readiness at that moment (accepted needs no blocker; accepted with gaps needs each blocker a gap with owner and due
// date, none in security, rollback or escalation); a decision core refuses is 422 `review_invalid` with its findings,
// nothing stored. An acceptance moves the product from handover to live in the same transaction — the only way there
// besides an administrator's forced move — and records whether it was accepted on the first handover.
import type { HandoverPackage, ReviewAgenda, ReviewCreate } from '@pi-studio/core/contract/handover-package';
import { ARTIFACT_LABELS, type ArtifactKind } from '@pi-studio/core/contract/handover-package';
import { PACK_KIND_LABELS } from '@pi-studio/core/handover/types';
import { elsEndFrom } from '@pi-studio/core/handover-package/early-life';
import { reviewAgenda, reviewAgendaMarkdown } from '@pi-studio/core/handover-package/review-agenda';
import { checkReviewDecision, type Gap } from '@pi-studio/core/handover-package/review-decision';
import { STAGE_LABELS } from '@pi-studio/core/workspace/stages';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, DomainError, Forbidden } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { productStage } from '../../backlog/repo.ts';
import { moveProductStage } from '../../gate/reviews/repo.ts';
import { latestPerKind } from '../packs/repo.ts';
import { artifactVerdict } from './artifacts.ts';
import { artifactSummaries, insertReview, listReviews, lockPackage, markAccepted, type ReviewRow } from './repo.ts';
import { loadState, type PackageProduct, packageAnswer, packageProduct, requirePackage } from './service.ts';

const openGapsOf = (reviews: readonly ReviewRow[]): Gap[] => reviews.flatMap((r) => r.gaps);

export async function agenda(ctx: UseCaseCtx, code: string): Promise<ReviewAgenda> {
  const product = await packageProduct(ctx, code, 'product.read');
  const pkg = await requirePackage(ctx, product);
  const [state, artifacts, reviews, packs] = await Promise.all([
    loadState(ctx.deps.db, product.id, pkg),
    artifactSummaries(ctx.deps.db, pkg.id),
    listReviews(ctx.deps.db, pkg.id),
    latestPerKind(ctx.deps.db, product.id),
  ]);
  const input = {
    product: { name: product.name, code: product.code },
    release: pkg.release,
    packageVersion: artifacts.reduce((n, a) => n + a.versions, 0),
    readiness: state.readiness,
    openGaps: openGapsOf(reviews),
    artifacts: [
      ...(await Promise.all(
        artifacts.map(async (a) => {
          const kind = a.kind as ArtifactKind;
          return {
            kind: a.kind,
            title: ARTIFACT_LABELS[kind] ?? a.kind,
            version: a.latestVersion,
            validation: a.latestVersion ? await artifactVerdict(ctx, code, pkg.id, kind, a.latestVersion) : null,
          };
        }),
      )),
      ...packs.latest.map((p) => ({
        kind: `${p.kind} pack`,
        title: `${PACK_KIND_LABELS[p.kind]} (uploaded pack)`,
        version: p.version,
        validation: { verdict: p.verdict as 'pass' | 'conditional' | 'fail', score: p.score, blockers: p.blockers },
      })),
    ],
  };
  return { sections: reviewAgenda(input), markdown: reviewAgendaMarkdown(input) };
}

/** IT decides: the product's IT owner, or a studio administrator. */
export function assertMayDecide(ctx: UseCaseCtx, product: PackageProduct): void {
  const actor = ctx.actor;
  if (!actor || actor.isAdmin) return;
  if (product.itOwnerId !== null && product.itOwnerId === actor.userId) return;
  throw new Forbidden(
    product.itOwnerId === null
      ? `${product.code} has no IT owner yet: assign one, or a studio administrator records the decision`
      : `only ${product.code}'s IT owner records IT's decision`,
    'not_it_owner',
  );
}

export async function recordReview(ctx: UseCaseCtx, code: string, input: ReviewCreate): Promise<HandoverPackage> {
  const product = await packageProduct(ctx, code, 'handover.accept');
  assertMayDecide(ctx, product);
  const pkg = await requirePackage(ctx, product);
  if (pkg.status !== 'open')
    throw new Conflict('package_accepted', `${code} release ${pkg.release} was already accepted by IT`);
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    await lockPackage(tx, pkg.id);
    const stage = await productStage(tx, product.id, { lock: true });
    if (stage !== 'handover')
      throw new Conflict(
        'not_in_handover',
        `${code} is in ${STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage}: IT reviews a product in ${STAGE_LABELS.handover}`,
      );
    const state = await loadState(tx, product.id, pkg);
    const decidedBy = ctx.actor?.name ?? 'system';
    const elsEnd = elsEndFrom(input.reviewDate, input.elsDays);
    const check = checkReviewDecision({ ...input, decidedBy, elsEnd }, state.readiness);
    if (!check.valid)
      throw new DomainError(
        'invalid',
        'review_invalid',
        `IT's decision cannot be recorded: ${check.findings.map((f) => f.message).join(' ')}`,
        check.findings.map((f) => ({ name: fieldOf(f.section), reason: `${f.message} ${f.fix}`.trim() })),
        { extra: { findings: check.findings } },
      );
    const earlier = await listReviews(tx, pkg.id);
    const number = earlier.length + 1;
    const reviewId = await insertReview(tx, {
      packageId: pkg.id,
      number,
      reviewDate: input.reviewDate,
      decision: input.decision,
      attendees: input.attendees,
      gaps: input.gaps,
      rejectionItemIds: input.rejectionItemIds,
      notes: input.notes,
      score: state.readiness.score,
      decidedBy: ctx.actor?.userId ?? null,
      createdAt: ctx.deps.now(),
    });
    const accepted = input.decision !== 'rejected';
    const firstHandover = !earlier.some((r) => r.decision === 'rejected');
    await writeAudit(tx, ctx.who(), {
      action: 'handover.review_recorded',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release} review ${number}`,
      subsidiaryId: product.subsidiaryId,
      after: {
        reviewId,
        decision: input.decision,
        gaps: input.gaps.length,
        score: state.readiness.score,
        ...(accepted ? { acceptedOnFirstHandover: firstHandover, elsDays: input.elsDays } : {}),
      },
    });
    if (!accepted) return;
    const at = ctx.deps.now();
    await markAccepted(tx, pkg.id, at, firstHandover, input.elsDays);
    if (!(await moveProductStage(tx, product.id, ['handover'], 'live', at))) throw new Error(`${code} left handover`);
    await writeAudit(tx, ctx.who(), {
      action: 'product.stage_changed',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: product.subsidiaryId,
      before: { stage: 'handover' },
      after: { stage: 'live', reason: `IT accepted release ${pkg.release} (review ${number})` },
    });
  });
  return packageAnswer(ctx, code);
}

/** The request field a review finding concerns (its section path is `Review decision › gaps` and the like). */
function fieldOf(section: string): string {
  const last = section.split('>').at(-1)?.trim().toLowerCase() ?? '';
  if (last.startsWith('gap ')) return `gaps.${Number(last.slice(4)) - 1}`;
  if (last === 'review date') return 'reviewDate';
  if (last === 'rejection') return 'rejectionItemIds';
  if (last === 'decided by') return 'decision';
  return last === 'gaps' ? 'gaps' : 'decision';
}
