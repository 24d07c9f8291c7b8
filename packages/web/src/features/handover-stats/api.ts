// Handover statistics (issue #14): the charter's success figures over the products the reader sees — the share of
// packages IT accepted on the first handover, and the post-handover gaps per checklist item and severity.
import type { GapStats } from '@pi-studio/core/contract/handover-package';
import { api } from '../../lib/api.ts';

export type { GapStats };
export type GapStatsItem = GapStats['items'][number];

export const fetchGapStats = () => api.get<GapStats>('/handover/gap-stats');
