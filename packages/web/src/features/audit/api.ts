// Calls behind the audit log; the log is read-only, so there are no mutations here.
import type { AuditEvent, AuditPage } from '@pi-studio/core/contract/audit';
import { api, qs } from '../../lib/api.ts';

export type { AuditEvent, AuditPage };

/** Filter values exactly as the API takes them (dates already ISO instants). */
export type AuditFilters = {
  actor?: string;
  action?: string;
  targetType?: string;
  subsidiary?: string;
  from?: string;
  to?: string;
};

export const AUDIT_PAGE_SIZE = 50;

export const fetchAuditPage = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<AuditPage>(`/audit${qs({ ...filters, cursor, limit: AUDIT_PAGE_SIZE })}`, { signal });
