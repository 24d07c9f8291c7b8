// Gate metrics over a window of submission weeks, limited to the subsidiaries the caller can see.
import type { GateMetrics, MetricsQuery } from '@pi-studio/core/contract/gate';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { validationFailed } from '../../../use-case/errors.ts';
import { gateMetrics } from './compute.ts';
import { reasonFacts, reviewFacts } from './repo.ts';

const WEEK_MS = 7 * 86_400_000;
export const DEFAULT_WINDOW_WEEKS = 26;
const MAX_WINDOW_WEEKS = 3 * 53;

/** A date alone as `to` includes that whole day. */
const endOf = (value: string) => new Date(value.length === 10 ? `${value}T23:59:59.999Z` : value);

export async function metrics(ctx: UseCaseCtx, q: MetricsQuery): Promise<GateMetrics> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const { deps } = ctx;
  const to = q.to ? endOf(q.to) : deps.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_WINDOW_WEEKS * WEEK_MS);
  if (from.getTime() >= to.getTime()) throw validationFailed([{ name: 'query.from', reason: 'must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_WINDOW_WEEKS * WEEK_MS) {
    throw validationFailed([{ name: 'query.from', reason: `the window is at most ${MAX_WINDOW_WEEKS} weeks` }]);
  }
  const filter = {
    from,
    to,
    visible: visibleSubsidiaries(actor),
    subsidiaryCode: q.subsidiary,
    productType: q.productType,
  };
  const [reviews, reasons] = [await reviewFacts(deps.db, filter), await reasonFacts(deps.db, filter)];
  return gateMetrics(reviews, reasons, { from, to });
}
