// Words and small rules for the handover package's pages: checklist groups in template order, levels and statuses in
// words, readiness shares, validator findings blockers first, and reading the problems the package's API answers.

import type { Severity } from '@pi-studio/core/gate/types';
import {
  CHECKLIST_GROUP_LABELS,
  CHECKLIST_GROUPS,
  type ChecklistGroup,
} from '@pi-studio/core/handover-package/checklist-template';
import type { ProductFlag } from '@pi-studio/core/handover-package/profile';
import { isApiError } from '../../lib/errors.ts';
import { SEVERITY_ORDER } from '../gate/format.ts';
import type { GapReport, PackageItem, PackageReadiness, ReviewSummary } from './api.ts';

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export const LEVEL_LABEL: Record<PackageItem['level'], string> = {
  required: 'Required',
  optional: 'Recommended',
  not_applicable: 'Not applicable',
};

/** The flags in words a product team recognises (core's codes: pii, ext, stateful). */
export const FLAG_LABEL: Record<ProductFlag, { label: string; description: string }> = {
  pii: { label: 'Handles personal or financial data', description: 'Adds privacy, data-protection and pen-test items' },
  ext: { label: 'Internet-facing', description: 'Adds load-test and pen-test items' },
  stateful: { label: 'Owns data', description: 'Adds backup and restore items' },
};

export const DECISION_COLOR: Record<ReviewSummary['decision'], string> = {
  accepted: 'green',
  accepted_with_gaps: 'yellow',
  rejected: 'red',
};

export const GAP_SEVERITY_COLOR: Record<GapReport['severity'], string> = {
  critical: 'red',
  major: 'orange',
  minor: 'yellow',
};

export const STATUS_COLOR: Record<PackageItem['status'], string> = {
  open: 'gray',
  in_progress: 'blue',
  done: 'green',
  waived: 'orange',
  not_applicable: 'dark',
};

/** How many checklist items apply to the product (required or recommended). */
export const applicableCount = (pkg: { items: readonly PackageItem[] }) =>
  pkg.items.filter((i) => i.level !== 'not_applicable').length;

export type ItemGroup = { group: ChecklistGroup; label: string; items: PackageItem[] };

/** The checklist in the template's group order (Scope, Quality, Security…), each group keeping its items' order. */
export function groupItems(items: readonly PackageItem[]): ItemGroup[] {
  return CHECKLIST_GROUPS.flatMap((group) => {
    const inGroup = items.filter((i) => i.group === group);
    if (inGroup.length === 0) return [];
    return [{ group, label: inGroup[0]?.groupLabel || CHECKLIST_GROUP_LABELS[group], items: inGroup }];
  });
}

/** "12 of 26 met (46%)", or "none apply" when the profile has no such item. */
export function shareLine(share: PackageReadiness['required']): string {
  if (share.total === 0) return 'none apply';
  return `${share.met} of ${share.total} met${share.percent === null ? '' : ` (${share.percent}%)`}`;
}

/** Green when ready, orange from 70, red below: the score alone never says ready, blockers do. */
export function scoreColor(score: number | null, ready: boolean): string {
  if (score === null) return 'gray';
  if (ready) return 'green';
  return score >= 70 ? 'orange' : 'red';
}

/** A waiver or "not applicable" counts only with a reason and the person who approved it. */
export const needsReason = (status: PackageItem['status']) => status === 'waived' || status === 'not_applicable';

/** Evidence links are http(s) addresses; anything else is a record id in PI Studio. */
export function isWebLink(ref: string): boolean {
  try {
    const url = new URL(ref.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Blockers first, then by line; stable otherwise. */
export function sortFindings<T extends { severity: Severity; line: number }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line);
}

/** Whether a save was refused because someone else changed the same record in between. */
export const isStaleVersion = (err: unknown) => isApiError(err, 409) && err.code === 'stale_version';

export type ReviewFinding = { message: string; fix?: string; severity?: string; section?: string; rule?: string };

/** The review's rule findings a 422 `review_invalid` carries (`findings`), blockers first; [] otherwise. */
export function reviewFindings(err: unknown): ReviewFinding[] {
  if (!isApiError(err, 422) || err.code !== 'review_invalid') return [];
  const raw = err.problem.findings;
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((f): ReviewFinding[] => {
      if (!f || typeof f !== 'object') return [];
      const r = f as Record<string, unknown>;
      if (typeof r.message !== 'string') return [];
      const text = (k: string) => (typeof r[k] === 'string' && r[k] !== '' ? (r[k] as string) : undefined);
      return [
        {
          message: r.message,
          fix: text('fix'),
          severity: text('severity'),
          section: text('section'),
          rule: text('rule'),
        },
      ];
    })
    .sort((a, b) => rank(a.severity) - rank(b.severity));
}

const rank = (severity: string | undefined) =>
  severity && severity in SEVERITY_ORDER ? SEVERITY_ORDER[severity as Severity] : SEVERITY_ORDER.info + 1;

/** Today as YYYY-MM-DD in the viewer's own time zone (a meeting's date is the local one). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** YYYY-MM-DD plus days (calendar days, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A checkpoint row's blockers in a few words: "SEC-2 (Ana), OPS-3 and 2 more". */
export function blockersLine(blockers: readonly { itemId: string; owner: string | null }[], shown = 3): string {
  if (blockers.length === 0) return 'None';
  const named = blockers.slice(0, shown).map((b) => (b.owner ? `${b.itemId} (${b.owner})` : b.itemId));
  const rest = blockers.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}
