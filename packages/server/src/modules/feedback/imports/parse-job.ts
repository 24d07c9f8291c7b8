// Reading a chat export, finding its near duplicates and looking each message up among the product's open items is
// CPU work (a 100,000-message WhatsApp chat: one to several seconds), so exports over 64 KB are read in the job pool
// (`feedback.parseExport`), smaller ones inline, with the same result. A refusal comes back as data (a job's errors are the pool's own), and the service turns it into a 422
// naming `body`.
import { SimilarityIndex, type SimilarMatch } from '@pi-studio/core/feedback/similar';
import { type DuplicateCluster, findDuplicates } from '@pi-studio/core/intake/duplicates';

import { IntakeError } from '@pi-studio/core/intake/errors';
import { parseExport } from '@pi-studio/core/intake/parse';
import type { IntakeResult, IntakeSource } from '@pi-studio/core/intake/types';

export const CHAT_INLINE_MAX_BYTES = 64 * 1024;

export type ParsedExport =
  | { ok: true; result: IntakeResult; clusters: DuplicateCluster[]; similar: SimilarMatch[][] }
  | { ok: false; code: string; message: string };

/** The pool's entry point (one structured-cloneable input). */
export function parseExportJob(input: {
  bytes: Uint8Array;
  source: IntakeSource | 'auto';
  /** The product's open items, each message is looked up among. */
  openItems: { key: string; text: string }[];
}): ParsedExport {
  try {
    const result = parseExport(input.bytes, { source: input.source });
    const texts = result.items.map((i) => i.text);
    const similar = new SimilarityIndex(input.openItems).similarMany(texts);
    return { ok: true, result, clusters: findDuplicates(texts), similar };
  } catch (err) {
    if (err instanceof IntakeError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}
