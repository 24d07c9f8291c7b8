// The UAT API (issue #13): sessions, their cases (generated from the stories' Gherkin), runs with screenshots, the
// defects failures raise, and guest links for testers without an account. Request and response types come from the
// contract in core (ADR 0010); none is declared here. Guide: docs/uat.md.
import type {
  UatCase,
  UatCaseDetail,
  UatCaseList,
  UatDefect,
  UatDefectList,
  UatGenerateBody,
  UatGenerated,
  UatGuestFeedback,
  UatGuestFeedbackBody,
  UatGuestLink,
  UatGuestLinkBody,
  UatGuestLinkCreated,
  UatGuestLinkList,
  UatGuestView,
  UatRun,
  UatRunBody,
  UatRunRecorded,
  UatScreenshot,
  UatScreenshotType,
  UatSession,
  UatSessionBody,
  UatSessionList,
} from '@pi-studio/core/contract/uat';
import { api, postFileWithProgress, qs } from '../../lib/api.ts';

export type {
  UatCase,
  UatCaseDetail,
  UatDefect,
  UatGenerated,
  UatGuestLink,
  UatGuestLinkCreated,
  UatGuestView,
  UatRun,
  UatRunBody,
  UatRunRecorded,
  UatScreenshot,
  UatSession,
  UatSessionBody,
};

const enc = encodeURIComponent;
const uat = (code: string) => `/products/${enc(code)}/uat`;
const session = (code: string, key: string) => `${uat(code)}/sessions/${enc(key)}`;
const guest = (token: string) => `/guest/uat/${enc(token)}`;

// ---- Sessions ----

export const fetchSessions = (code: string) => api.get<UatSessionList>(`${uat(code)}/sessions`).then((r) => r.items);
export const fetchSession = (code: string, key: string) => api.get<UatSession>(session(code, key));
export const createSession = (code: string, body: UatSessionBody) =>
  api.post<UatSession>(`${uat(code)}/sessions`, body);
export const startSession = (code: string, key: string) => api.post<UatSession>(`${session(code, key)}/start`);
export const closeSession = (code: string, key: string) => api.post<UatSession>(`${session(code, key)}/close`);

// ---- Cases, defects, guest links of one session ----

export const fetchCases = (code: string, key: string) =>
  api.get<UatCaseList>(`${session(code, key)}/cases`).then((r) => r.items);
export const generateCases = (code: string, key: string, body: UatGenerateBody = {}) =>
  api.post<UatGenerated>(`${session(code, key)}/cases/generate`, body);
export const fetchDefects = (code: string, key: string) =>
  api.get<UatDefectList>(`${session(code, key)}/defects`).then((r) => r.items);
export const fetchGuestLinks = (code: string, key: string) =>
  api.get<UatGuestLinkList>(`${session(code, key)}/guest-links`).then((r) => r.items);
export const createGuestLink = (code: string, key: string, body: UatGuestLinkBody) =>
  api.post<UatGuestLinkCreated>(`${session(code, key)}/guest-links`, body);
export const revokeGuestLink = (code: string, id: string) =>
  api.post<UatGuestLink>(`${uat(code)}/guest-links/${enc(id)}/revoke`);

/**
 * Where the runner reads a case and records its results: a member's product, or a guest's link. The same runner
 * serves both; only the addresses differ (a guest's are scoped to the link's one session by the server).
 */
export type RunnerTarget = {
  /** Part of every query key, so a member's and a guest's answers are never mixed up. */
  id: readonly string[];
  caseDetail: (caseKey: string) => Promise<UatCaseDetail>;
  recordRun: (caseKey: string, body: UatRunBody) => Promise<UatRunRecorded>;
  uploadScreenshot: (runId: string, file: Blob, type: UatScreenshotType, fileName: string) => Promise<UatScreenshot>;
  /** The address an <img> loads a screenshot from (the cookie or the link's token opens it). */
  screenshotUrl: (id: string) => string;
};

const upload = (path: string, file: Blob, type: UatScreenshotType, fileName: string) =>
  postFileWithProgress<UatScreenshot>(`${path}${qs({ fileName })}`, file, type, () => undefined);

export function memberTarget(code: string): RunnerTarget {
  return {
    id: ['member', code],
    caseDetail: (caseKey) => api.get<UatCaseDetail>(`${uat(code)}/cases/${enc(caseKey)}`),
    recordRun: (caseKey, body) => api.post<UatRunRecorded>(`${uat(code)}/cases/${enc(caseKey)}/runs`, body),
    uploadScreenshot: (runId, file, type, fileName) =>
      upload(`${uat(code)}/runs/${enc(runId)}/screenshots`, file, type, fileName),
    screenshotUrl: (id) => `/api/v1${uat(code)}/screenshots/${enc(id)}`,
  };
}

export function guestTarget(token: string): RunnerTarget {
  return {
    id: ['guest', token],
    caseDetail: (caseKey) => api.get<UatCaseDetail>(`${guest(token)}/cases/${enc(caseKey)}`),
    recordRun: (caseKey, body) => api.post<UatRunRecorded>(`${guest(token)}/cases/${enc(caseKey)}/runs`, body),
    uploadScreenshot: (runId, file, type, fileName) =>
      upload(`${guest(token)}/runs/${enc(runId)}/screenshots`, file, type, fileName),
    screenshotUrl: (id) => `/api/v1${guest(token)}/screenshots/${enc(id)}`,
  };
}

/** What a guest link opens: the one session, its cases and the guest's own runs (401 once expired or revoked). */
export const fetchGuestView = (token: string) => api.get<UatGuestView>(guest(token));

/** Feedback from the guest into the product's feedback inbox (they see only what they sent). */
export const sendGuestFeedback = (token: string, body: UatGuestFeedbackBody) =>
  api.post<UatGuestFeedback>(`${guest(token)}/feedback`, body);
