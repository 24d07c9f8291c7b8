// Change requests (issue #12): scope changes after the gate baseline only through a decision by the product's PO/VB.
import type {
  ChangeRequest,
  ChangeRequestDecision,
  ChangeRequestInput,
  ChangeRequestList,
} from '@pi-studio/core/contract/backlog';
import { api } from '../../../lib/api.ts';

export type { ChangeRequest, ChangeRequestDecision, ChangeRequestInput };

const base = (code: string) => `/products/${encodeURIComponent(code)}/change-requests`;

export const fetchChangeRequests = (code: string) => api.get<ChangeRequestList>(base(code)).then((r) => r.items);
export const raiseChangeRequest = (code: string, body: ChangeRequestInput) => api.post<ChangeRequest>(base(code), body);
export const decideChangeRequest = (code: string, key: string, body: ChangeRequestDecision) =>
  api.post<ChangeRequest>(`${base(code)}/${encodeURIComponent(key)}/decision`, body);
