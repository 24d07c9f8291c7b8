// Exchange with trackers (issue #12): the backlog out as a CSV for Jira's or Azure DevOps' importer, and a Jira CSV
// export back in to update statuses, matched on our key (core/exchange). A dry run answers the plan; a real run
// applies every status update in one transaction, or — with any problem in the file — nothing (422 naming each).
// Parsing a large file runs in the job pool (parse-job.ts); planning and applying stay here.
import type { JiraImportPlan } from '@pi-studio/core/contract/backlog';
import { storiesToAzureCsv } from '@pi-studio/core/exchange/azure-csv';
import { decodeUtf8 } from '@pi-studio/core/exchange/csv';
import { type JiraParse, planJiraImport, storiesToJiraCsv } from '@pi-studio/core/exchange/jira-csv';
import type { ExchangeItem, StoryStatus } from '@pi-studio/core/exchange/types';
import { normalisePriority } from '@pi-studio/core/stories/priority';
import { jobProblem } from '../../../lib/jobs/problems.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Invalid, TooLarge } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { backlogProduct } from '../policy.ts';
import { lockBacklog } from '../repo.ts';
import { JIRA_INLINE_MAX_CHARS, parseJiraJob } from './parse-job.ts';
import { applyStatuses, exchangeRecords } from './repo.ts';

/** Small files inline, large ones in the job pool so the event loop keeps answering. */
async function parseJira(ctx: UseCaseCtx, text: string): Promise<JiraParse> {
  if (text.length <= JIRA_INLINE_MAX_CHARS) return parseJiraJob(text);
  try {
    return await ctx.deps.jobs.run('backlog.parseJira', text);
  } catch (err) {
    throw jobProblem(err, { code: 'file_too_complex', field: 'body', what: 'this file' });
  }
}

/** The largest CSV an import reads. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const asStatus = (s: string): StoryStatus => (s === 'ready' || s === 'in_progress' || s === 'done' ? s : 'backlog');

export async function exportStories(ctx: UseCaseCtx, code: string, format: 'jira' | 'azure'): Promise<string> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const items: ExchangeItem[] = (await exchangeRecords(ctx.deps.db, product.id)).map((r) => ({
    key: r.key,
    type: r.type === 'bug' ? 'bug' : 'story',
    title: r.title,
    narrative: r.narrative,
    acceptance: r.acceptance,
    priority: normalisePriority(r.priority),
    status: asStatus(r.status),
    product: product.code,
    requirementIds: r.requirementKeys,
  }));
  return format === 'azure' ? storiesToAzureCsv(items) : storiesToJiraCsv(items);
}

/** A problem of the file as a 422 field: the encoding is the body's; others name their line and column. */
const asParam = (p: { line: number; field: string; message: string }) =>
  p.field === 'encoding'
    ? { name: 'body', reason: 'encoding' }
    : { name: `line ${p.line}: ${p.field}`, reason: p.message };

export async function importJira(
  ctx: UseCaseCtx,
  code: string,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<JiraImportPlan> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new TooLarge(
      'file_too_large',
      `the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB`,
      [{ name: 'body', reason: 'at most 10 MB' }],
    );
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    throw new Invalid([{ name: 'body', reason: 'encoding' }], 'validation_failed', decoded.problem.message);
  const parsed = await parseJira(ctx, decoded.text);
  const db = ctx.deps.db;
  const planFrom = async (executor: typeof db) =>
    planJiraImport(
      parsed,
      (await exchangeRecords(executor, product.id)).map((r) => ({ key: r.key, status: asStatus(r.status) })),
    );
  if (dryRun) return { dryRun: true, applied: false, ...(await planFrom(db)) };

  return db.transaction(async (tx) => {
    await lockBacklog(tx, product.id);
    const plan = await planFrom(tx);
    if (!plan.applicable) {
      throw new Invalid(
        plan.problems.map(asParam),
        'import_refused',
        `the file has ${plan.problems.length} problem(s); nothing was changed`,
      );
    }
    const changed = await applyStatuses(tx, product.id, plan.updates, ctx.deps.now());
    if (changed !== plan.updates.length) throw new Error(`import changed ${changed} of ${plan.updates.length} stories`);
    await writeAudit(tx, ctx.who(), {
      action: 'stories.imported',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: product.subsidiaryId,
      after: {
        source: 'jira-csv',
        updated: plan.updates.length,
        unchanged: plan.unchanged.length,
        unlinked: plan.unlinked.length,
        // The keys and moves, capped so one audit event stays readable.
        updates: plan.updates.slice(0, 200).map((u) => ({ key: u.key, from: u.from, to: u.to })),
      },
    });
    return { dryRun: false, applied: true, ...plan };
  });
}
