// What the change-request API sends, typed by the contract (core/contract/backlog.ts).
import type { ChangeRequest } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { ChangeRequestRecord } from './repo.ts';

export function presentChangeRequest(c: ChangeRequestRecord): ChangeRequest {
  return {
    id: c.id,
    key: c.key,
    number: c.number,
    title: c.title,
    whatChanges: c.whatChanges,
    why: c.why,
    impact: { requirementIds: c.impact.requirementIds, storyKeys: c.impact.storyKeys, dates: c.impact.dates },
    hasPrdChange: c.prdChange !== null,
    status: c.status,
    requestedBy: c.requestedBy,
    createdAt: c.createdAt.toISOString(),
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    rationale: c.rationale,
    prdVersion: c.prdVersion ? { id: c.prdVersion.id, version: formatVersion(c.prdVersion) } : null,
  };
}
