// The backlog in figures for the product page, and the build → UAT move it gates (issue #12).
import type { BacklogSummary } from '@pi-studio/core/contract/backlog';
import type { Product } from '@pi-studio/core/contract/products';
import { api } from '../../../lib/api.ts';

export type { BacklogSummary };

const base = (code: string) => `/products/${encodeURIComponent(code)}`;

export const fetchBacklogSummary = (code: string) => api.get<BacklogSummary>(`${base(code)}/backlog/summary`);
/** 409 `uat_not_ready` says what is missing; the card shows the same reason before anyone presses the button. */
export const moveToUat = (code: string) => api.post<Product>(`${base(code)}/stage/uat`);
