// The weekly intake-quality report (issue #15): the server composes it with core's report builder, so the page shows
// the same numbers and sentences as the Markdown, the PDF and `pistudio report`.
import type { ReportSnapshotAnswer } from '@pi-studio/core/contract/reports';
import { api } from '../../lib/api.ts';

export type Report = ReportSnapshotAnswer;

const query = (week?: string) => (week ? `?week=${encodeURIComponent(week)}` : '');

export const fetchWeeklyIntake = (week?: string) => api.get<Report>(`/reports/weekly-intake${query(week)}`);

export const weeklyIntakeDownload = (format: 'md' | 'pdf', week?: string) =>
  `/api/v1/reports/weekly-intake.${format}${query(week)}`;
