// Words for packs: each kind's name and what it must hold, and a version's one-line summary.
import { PACK_KIND_LABELS } from '@pi-studio/core/handover/types';
import type { PackKind, PackVersion } from './api.ts';

export const PACK_KIND_LABEL: Readonly<Record<PackKind, string>> = PACK_KIND_LABELS;

export const PACK_KIND_HINT: Record<PackKind, string> = {
  qa: 'Test completion report: scope, results, defects, coverage of the requirements, sign-off.',
  security: 'Security posture: OWASP Top 10 coverage, scans, threat model, secrets handling.',
  runbook: 'How to run it: overview, environments, deploy and rollback, monitoring, known issues, contacts.',
  'release-notes': 'What changed in this version, grouped (Added, Changed, Fixed…), with breaking changes first.',
  doc: 'User and admin documentation for the key tasks.',
};

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Version 3 · score 82 · 1 blocker" */
export function versionLine(v: Pick<PackVersion, 'version' | 'score' | 'blockers'>): string {
  const blockers = v.blockers > 0 ? ` · ${plural(v.blockers, 'blocker')}` : '';
  return `Version ${v.version} · score ${v.score}${blockers}`;
}

/** "Secrets masked on lines 4, 12" — empty when none was found. */
export function maskedLine(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, 8).join(', ');
  return `Secrets masked on ${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > 8 ? '…' : ''}`;
}
