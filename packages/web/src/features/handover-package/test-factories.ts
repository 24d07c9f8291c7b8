// Factories with overrides for the package's pure helpers' tests (contract-shaped data, no server).
import type { PackageItem, PackageReadiness } from './api.ts';

export function anItem(overrides: Partial<PackageItem> = {}): PackageItem {
  return {
    id: 'SCP-1',
    group: 'SCP',
    groupLabel: 'Scope',
    text: 'Release scope stated',
    why: 'IT must know what it takes over',
    evidenceHint: 'PRD baseline id + version',
    level: 'required',
    levelReason: 'Required for WEB',
    templateLevel: 'required',
    levelOverride: null,
    status: 'open',
    statusLabel: 'Open',
    owner: null,
    evidence: [],
    reason: null,
    approver: null,
    files: [],
    revision: 1,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

export function aReadiness(overrides: Partial<PackageReadiness> = {}): PackageReadiness {
  return {
    score: 40,
    ready: false,
    required: { met: 2, total: 5, percent: 40 },
    recommended: { met: 0, total: 0, percent: null },
    blocking: [],
    openRecommended: [],
    waived: [],
    ...overrides,
  };
}
