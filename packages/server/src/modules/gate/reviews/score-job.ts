// Scoring a PRD version against a rubric and the Golden library: pure, so it runs inline for ordinary PRDs and
// in a pool worker (job `gate.score`) for large ones, with the same result.
import { bestGolden } from '@pi-studio/core/gate/golden';
import type { Rubric } from '@pi-studio/core/gate/rubric';
import { scoreDocument } from '@pi-studio/core/gate/score';
import type { GoldenPassage } from '@pi-studio/core/gate/types';
import { type StoredReport, withFindingIds } from './findings.ts';
import type { GoldenCitation } from './repo.ts';

/**
 * Bodies up to this many characters are scored on the event loop: measured here at ≤ ~20 ms (a 3,000-word PRD is
 * ~20,000 characters), less than handing the job to a worker and back costs when the worker is cold. Larger
 * bodies go to the pool (a 1 MB body takes ~0.3 s, 4 MB ~1.3 s). See docs/decisions/0008-worker-pool-piscina.md.
 */
export const GATE_INLINE_MAX_CHARS = 32_000;

export type Scored = { report: StoredReport; citations: GoldenCitation[] };
export type ScoreInput = {
  body: string;
  rubric: Rubric;
  golden: (GoldenPassage & { id: string })[];
  where: { subsidiary: string; productType: string };
};

/** Pure scoring with the library; citations name the passage each criterion's fixes quote. */
export function scoreWithGolden(
  body: string,
  rubric: Rubric,
  golden: (GoldenPassage & { id: string })[],
  where: { subsidiary: string; productType: string },
): Scored {
  const options = { golden, subsidiary: where.subsidiary, productType: where.productType };
  const report = withFindingIds(scoreDocument(body, rubric, options));
  const withFindings = new Set(report.findings.map((f) => f.criterion));
  const citations: GoldenCitation[] = [];
  for (const c of report.criteria) {
    if (!withFindings.has(c.id)) continue;
    const best = bestGolden(c.id, options) as (GoldenPassage & { id: string }) | null;
    if (best) citations.push({ criterion: c.id, source: best.source ?? null, goldenId: best.id });
  }
  return { report, citations };
}

/** The pool's entry point (one structured-cloneable input). */
export const scoreJob = (input: ScoreInput): Scored =>
  scoreWithGolden(input.body, input.rubric, input.golden, input.where);
