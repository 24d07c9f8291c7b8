// What pack validation takes and gives (issue #14). Findings are the gate's own type, so the CLI, the API and the
// editor render pack findings with the code they already have for PRD findings.
import type { Finding, Verdict } from '../gate/types.ts';

export const PACK_KINDS = ['qa', 'security', 'runbook', 'release-notes', 'doc'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/** What people call each kind. */
export const PACK_KIND_LABELS: Readonly<Record<PackKind, string>> = {
  qa: 'QA pack',
  security: 'Security pack',
  runbook: 'Runbook-lite',
  'release-notes': 'Release notes',
  doc: 'Documentation',
};

export function isPackKind(value: unknown): value is PackKind {
  return typeof value === 'string' && (PACK_KINDS as readonly string[]).includes(value);
}

/** A person or group that owns or supports the product, as the product record names it. */
export type ProductOwner = { name?: string; email?: string; role?: string };

export type ProductEnvironment = { name: string; url?: string };

/** The facts a pack must agree with. Every field is optional: a check runs only when its facts are given. */
export type ProductRecord = {
  name?: string;
  code?: string;
  /** The release under handover, e.g. "2.4.0". */
  version?: string;
  /** Earlier releases the pack may mention (release notes list them). */
  previousVersions?: string[];
  owners?: ProductOwner[];
  environments?: ProductEnvironment[];
  /** Other URLs that belong to the product (repository, dashboards, status page). */
  urls?: string[];
};

export type PackReport = {
  kind: PackKind;
  score: number;
  verdict: Verdict;
  findings: Finding[];
};
