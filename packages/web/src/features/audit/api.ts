// Calls behind the audit log; the log is read-only, so there are no mutations here.
import type { AuditEvent, AuditPage, AuditQuery } from '@pi-studio/core/contract/audit';
import { api, qs } from '../../lib/api.ts';

export type { AuditEvent, AuditPage };

/** Filter values exactly as the API takes them (dates already ISO instants): its query without the paging. */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;

export const AUDIT_PAGE_SIZE = 50;

export const fetchAuditPage = (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<AuditPage>(`/audit${qs({ ...filters, cursor, limit: AUDIT_PAGE_SIZE })}`, { signal });
