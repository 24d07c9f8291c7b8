// Every check a rubric criterion can name. A check id here is part of the rubric format: removing one makes
// stored rubrics that use it invalid.
import { acceptanceCheck } from './acceptance.ts';
import { analyticsCheck } from './analytics.ts';
import { clarityCheck } from './clarity.ts';
import { completenessCheck } from './completeness.ts';
import type { Check } from './kit.ts';
import { metadataCheck } from './metadata.ts';
import { metricsCheck } from './metrics.ts';
import { nfrCheck } from './nfr.ts';
import { problemCheck } from './problem.ts';
import { releaseCheck } from './release.ts';
import { requirementsCheck } from './requirements.ts';
import { risksCheck } from './risks.ts';
import { scopeCheck } from './scope.ts';
import { usersCheck } from './users.ts';
import { uxCheck } from './ux.ts';

const ALL: readonly Check[] = [
  problemCheck,
  usersCheck,
  metricsCheck,
  scopeCheck,
  requirementsCheck,
  acceptanceCheck,
  clarityCheck,
  completenessCheck,
  nfrCheck,
  uxCheck,
  releaseCheck,
  risksCheck,
  analyticsCheck,
  metadataCheck,
];

export const CHECKS: ReadonlyMap<string, Check> = new Map(ALL.map((c) => [c.id, c]));
export const CHECK_IDS: readonly string[] = ALL.map((c) => c.id);

/** All rule ids with their check, for validating blockers/severities and for SARIF rule lists. */
export const RULES = new Map(ALL.flatMap((c) => c.rules.map((r) => [r.id, { ...r, check: c.id }] as const)));
