// Tiny event builders for the metrics tests: "unit did event on ISO date (at noon UTC)".
import type { ActivityEvent } from './activity.ts';

export const noon = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

export function ev(unit: string, iso: string, event = 'report_exported', time = '12:00:00'): ActivityEvent {
  return { unit, event, at: Date.parse(`${iso}T${time}Z`) };
}

/** The ISO date `n` days after `iso`. */
export function plusDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
