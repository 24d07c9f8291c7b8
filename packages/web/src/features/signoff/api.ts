// The sign-off API (issue #13): the PO/VB's decision on a UAT session or a release, chained by hash per product,
// evidence files beside each record, the chain's verification and the UAT report. Request and response types come
// from the contract in core (ADR 0010); none is declared here. Guide: docs/signoff.md.
import type {
  Evidence,
  HandoverReadiness,
  ReportFormat,
  Signoff,
  SignoffBody,
  SignoffDecision,
  SignoffList,
  SignoffVerify,
} from '@pi-studio/core/contract/signoff';
import { api, qs } from '../../lib/api.ts';

export type { Evidence, HandoverReadiness, ReportFormat, Signoff, SignoffBody, SignoffDecision, SignoffVerify };

const enc = encodeURIComponent;
const base = (code: string) => `/products/${enc(code)}/signoffs`;

export const fetchSignoffs = (code: string) => api.get<SignoffList>(base(code));
export const verifySignoffs = (code: string) => api.get<SignoffVerify>(`${base(code)}/verify`);
export const recordSignoff = (code: string, body: SignoffBody) => api.post<Signoff>(base(code), body);

/** Evidence goes as a multipart file; the server reads its type from the bytes. */
export function addEvidence(code: string, key: string, file: Blob, fileName: string) {
  const form = new FormData();
  form.append('file', file, fileName);
  return api.post<Evidence>(`${base(code)}/${enc(key)}/evidence`, form);
}

/** Download addresses (the browser's cookie opens them; each answers as an attachment). */
export const evidenceUrl = (code: string, key: string, id: string) =>
  `/api/v1${base(code)}/${enc(key)}/evidence/${enc(id)}`;
export const reportUrl = (code: string, sessionKey: string, format: ReportFormat) =>
  `/api/v1/products/${enc(code)}/uat/sessions/${enc(sessionKey)}/report${qs({ format })}`;
