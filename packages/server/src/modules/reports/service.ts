// The weekly intake-quality report (issue #15, research §3.1): the records of the week gathered here, the numbers and
// the layout composed by core (core/reports/weekly-intake.ts), so the page, the download and the CLI agree. A person
// sees the subsidiaries they have a role in; the CLI (system context) sees the whole studio.
import {
  isoWeekOf,
  isoWeekStart,
  type ReportSnapshotAnswer,
  type WeeklyReportQuery,
} from '@pi-studio/core/contract/reports';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { reportMarkdown } from '@pi-studio/core/reports/render-text';
import { weeklyIntakeReport } from '@pi-studio/core/reports/weekly-intake';
import { visibleSubsidiaries } from '../../use-case/actor.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { validationFailed } from '../../use-case/errors.ts';
import { decidedReviews, overdueConditionsAt, queueAt, type ReportScope, submittedBetween } from './repo.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** The trend and the usual cycle time look back this far. */
const LOOKBACK_WEEKS = 12;
/** Reports are computed in UTC with ISO weeks until the reporting zone becomes a studio setting. */
const ZONE = 'UTC';

const criterionName = (id: string) => DEFAULT_RUBRIC.criteria.find((c) => c.id === id)?.name ?? id;

export async function weeklyIntake(ctx: UseCaseCtx, q: WeeklyReportQuery): Promise<ReportSnapshotAnswer> {
  const scope: ReportScope = { visible: ctx.actor ? visibleSubsidiaries(ctx.requireActor()) : null };
  if (q.subsidiary) scope.subsidiaryCode = q.subsidiary;
  ctx.markAuthorized();
  const now = ctx.deps.now().getTime();
  const label = q.week ?? isoWeekOf(now - WEEK);
  const from = isoWeekStart(label) as number;
  const to = from + WEEK;
  if (to > now) throw validationFailed([{ name: 'query.week', reason: 'the week has not ended yet' }]);
  const db = ctx.deps.db;
  const reviews = await decidedReviews(db, scope, to - LOOKBACK_WEEKS * WEEK, to);
  const subsidiaryOf = new Map(reviews.map((r) => [r.prd, r.subsidiary]));
  const snapshot = weeklyIntakeReport({
    id: `weekly-intake-${label}${q.subsidiary ? `-${q.subsidiary}` : ''}`,
    week: { from, to, label },
    zone: ZONE,
    watermark: new Date(Math.min(now, to)).toISOString(),
    generatedAt: new Date(now).toISOString(),
    url: `${ctx.deps.config.publicUrl ?? ''}/gate/metrics`,
    reviews,
    submitted: {
      current: await submittedBetween(db, scope, from, to),
      previous: await submittedBetween(db, scope, from - WEEK, from),
    },
    overdueConditions: {
      current: await overdueConditionsAt(db, scope, to),
      previous: await overdueConditionsAt(db, scope, from),
    },
    queue: await queueAt(db, scope, to),
    subsidiaryOf: (prd) => subsidiaryOf.get(prd) ?? '—',
    criterionName,
    ftprTarget: null,
  });
  return { ...snapshot, markdown: reportMarkdown(snapshot) };
}

/** The report as a PDF, drawn in the job pool like the handover exports (never on the event loop). */
export async function weeklyIntakePdf(
  ctx: UseCaseCtx,
  q: WeeklyReportQuery,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const report = await weeklyIntake(ctx, q);
  const title = `Weekly intake quality ${report.periodLabel}`;
  const out = await ctx.deps.jobs.run('handover.renderPackage', {
    markdown: report.markdown,
    title,
    subject: 'PI Studio',
    formats: ['pdf'],
  });
  if (!out.pdf) throw new Error('the pdf renderer returned nothing');
  return { bytes: out.pdf, fileName: `${report.id}.pdf` };
}
