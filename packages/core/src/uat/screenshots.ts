// Which image a screenshot upload really is, read from its first bytes: the declared media type and the file name
// are the client's word and are ignored, so an HTML page or an SVG (script in an image) named `.png` is refused.

import type { UatScreenshotType } from '../contract/uat.ts';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * The image type the bytes are, or null. A PNG must also open with its IHDR chunk (a bare signature followed by
 * garbage is not an image); a JPEG must end with its end-of-image marker; a WebP is a RIFF container of type WEBP
 * whose declared size matches the file.
 */
export function sniffScreenshot(bytes: Uint8Array): UatScreenshotType | null {
  if (startsWith(bytes, PNG)) return startsWith(bytes, PNG_IHDR, 12) ? 'image/png' : null;
  if (startsWith(bytes, JPEG)) {
    const n = bytes.length;
    return n >= 4 && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9 ? 'image/jpeg' : null;
  }
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) {
    const declared =
      ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16) | ((bytes[7] ?? 0) << 24)) >>> 0;
    return declared + 8 === bytes.length ? 'image/webp' : null;
  }
  return null;
}

/** A file name safe to put in a Content-Disposition header and to show: path, quotes and control characters gone. */
export function safeFileName(name: string | undefined, type: UatScreenshotType): string {
  const ext = type === 'image/png' ? 'png' : type === 'image/jpeg' ? 'jpg' : 'webp';
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  const stem = clean.replace(/\.[^.]*$/, '') || 'screenshot';
  return `${stem}.${ext}`;
}
