// What the sign-off API sends, typed by the contract (core/contract/signoff.ts).
import type { Evidence, Signoff, SignoffDecision, SignoffScope } from '@pi-studio/core/contract/signoff';
import type { EvidenceRow, StoredSignoff } from './repo.ts';

export const presentEvidence = (e: EvidenceRow): Evidence => ({
  id: e.id,
  fileName: e.fileName,
  mediaType: e.mediaType,
  size: e.size,
  sha256: e.sha256,
  uploadedBy: e.uploadedByName,
  addedAt: e.createdAt.toISOString(),
});

export function presentSignoff(s: StoredSignoff, evidence: readonly EvidenceRow[]): Signoff {
  return {
    id: s.id,
    key: s.key,
    number: s.number,
    scope: s.scope as SignoffScope,
    session: s.session,
    buildVersion: s.buildVersion,
    decision: s.decision as SignoffDecision,
    conditions: s.conditions,
    signedStories: s.signedStories.map((x) => ({ key: x.key, revision: x.revision, contentHash: x.contentHash })),
    contentHash: s.contentHash,
    signer: { id: s.signerId, name: s.signerName },
    signedAt: s.signedAt.toISOString(),
    prevHash: s.prevHash,
    recordHash: s.recordHash,
    evidence: evidence.filter((e) => e.signoffId === s.id).map(presentEvidence),
  };
}
