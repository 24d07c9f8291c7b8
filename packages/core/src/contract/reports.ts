// Reports (issue #15): one snapshot per report, rendered as JSON for the page, Markdown for download and the CLI, and
// later e-mail and chat digests (core/reports). The schema mirrors core/reports/snapshot.ts so the server's answer is
// checked against the published shape.
import { z } from 'zod';

/** An ISO week, "2026-W47". */
export const zIsoWeek = () =>
  z
    .string()
    .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week such as 2026-W47')
    .refine((w) => isoWeekStart(w) !== null, 'that year has no such week');

export const ZWeeklyReportQuery = z.strictObject({
  /** Default: the last complete week. */
  week: zIsoWeek().optional(),
  subsidiary: z.string().trim().min(1).max(20).toUpperCase().optional(),
});
export type WeeklyReportQuery = z.infer<typeof ZWeeklyReportQuery>;

const ZTile = z.strictObject({
  label: z.string(),
  value: z.number().nullable(),
  unit: z.enum(['percent', 'count', 'hours', 'days']),
  previous: z.number().nullable(),
  target: z.number().nullable(),
  better: z.enum(['higher', 'lower']),
});

const ZSection = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('table'),
    title: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    empty: z.string(),
  }),
  z.strictObject({ kind: z.literal('list'), title: z.string(), items: z.array(z.string()), empty: z.string() }),
]);

export const ZReportSnapshot = z.strictObject({
  id: z.string(),
  kind: z.enum(['weekly-intake', 'weekly-handover', 'sprint', 'monthly']),
  periodLabel: z.string(),
  zone: z.string(),
  watermark: z.string(),
  generatedAt: z.string(),
  tiles: z.array(ZTile),
  sections: z.array(ZSection),
  url: z.string(),
  /** The same snapshot as Markdown, as the download and the CLI give it. */
  markdown: z.string(),
});
export type ReportSnapshotAnswer = z.infer<typeof ZReportSnapshot>;

/** Monday 00:00 UTC of an ISO week (the week with the year's first Thursday is week 1), or null if it has none. */
export function isoWeekStart(week: string): number | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const start = jan4 - jan4Weekday * 86_400_000 + (n - 1) * 7 * 86_400_000;
  return isoWeekOf(start) === week ? start : null;
}

/** The ISO week an instant falls in (UTC). */
export function isoWeekOf(ms: number): string {
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}
