// Traceability (issue #12): the coverage matrix (requirements × stories and bugs, core/trace/matrix.ts) over the
// stored requirements — removed ones marked removed — and story links, extended down to UAT's test cases, their
// latest results, defects and retests (issue #13); and drift against the gate baseline
// (core/trace/drift.ts): the baseline PRD version's requirements against the newest version's, the stories, the
// sprints' commitments and the change requests.
import type { Drift, TraceMatrix } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import { type ExtractedRequirement, extractRequirements } from '@pi-studio/core/stories/requirements';
import { type DriftChangeRequest, detectDrift } from '@pi-studio/core/trace/drift';
import type { TraceLink } from '@pi-studio/core/trace/graph';
import { type CoverageMatrix, coverageMatrix, matrixCsv } from '@pi-studio/core/trace/matrix';
import { effectiveDefectState } from '@pi-studio/core/uat/defects';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { traceCases } from '../../uat/cases/repo.ts';
import { readConvention } from '../../workspace/admin/service.ts';
import { listChangeRequests } from '../changes/repo.ts';
import { backlogProduct } from '../policy.ts';
import { findBaseline, versionBody } from '../repo.ts';
import { currentPrd, traceItems, traceLinks, traceRequirements, traceSprints, traceStories } from './repo.ts';

async function buildMatrix(ctx: UseCaseCtx, code: string): Promise<CoverageMatrix> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const [reqs, items, links, cases] = await Promise.all([
    traceRequirements(db, product.id),
    traceItems(db, product.id),
    traceLinks(db, product.id),
    traceCases(db, product.id),
  ]);
  const kindOf = new Map(items.map((s) => [s.key, s.type]));
  const traceLinksOut: TraceLink[] = links.map((l) => ({
    from: l.storyKey,
    type: kindOf.get(l.storyKey) === 'bug' ? 'affects' : 'implements',
    to: l.reqKey,
  }));
  return coverageMatrix(
    reqs.map((r) => ({ id: r.key, text: r.text, priority: r.priority, removed: r.removed })),
    items.map((s) => ({ key: s.key, kind: s.type, status: s.status })),
    traceLinksOut,
    cases.map((c) => ({
      key: c.key,
      storyKey: c.storyKey,
      result: c.status,
      defects: c.defects.map((d) => ({
        key: d.bugKey,
        state: effectiveDefectState(d.state, d.bugStatus),
        retest: d.retest,
      })),
    })),
  );
}

export async function traceMatrix(ctx: UseCaseCtx, code: string): Promise<TraceMatrix> {
  const m = await buildMatrix(ctx, code);
  return {
    rows: m.rows.map((r) => ({
      requirement: {
        id: r.requirement.id,
        text: r.requirement.text,
        priority: r.requirement.priority,
        removed: r.requirement.removed ?? false,
      },
      stories: r.stories,
      bugs: r.bugs,
      covered: r.covered,
      cases: r.cases,
      openDefects: r.openDefects,
    })),
    uncoveredRequirements: m.uncoveredRequirements,
    orphanStories: m.orphanStories,
    total: m.total,
    covered: m.covered,
    coverage: m.coverage,
    requirementsWithoutCase: m.requirementsWithoutCase,
    casesNeverRun: m.casesNeverRun,
    openDefects: m.openDefects,
    caseCount: m.caseCount,
  };
}

export async function traceMatrixCsv(ctx: UseCaseCtx, code: string): Promise<string> {
  return matrixCsv(await buildMatrix(ctx, code));
}

/**
 * The requirements of one PRD version as drift reads them. A version's body never changes, so each is read once per
 * process and kept (the most recently used few): reading a 500-requirement PRD takes ~35 ms and drift reads two
 * versions, which alone was a third of the 200 ms budget (docs/benchmarks.md, "Backlog").
 */
const versionRequirements = new Map<string, ExtractedRequirement[]>();
const KEEP_VERSIONS = 32;

async function requirementsOf(
  versionId: string,
  body: () => Promise<string>,
  options: { product: string; separator: string },
): Promise<ExtractedRequirement[]> {
  const key = `${versionId}\u0000${options.product}\u0000${options.separator}`;
  const kept = versionRequirements.get(key);
  if (kept) {
    versionRequirements.delete(key);
    versionRequirements.set(key, kept);
    return kept;
  }
  const read = extractRequirements(await body(), options);
  versionRequirements.set(key, read);
  if (versionRequirements.size > KEEP_VERSIONS) {
    const oldest = versionRequirements.keys().next().value;
    if (oldest !== undefined) versionRequirements.delete(oldest);
  }
  return read;
}

export async function traceDrift(ctx: UseCaseCtx, code: string): Promise<Drift> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const db = ctx.deps.db;
  const baseline = await findBaseline(db, product.id);
  const current = await currentPrd(db, product.id);
  if (!baseline || !current) {
    return {
      baseline: null,
      current: current ? { id: current.versionId, version: formatVersion(current) } : null,
      items: [],
    };
  }
  const { convention } = await readConvention(db);
  const options = { product: code, separator: convention.separator };
  const [baselineRequirements, currentRequirements, items, links, sprints, changes] = await Promise.all([
    requirementsOf(baseline.versionId, () => versionBody(db, baseline.versionId), options),
    requirementsOf(current.versionId, async () => current.body, options),
    traceStories(db, product.id),
    traceLinks(db, product.id),
    traceSprints(db, product.id),
    listChangeRequests(db, product.id),
  ]);
  // An approved change request links the stories it names to the requirements it names.
  const approvedLinks = new Map<string, string[]>();
  for (const cr of changes) {
    if (cr.status !== 'approved') continue;
    for (const key of cr.impact.storyKeys) {
      approvedLinks.set(key, [...(approvedLinks.get(key) ?? []), ...cr.impact.requirementIds]);
    }
  }
  const linksOf = new Map<string, string[]>();
  for (const l of links) linksOf.set(l.storyKey, [...(linksOf.get(l.storyKey) ?? []), l.reqKey]);
  const keyOfId = new Map(items.map((s) => [s.id, s.key]));
  const changeRequests: DriftChangeRequest[] = changes.map((cr) => ({
    key: cr.key,
    status: cr.status,
    decidedAt: cr.decidedAt?.toISOString() ?? null,
    requirementIds: cr.impact.requirementIds,
  }));
  const driftItems = detectDrift({
    baseline: { prdVersion: formatVersion(baseline), requirements: baselineRequirements },
    current: { prdVersion: formatVersion(current), requirements: currentRequirements },
    stories: items.map((s) => ({
      key: s.key,
      createdAt: s.createdAt,
      requirementIds: [...(linksOf.get(s.key) ?? []), ...(approvedLinks.get(s.key) ?? [])],
      sprintId: s.sprintId,
    })),
    sprints: sprints.map((s) => ({
      id: s.id,
      name: s.name,
      startedAt: s.startedAt?.toISOString() ?? null,
      committedStoryKeys: s.committedStoryIds.flatMap((id) => keyOfId.get(id) ?? []),
    })),
    changeRequests,
  });
  return {
    baseline: { id: baseline.versionId, version: formatVersion(baseline) },
    current: { id: current.versionId, version: formatVersion(current) },
    items: driftItems,
  };
}
