// Traceability (issue #12): the coverage matrix of requirements × stories and the drift against the gate baseline.
// Types come from the contract in core (ADR 0010).
import type { Drift, DriftItem, TraceMatrix } from '@pi-studio/core/contract/backlog';
import type { UatCaseDetail } from '@pi-studio/core/contract/uat';
import { api } from '../../../lib/api.ts';

export type { Drift, DriftItem, TraceMatrix };

const base = (code: string) => `/products/${encodeURIComponent(code)}`;

export const fetchMatrix = (code: string) => api.get<TraceMatrix>(`${base(code)}/trace/matrix`);
export const fetchDrift = (code: string) => api.get<Drift>(`${base(code)}/trace/drift`);
/** A plain link: the browser downloads the CSV with the session cookie (a GET needs no CSRF header). */
export const matrixCsvHref = (code: string) => `/api/v1${base(code)}/trace/matrix.csv`;
/** The matrix names a test case but not its session: its detail does, so a click can open the session's runner. */
export const fetchCaseSessionKey = (code: string, caseKey: string) =>
  api.get<UatCaseDetail>(`${base(code)}/uat/cases/${encodeURIComponent(caseKey)}`).then((d) => d.case.sessionKey);
