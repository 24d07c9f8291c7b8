// The gate API (docs/api-contract.md, "PRD Quality Gate"): rubrics, reviews, queue, metrics and the golden library.
import type { Finding, GateReport, Verdict } from '@pi-studio/core/gate/types';
import { api, qs } from '../../lib/api.ts';

export type { Finding, GateReport, Verdict };
export type PersonLite = { id: string; name: string; email?: string } | null;
type List<T> = { items: T[]; nextCursor?: string | null };

export type RubricSummary = {
  id: string;
  rubricId: string;
  version: number;
  name: string;
  active: boolean;
  createdAt: string;
  author: PersonLite | string;
};
export type RubricDetail = RubricSummary & { definition: unknown };

export type ProductRef = { code: string; name: string; subsidiary: string | { code: string }; productType: string };
export type DocumentRef = { id: string; code: string; title: string };

export type ReviewCriterion = {
  id: string;
  name: string;
  weight: number;
  /** Effective score 0–1 (the override when there is one). */
  score: number;
  engineScore: number;
  override: { score: number; reason: string; by: PersonLite | string; at: string } | null;
};
export type ReviewFinding = Finding & {
  id: string;
  waiver: {
    reason: string;
    expiresAt: string;
    by: PersonLite | string;
    /** Set when the waiver came along from the previous attempt's review. */
    carriedFromReviewId?: string | null;
  } | null;
};
export type Condition = { id: string; text: string; owner: PersonLite; dueDate: string; done: boolean };
export type ReviewChanges = { fixed: Finding[]; new: Finding[]; remaining: Finding[] };

/** superseded: a newer version was submitted before this one was decided. */
export type ReviewStatus = 'submitted' | 'decided' | 'superseded';

export type GateReview = {
  id: string;
  status: ReviewStatus;
  product: ProductRef;
  document: DocumentRef;
  version: string;
  contentHash: string;
  rubric: { id: string; version: number };
  attempt: number;
  firstTime: boolean;
  engine: GateReport;
  criteria: ReviewCriterion[];
  score: number;
  findings: ReviewFinding[];
  conditions: Condition[];
  verdict: Verdict | null;
  /** The rubric's verdict once overrides and active waivers are applied. */
  suggestedVerdict?: Verdict;
  decidedBy: PersonLite | string;
  decidedAt: string | null;
  decisionNote: string | null;
  previousReviewId: string | null;
  changes: ReviewChanges | null;
  submittedBy: PersonLite | string;
  submittedAt: string;
  goldenCitations: { criterion: string; source: string | null }[];
};
export type GateReviewSummary = Pick<
  GateReview,
  | 'id'
  | 'status'
  | 'product'
  | 'document'
  | 'version'
  | 'attempt'
  | 'firstTime'
  | 'score'
  | 'verdict'
  | 'submittedAt'
  | 'submittedBy'
  | 'decidedAt'
  | 'decidedBy'
  | 'previousReviewId'
> & { engineScore: number; engineVerdict: Verdict };

export type QueueItem = {
  reviewId: string;
  product: ProductRef;
  document: DocumentRef;
  version: string;
  submittedAt: string;
  submittedBy: PersonLite | string;
  ageHours: number;
  score: number;
  verdict: Verdict;
  attempt: number;
};

export type WeekStats = {
  week: string;
  submitted: number;
  passed: number;
  conditional: number;
  failed: number;
  firstTimePassRate: number | null;
};
/** Rates are percentages 0–100 with one decimal; null when no first attempt was decided. */
export type GateMetrics = {
  firstTimePassRate: number | null;
  reviews: number;
  decided: number;
  passed: number;
  conditional: number;
  failed: number;
  byWeek: WeekStats[];
  topReasons: { criterion: string; rule: string; count: number }[];
  reasonsByWeek: { week: string; criterion: string; count: number }[];
  bySubsidiary: { subsidiary: string; firstTimePassRate: number | null; submitted: number; failed: number }[];
  byAuthor: { author: PersonLite | string; submitted: number; firstTimePassRate: number | null }[];
  byProductType: { productType: string; firstTimePassRate: number | null; submitted: number; failed: number }[];
};
export type MetricsFilters = { from?: string; to?: string; subsidiary?: string; productType?: string };

export type GoldenExample = {
  id: string;
  criterion: string;
  text: string;
  source: string | null;
  subsidiary: string | null;
  productType: string | null;
  createdAt: string;
  createdBy: PersonLite | string;
};
export type GoldenFilters = { criterion?: string; subsidiary?: string; productType?: string; q?: string };

const enc = encodeURIComponent;

export const fetchRubrics = () => api.get<List<RubricSummary>>('/rubrics').then((r) => r.items);
export const fetchRubric = (id: string) => api.get<RubricDetail>(`/rubrics/${enc(id)}`);
export const createRubric = (definition: unknown) => api.post<RubricDetail>('/rubrics', { definition });
export const activateRubric = (id: string) => api.post<RubricDetail>(`/rubrics/${enc(id)}/activate`);

export const submitToGate = (documentId: string, version?: string) =>
  api.post<GateReview>(`/documents/${enc(documentId)}/gate`, version ? { version } : {});

export const fetchQueue = (subsidiary?: string) =>
  api.get<List<QueueItem>>(`/gate/queue${qs({ subsidiary })}`).then((r) => r.items);

export type ReviewFilters = { product?: string; document?: string; status?: string };
export const fetchReviews = (filters: ReviewFilters) =>
  api.get<List<GateReviewSummary>>(`/gate/reviews${qs(filters)}`).then((r) => r.items);
export const fetchReview = (id: string) => api.get<GateReview>(`/gate/reviews/${enc(id)}`);

export type OverrideBody = { criterion: string; score: number; reason: string };
export const overrideCriterion = (id: string, body: OverrideBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/overrides`, body);

export const removeOverride = (id: string, criterion: string) =>
  api.delete<GateReview>(`/gate/reviews/${enc(id)}/overrides/${enc(criterion)}`);

export type WaiverBody = { findingId: string; reason: string; expiresAt: string };
export const waiveFinding = (id: string, body: WaiverBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/waivers`, body);
export const removeWaiver = (id: string, findingId: string) =>
  api.delete<GateReview>(`/gate/reviews/${enc(id)}/waivers/${enc(findingId)}`);

export type ConditionBody = { text: string; ownerId?: string; dueDate: string };
export const addCondition = (id: string, body: ConditionBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/conditions`, body);
export const setConditionDone = (id: string, conditionId: string, done: boolean) =>
  api.patch<GateReview>(`/gate/reviews/${enc(id)}/conditions/${enc(conditionId)}`, { done });

export type DecisionBody = { verdict: Verdict; note: string };
export const recordDecision = (id: string, body: DecisionBody) =>
  api.post<GateReview>(`/gate/reviews/${enc(id)}/decision`, body);

export const fetchMetrics = (filters: MetricsFilters) => api.get<GateMetrics>(`/gate/metrics${qs(filters)}`);

export const fetchGolden = (filters: GoldenFilters) =>
  api.get<List<GoldenExample>>(`/golden${qs(filters)}`).then((r) => r.items);
export type MarkGoldenBody = {
  documentId: string;
  version: string;
  criterion: string;
  text?: string;
  subsidiary?: string;
  productType?: string;
};
export const markGolden = (body: MarkGoldenBody) => api.post<GoldenExample>('/golden', body);
export const deleteGolden = (id: string) => api.delete<unknown>(`/golden/${enc(id)}`);
