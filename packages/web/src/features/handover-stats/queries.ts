import { useQuery } from '@tanstack/react-query';
import { fetchGapStats } from './api.ts';

export const statsKeys = { gapStats: ['handover-gap-stats'] as const };

export const useGapStats = () => useQuery({ queryKey: statsKeys.gapStats, queryFn: fetchGapStats });
