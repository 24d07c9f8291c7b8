// What a sign-off's evidence file is, decided from its bytes, never from its name or the type the client claims:
// a PDF, PNG or JPEG by its magic bytes (and its end or first chunk), plain text when it is valid UTF-8 without NUL or other control characters
// (tab, line feed, carriage return and form feed aside). An image renamed .txt, or a script renamed .pdf, is refused.

export type EvidenceType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain';

export const EVIDENCE_TYPES: readonly EvidenceType[] = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** A PDF ends with %%EOF (a line end or a little padding may follow): a bare "%PDF-" header is not a PDF. */
function endsLikePdf(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 1024);
  for (let i = bytes.length - PDF_EOF.length; i >= from; i--) if (startsWith(bytes, PDF_EOF, i)) return true;
  return false;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the check looks for
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return text.trim() !== '' && !CONTROL.test(text);
}

/** The evidence type of `bytes`, or null when it is none of the accepted kinds. */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, PDF)) return endsLikePdf(bytes) ? 'application/pdf' : null;
  // A PNG opens with its IHDR chunk, a JPEG ends with its end-of-image marker: a signature before garbage is refused.
  if (startsWith(bytes, PNG)) return startsWith(bytes, PNG_IHDR, 12) ? 'image/png' : null;
  if (startsWith(bytes, JPEG)) {
    const n = bytes.length;
    return n >= 4 && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9 ? 'image/jpeg' : null;
  }
  return isPlainText(bytes) ? 'text/plain' : null;
}
