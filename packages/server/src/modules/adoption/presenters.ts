// Stored plans → the contract's answers (dates as ISO strings; version 0 and no events while there is no plan).
import type { TrackingPlan, TrackingPlanVersions } from '@pi-studio/core/contract/adoption';
import type { PlanRecord } from './repo.ts';

export function presentPlan(productCode: string, plan: PlanRecord | null): TrackingPlan {
  return {
    product: productCode,
    version: plan?.version ?? 0,
    events: plan?.events ?? [],
    createdAt: plan ? plan.createdAt.toISOString() : null,
    createdBy: plan?.createdBy ?? null,
  };
}

export function presentPlanVersion(plan: PlanRecord): TrackingPlanVersions['items'][number] {
  return {
    version: plan.version,
    eventCount: plan.events.length,
    liveCount: plan.events.filter((e) => e.status === 'live').length,
    createdAt: plan.createdAt.toISOString(),
    createdBy: plan.createdBy,
  };
}
