import type { AuditFilters } from './api.ts';

/** What the filter bar holds: dates as the `YYYY-MM-DD` strings of `<input type=date>`. */
export type AuditFilterForm = {
  actor: string | null;
  action: string;
  targetType: string;
  subsidiary: string | null;
  fromDate: string;
  toDate: string;
};

export const EMPTY_FILTERS: AuditFilterForm = {
  actor: null,
  action: '',
  targetType: '',
  subsidiary: null,
  fromDate: '',
  toDate: '',
};

// Targets the server writes today; the field also accepts any other type typed in.
export const KNOWN_TARGET_TYPES = [
  'user',
  'api_token',
  'subsidiary',
  'product',
  'document',
  'template',
  'taxonomy_term',
  'setting',
];

/** Days are the viewer's local days: "from" starts at local midnight, "to" includes the whole day. */
function localInstant(day: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T${time}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function dateRangeError(form: AuditFilterForm): string | undefined {
  if (form.fromDate && !localInstant(form.fromDate, '00:00:00')) return '"From" is not a date';
  if (form.toDate && !localInstant(form.toDate, '00:00:00')) return '"To" is not a date';
  if (form.fromDate && form.toDate && form.fromDate > form.toDate) return '"To" is before "From"';
  return undefined;
}

export function toApiFilters(form: AuditFilterForm): AuditFilters {
  const validRange = !dateRangeError(form);
  return {
    actor: form.actor ?? undefined,
    action: form.action.trim() || undefined,
    targetType: form.targetType.trim() || undefined,
    subsidiary: form.subsidiary ?? undefined,
    from: validRange && form.fromDate ? localInstant(form.fromDate, '00:00:00') : undefined,
    to: validRange && form.toDate ? localInstant(form.toDate, '23:59:59.999') : undefined,
  };
}
