// The checks every export goes through before a parser sees it: size, emptiness, files that are no text at all
// (images, PDFs, binaries), and decoding — UTF-8 with or without a BOM, and UTF-16 (Windows tools and some phones
// save chats that way), which is decoded rather than refused because it costs one TextDecoder.
import { IntakeError } from './errors.ts';
import { MAX_EXPORT_BYTES } from './types.ts';

const MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/** Refuses what no parser can read: empty, over the size limit, or a known non-text format. */
export function assertReadable(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new IntakeError('empty', 'the file is empty');
  if (bytes.length > MAX_EXPORT_BYTES) {
    throw new IntakeError('too_large', `the file is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB`);
  }
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic)) throw new IntakeError('binary', `the file is ${what}, not a chat export`);
  }
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM: mostly-ASCII text leaves every second byte zero. Looked at in the first 4 KB only.
  const sample = bytes.subarray(0, 4096);
  if (sample.length >= 8 && sample.length % 2 === 0) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    const half = sample.length / 2;
    if (oddZero > half * 0.6 && evenZero === 0) return { encoding: 'utf-16le', skip: 0 };
    if (evenZero > half * 0.6 && oddZero === 0) return { encoding: 'utf-16be', skip: 0 };
  }
  return { encoding: 'utf-8', skip: 0 };
}

/** Bytes → text, refusing binaries (NUL bytes), invalid UTF-8/UTF-16 and lone surrogates with one line each. */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, skip } = encodingOf(bytes);
  let body = bytes.subarray(skip);
  if (encoding === 'utf-16be') {
    // Swapped to little-endian: not every runtime's TextDecoder knows 'utf-16be' (Node without full ICU).
    if (body.length % 2 !== 0) throw new IntakeError('encoding', 'the file is not valid UTF-16 (odd number of bytes)');
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      swapped[i] = body[i + 1] as number;
      swapped[i + 1] = body[i] as number;
    }
    body = swapped;
  }
  let text: string;
  try {
    text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'utf-16le', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new IntakeError('encoding', `the file is not valid ${name} text (save the export as UTF-8)`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new IntakeError('binary', `the file holds binary data (a NUL byte at character ${nul + 1})`);
  if (text.trim() === '') throw new IntakeError('empty', 'the file holds only white space');
  return text;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON can spell a lone surrogate (`"\ud800"`), which no UTF-8 output can carry: refused with the place it is in,
 * rather than printed as a replacement character nobody asked for.
 */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

export function assertWellFormed(value: string, where: string): void {
  const match = LONE_SURROGATE.exec(value);
  if (match) {
    const code = (match[0].codePointAt(0) ?? 0).toString(16);
    throw new IntakeError('encoding', `${where} holds a lone surrogate (\\u${code}), which is not valid Unicode text`);
  }
}
