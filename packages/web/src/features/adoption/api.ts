// The adoption API (issue #15): a product's versioned tracking plan (saved whole with If-Match on its version), its
// version history and the PRD's analytics section checked against it. Types come from the contract in core.
import type {
  PrdPlanCheck,
  TrackingPlan,
  TrackingPlanBody,
  TrackingPlanVersions,
} from '@pi-studio/core/contract/adoption';
import { api } from '../../lib/api.ts';

export type * from '@pi-studio/core/contract/adoption';

const plan = (code: string) => `/products/${encodeURIComponent(code)}/tracking-plan`;

export const fetchPlan = (code: string) => api.get<TrackingPlan>(plan(code));
export const fetchVersions = (code: string) => api.get<TrackingPlanVersions>(`${plan(code)}/versions`);
export const fetchPrdCheck = (code: string) => api.get<PrdPlanCheck>(`${plan(code)}/prd-check`);

/** `version` is the plan's as the editor read it (0 for the first): another save in between answers 409. */
export const savePlan = (code: string, body: TrackingPlanBody, version: number) =>
  api.put<TrackingPlan>(plan(code), body, { headers: { 'if-match': `"${version}"` } });
