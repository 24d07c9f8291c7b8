// What the sessions API sends, typed by the contract (core/contract/uat.ts).
import type { UatCounts, UatSession } from '@pi-studio/core/contract/uat';
import type { SessionRecord } from './repo.ts';

export const sessionEtag = (revision: number) => `"${revision}"`;

export function presentSession(s: SessionRecord, productCode: string, counts: UatCounts): UatSession {
  return {
    id: s.id,
    key: s.key,
    number: s.number,
    productCode,
    title: s.title,
    buildVersion: s.buildVersion,
    sprint: s.sprint,
    status: s.status,
    participants: s.participants.map((p) => ({ name: p.name, userId: p.userId, role: p.role })),
    revision: s.revision,
    counts,
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
  };
}
