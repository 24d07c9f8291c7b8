// The gate API (docs/api-contract.md, "PRD Quality Gate"): rubrics, reviews, queue, metrics and the golden library.
// Request and response types come from the contract in core (ADR 0010); none is declared here.
import type {
  GateMetrics,
  GoldenExample,
  GoldenFilters,
  GoldenList,
  MarkGoldenBody,
  MetricsFilters,
  RubricDetail,
  RubricList,
  RubricSummary,
} from '@pi-studio/core/contract/gate';
import type {
  Condition,
  ConditionBody,
  DecisionBody,
  GateReview,
  GateReviewSummary,
  OverrideBody,
  Queue,
  QueueItem,
  ReviewChanges,
  ReviewCriterion,
  ReviewFilters,
  ReviewFinding,
  ReviewList,
  WaiverBody,
} from '@pi-studio/core/contract/gate-reviews';
import type { Finding, GateReport, Verdict } from '@pi-studio/core/gate/types';
import { api, qs } from '../../lib/api.ts';

export type {
  Condition,
  ConditionBody,
  DecisionBody,
  Finding,
  GateMetrics,
  GateReport,
  GateReview,
  GateReviewSummary,
  GoldenExample,
  GoldenFilters,
  MarkGoldenBody,
  MetricsFilters,
  OverrideBody,
  QueueItem,
  ReviewChanges,
  ReviewCriterion,
  ReviewFilters,
  ReviewFinding,
  RubricDetail,
  RubricSummary,
  Verdict,
  WaiverBody,
};

const enc = encodeURIComponent;

export const fetchRubrics = () => api.get<RubricList>('/rubrics').then((r) => r.items);
export const fetchRubric = (id: string) => api.get<RubricDetail>(`/rubrics/${enc(id)}`);
/** The definition goes as the person typed it: the server names everything wrong with it (422 invalid_rubric). */
export const createRubric = (definition: unknown) => api.post<RubricDetail>('/rubrics', { definition });
export const activateRubric = (id: string) => api.post<RubricDetail>(`/rubrics/${enc(id)}/activate`);

export const submitToGate = (documentId: string, version?: string) =>
  api.post<GateReview>(`/documents/${enc(documentId)}/gate`, version ? { version } : {});

export const fetchQueue = (subsidiary?: string) =>
  api.get<Queue>(`/gate/queue${qs({ subsidiary })}`).then((r) => r.items);

export const fetchReviews = (filters: ReviewFilters) =>
  api.get<ReviewList>(`/gate/reviews${qs(filters)}`).then((r) => r.items);
export const fetchReview = (id: string) => api.get<GateReview>(`/gate/reviews/${enc(id)}`);

export const overrideCriterion = (id: string, body: OverrideBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/overrides`, body);
export const removeOverride = (id: string, criterion: string) =>
  api.delete<GateReview>(`/gate/reviews/${enc(id)}/overrides/${enc(criterion)}`);

export const waiveFinding = (id: string, body: WaiverBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/waivers`, body);
export const removeWaiver = (id: string, findingId: string) =>
  api.delete<GateReview>(`/gate/reviews/${enc(id)}/waivers/${enc(findingId)}`);

export const addCondition = (id: string, body: ConditionBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/conditions`, body);
export const setConditionDone = (id: string, conditionId: string, done: boolean) =>
  api.patch<GateReview>(`/gate/reviews/${enc(id)}/conditions/${enc(conditionId)}`, { done });

export const recordDecision = (id: string, body: DecisionBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/decision`, body);

export const fetchMetrics = (filters: MetricsFilters) => api.get<GateMetrics>(`/gate/metrics${qs(filters)}`);

export const fetchGolden = (filters: GoldenFilters) =>
  api.get<GoldenList>(`/golden${qs(filters)}`).then((r) => r.items);
export const markGolden = (body: MarkGoldenBody) => api.post<GoldenExample>('/golden', body);
export const deleteGolden = (id: string) => api.delete<unknown>(`/golden/${enc(id)}`);
