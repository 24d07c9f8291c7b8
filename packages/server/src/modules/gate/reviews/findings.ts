// Findings get ids that survive a resubmission: the same rule on the same (normalised) text is the same
// finding, so waivers name it and the change list can say what was fixed, what is new and what remains.
import { createHash } from 'node:crypto';
import type { Finding, GateReport } from '@pi-studio/core/gate/types';

export type StoredFinding = Finding & { id: string };
export type StoredReport = Omit<GateReport, 'findings'> & { findings: StoredFinding[] };
export type FindingChanges = { fixed: StoredFinding[]; new: StoredFinding[]; remaining: StoredFinding[] };

/** Case, spacing and trailing punctuation do not make a different finding (an edit nearby often changes them). */
export function normaliseExcerpt(excerpt: string): string {
  return excerpt
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?…]+$/u, '')
    .trim();
}

const matchKey = (f: Pick<Finding, 'rule' | 'excerpt'>) => `${f.rule}\u0000${normaliseExcerpt(f.excerpt)}`;

/** `f-` + 12 hex of sha256(rule, excerpt, occurrence): the n-th equal finding keeps its id across versions. */
export function withFindingIds(report: GateReport): StoredReport {
  const seen = new Map<string, number>();
  const findings = report.findings.map((f) => {
    const key = matchKey(f);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const id = `f-${createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 12)}`;
    return { ...f, id };
  });
  return { ...report, findings };
}

/** Matches findings one to one by rule + normalised excerpt (the ids encode exactly that). */
export function diffFindings(previous: readonly StoredFinding[], current: readonly StoredFinding[]): FindingChanges {
  const before = new Set(previous.map((f) => f.id));
  const now = new Set(current.map((f) => f.id));
  return {
    fixed: previous.filter((f) => !now.has(f.id)),
    new: current.filter((f) => !before.has(f.id)),
    remaining: current.filter((f) => before.has(f.id)),
  };
}
