// What the feedback API sends, typed by the contract (core/contract/feedback.ts).

import type { FeedbackItem, FeedbackProvenance, FeedbackSource } from '@pi-studio/core/contract/feedback';
import { ageDays } from '@pi-studio/core/feedback/ageing';
import type { FeedbackRecord, StoredProvenance } from './repo.ts';

const presentProvenance = (p: StoredProvenance): FeedbackProvenance => ({
  source: p.source as FeedbackSource,
  originalAuthor: p.originalAuthor,
  originalTime: p.originalTime,
  fileHash: p.fileHash,
  messageRef: p.messageRef,
  importId: p.importId,
});

/** `now` is the clock's: an untriaged item's age in whole days. */
export function presentItem(r: FeedbackRecord, now: Date): FeedbackItem {
  return {
    id: r.id,
    key: r.key,
    number: r.number,
    text: r.text,
    author: r.author,
    source: r.source,
    status: r.status,
    provenance: r.provenance.map(presentProvenance),
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    triagedAt: r.triagedAt?.toISOString() ?? null,
    triagedBy: r.triagedBy,
    story: r.story,
    duplicateOf: r.duplicateOf,
    declineReason: r.declineReason,
    clarification: r.clarification,
    ageDays: r.status === 'new' ? ageDays(r.createdAt, now) : null,
  };
}
