// What the requirements panel says about a sync: which PRD version the requirements came from and what a sync did.
// Pure (tests: requirements.test.ts).
import type { Requirement, RequirementSync } from './api.ts';

/** The PRD version the requirements were last synced from: the newest `lastSeenIn`; null before the first sync. */
export function syncedVersion(items: readonly Pick<Requirement, 'lastSeenIn'>[]): string | null {
  let best: string | null = null;
  for (const r of items)
    if (best === null || compareVersions(r.lastSeenIn.version, best) > 0) best = r.lastSeenIn.version;
  return best;
}

/** `1.10` after `1.9`: versions compare by number, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "From PRD version 1.0: 2 added, 1 changed, none removed, 3 unchanged." */
export function syncResultLabel(r: Pick<RequirementSync, 'baseline' | 'changes'>): string {
  const { added, changed, removed, unchanged } = r.changes;
  const n = (count: number) => (count === 0 ? 'none' : String(count));
  const from = r.baseline ? `From PRD version ${r.baseline.version}: ` : '';
  return `${from}${n(added.length)} added, ${n(changed.length)} changed, ${n(removed.length)} removed, ${unchanged} unchanged.`;
}
