import { useQuery } from '@tanstack/react-query';
import { fetchWeeklyIntake } from './api.ts';

export const reportKeys = { weeklyIntake: (week?: string) => ['report', 'weekly-intake', week ?? 'last'] as const };

export const useWeeklyIntake = (week?: string) =>
  useQuery({ queryKey: reportKeys.weeklyIntake(week), queryFn: () => fetchWeeklyIntake(week) });
