// Evidence files on a checklist item, checked before upload so a wrong file is named at once: the kinds the server
// takes (it reads the type from the bytes and answers 415 for anything else) and its size limit. Sizes in words.
import { EVIDENCE_FILE_LIMITS } from '@pi-studio/core/contract/handover-items';
import { EVIDENCE_FILE_TYPE_LABELS, type EvidenceFileType } from '@pi-studio/core/handover-package/evidence-file';

export const EVIDENCE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'txt', 'text', 'log', 'csv', 'md', 'markdown', 'docx'];
/** For the file picker: what it offers first (the server still decides by the bytes). */
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');
export const EVIDENCE_KINDS_LINE = 'PDF, PNG or JPEG images, plain text, Markdown or Word (.docx)';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why this file cannot be evidence, or null when it may be uploaded. */
export function evidenceFileProblem(file: { name: string; size: number }, filesOnItem: number): string | null {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !EVIDENCE_EXTENSIONS.includes(ext))
    return `${file.name} is not a file type evidence can be: use ${EVIDENCE_KINDS_LINE}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > EVIDENCE_FILE_LIMITS.bytes)
    return `${file.name} is ${formatBytes(file.size)}: evidence files are at most ${formatBytes(EVIDENCE_FILE_LIMITS.bytes)}.`;
  if (filesOnItem >= EVIDENCE_FILE_LIMITS.perItem)
    return `An item holds at most ${EVIDENCE_FILE_LIMITS.perItem} files: remove one first.`;
  return null;
}

export const fileTypeLabel = (type: EvidenceFileType) => EVIDENCE_FILE_TYPE_LABELS[type];
