// The feedback backlog's API (issue #13): items from the form, the API and chat exports, the summary with ageing,
// imports in two steps (preview with upload progress, then commit), and triage of one item or many. Request and
// response types come from the contract in core (ADR 0010); none is declared here.
import type {
  FeedbackBulkTriageBody,
  FeedbackDistinctPair,
  FeedbackDistinctPairs,
  FeedbackImportCommitted,
  FeedbackImportPreview,
  FeedbackItem,
  FeedbackPage,
  FeedbackQuery,
  FeedbackSource,
  FeedbackStatus,
  FeedbackSubmitBody,
  FeedbackSubmitted,
  FeedbackSummary,
  FeedbackTriageBody,
  FeedbackTriaged,
  SimilarItem,
} from '@pi-studio/core/contract/feedback';
import { api, postFileWithProgress, qs, type UploadProgress } from '../../lib/api.ts';

export type {
  FeedbackDistinctPair,
  FeedbackImportCommitted,
  FeedbackImportPreview,
  FeedbackItem,
  FeedbackSource,
  FeedbackStatus,
  FeedbackSubmitted,
  FeedbackSummary,
  FeedbackTriageBody,
  FeedbackTriaged,
  SimilarItem,
  UploadProgress,
};

/** What the inbox filters by: the list's query without the paging. */
export type FeedbackFilters = Pick<FeedbackQuery, 'status' | 'source'>;
export type ImportSource = 'auto' | 'whatsapp' | 'slack' | 'teams';

const enc = encodeURIComponent;
const base = (code: string) => `/products/${enc(code)}/feedback`;

export const FEEDBACK_PAGE = 100;
export const fetchFeedbackPage = (code: string, filters: FeedbackFilters, cursor?: string) =>
  api.get<FeedbackPage>(`${base(code)}${qs({ ...filters, cursor, limit: FEEDBACK_PAGE })}`);
export const fetchFeedbackSummary = (code: string) => api.get<FeedbackSummary>(`${base(code)}/summary`);

export const submitFeedback = (code: string, body: FeedbackSubmitBody) => api.post<FeedbackSubmitted>(base(code), body);

export const triageFeedback = (code: string, key: string, body: FeedbackTriageBody) =>
  api.post<FeedbackTriaged>(`${base(code)}/${enc(key)}/triage`, body);
/** All or nothing: one item already triaged refuses the whole request (409 naming `keys.N`). */
export const bulkTriageFeedback = (code: string, body: FeedbackBulkTriageBody) =>
  api.post<{ items: FeedbackItem[] }>(`${base(code)}/triage`, body).then((r) => r.items);

/** "Not a duplicate", recorded for everyone; recording a pair again answers the same pair. */
export const markDistinct = (code: string, key: string, of: string) =>
  api.post<FeedbackDistinctPair>(`${base(code)}/${enc(key)}/distinct`, { of });
/** Every pair of the product recorded as not duplicates (the newest 5,000). */
export const fetchDistinctPairs = (code: string) =>
  api.get<FeedbackDistinctPairs>(`${base(code)}/distinct`).then((r) => r.items);

/** The server reads exports up to 50 MB; checked here too so a person hears it before a long upload. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Uploads the export as the raw body and answers the stored draft (kept 24 hours). */
export const previewImport = (
  code: string,
  file: Blob & { name?: string },
  contentType: string,
  source: ImportSource,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
) =>
  postFileWithProgress<FeedbackImportPreview>(
    `${base(code)}/imports${qs({ source, fileName: file.name?.slice(0, 255) })}`,
    file,
    contentType,
    onProgress,
    signal,
  );

export const commitImport = (code: string, id: string, indices: readonly number[]) =>
  api.post<FeedbackImportCommitted>(`${base(code)}/imports/${enc(id)}/commit`, { indices });
