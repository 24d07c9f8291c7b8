// What a checklist item's evidence file is, read from its bytes (research/handover.md §1: "evidence link or file").
// The sign-off's evidence types (PDF, PNG, JPEG by their magic bytes and ends, plain UTF-8 text) plus Markdown (text
// named .md or .markdown) and Word documents (a zip whose directory holds word/document.xml and passes the zip
// guard's declared-size checks). The client's declared type is never asked: an EXE renamed .pdf, an HTML page
// declared as PNG or a zip that is no Word document is refused.
import { assertDeclaredSafe, DocxRefusedError, looksLikeZip } from '../docx/zip-guard.ts';
import { sniffEvidence } from '../signoff/evidence-type.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const EVIDENCE_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/markdown',
  DOCX_TYPE,
] as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[number];

export const EVIDENCE_FILE_TYPE_LABELS: Readonly<Record<EvidenceFileType, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'text/plain': 'Plain text',
  'text/markdown': 'Markdown',
  [DOCX_TYPE]: 'Word document',
};

const MARKDOWN_NAME = /\.(md|markdown)$/i;

/** The evidence type of `bytes`, or null when it is none of the accepted kinds; `fileName` only tells Markdown from text. */
export function sniffEvidenceFile(bytes: Uint8Array, fileName: string): EvidenceFileType | null {
  if (looksLikeZip(bytes)) {
    try {
      assertDeclaredSafe(bytes);
      return DOCX_TYPE;
    } catch (err) {
      if (err instanceof DocxRefusedError) return null;
      throw err;
    }
  }
  const type = sniffEvidence(bytes);
  if (type === 'text/plain' && MARKDOWN_NAME.test(fileName)) return 'text/markdown';
  return type;
}

const EXTENSIONS: Readonly<Record<EvidenceFileType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt', 'text', 'log', 'csv'],
  'text/markdown': ['md', 'markdown'],
  [DOCX_TYPE]: ['docx'],
};

/**
 * A file name safe to show and to send back: no path, no control characters, at most 200 characters, with an
 * extension that matches what the bytes are (`report.exe` holding a PDF is kept as `report.exe.pdf`).
 */
export function evidenceFileName(name: string, type: EvidenceFileType): string {
  const base = (typeof name === 'string' ? name : '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  const allowed = EXTENSIONS[type];
  const ext = /\.([^.]+)$/.exec(clean)?.[1]?.toLowerCase() ?? '';
  if (clean && allowed.includes(ext)) return clean;
  return `${clean || 'evidence'}.${allowed[0]}`;
}
