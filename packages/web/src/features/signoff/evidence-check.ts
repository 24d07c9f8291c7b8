// The evidence checks the server makes, made first in the browser: at most 10 MB, and a PDF, PNG, JPEG or plain
// text file by its bytes (core's sniffEvidence, the server's own reader). The server checks again on upload.
import { SIGNOFF_LIMITS } from '@pi-studio/core/contract/signoff';
import { sniffEvidence } from '@pi-studio/core/signoff/evidence-type';

const MB = 1024 * 1024;

/** Why a file of this size cannot be evidence, or null. */
export function evidenceSizeProblem(name: string, size: number): string | null {
  if (size === 0) return `${name} is empty`;
  if (size > SIGNOFF_LIMITS.evidenceBytes)
    return `${name} is too large (${(size / MB).toFixed(1)} MB); evidence may be at most ${SIGNOFF_LIMITS.evidenceBytes / MB} MB`;
  return null;
}

/** Why these bytes cannot be evidence, or null. */
export function evidenceProblem(name: string, bytes: Uint8Array): string | null {
  return (
    evidenceSizeProblem(name, bytes.length) ??
    (sniffEvidence(bytes) ? null : `${name} is not a PDF, PNG or JPEG file or plain text`)
  );
}

/** Checks a picked file, reading it only when its size passes (a 200 MB video is never loaded). */
export async function checkEvidenceFile(file: File): Promise<string | null> {
  return (
    evidenceSizeProblem(file.name, file.size) ?? evidenceProblem(file.name, new Uint8Array(await file.arrayBuffer()))
  );
}
