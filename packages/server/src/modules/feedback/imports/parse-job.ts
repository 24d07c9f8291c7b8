// Reading a chat export and finding its near duplicates is CPU work (a 100,000-message WhatsApp chat: about a
// second), so exports over 64 KB are read in the job pool (`feedback.parseExport`), smaller ones inline, with the
// same result. A refusal comes back as data (a job's errors are the pool's own), and the service turns it into a 422
// naming `body`.
import { type DuplicateCluster, findDuplicates } from '@pi-studio/core/intake/duplicates';

import { IntakeError } from '@pi-studio/core/intake/errors';
import { parseExport } from '@pi-studio/core/intake/parse';
import type { IntakeResult, IntakeSource } from '@pi-studio/core/intake/types';

export const CHAT_INLINE_MAX_BYTES = 64 * 1024;

export type ParsedExport =
  | { ok: true; result: IntakeResult; clusters: DuplicateCluster[] }
  | { ok: false; code: string; message: string };

/** The pool's entry point (one structured-cloneable input). */
export function parseExportJob(input: { bytes: Uint8Array; source: IntakeSource | 'auto' }): ParsedExport {
  try {
    const result = parseExport(input.bytes, { source: input.source });
    return { ok: true, result, clusters: findDuplicates(result.items.map((i) => i.text)) };
  } catch (err) {
    if (err instanceof IntakeError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}
