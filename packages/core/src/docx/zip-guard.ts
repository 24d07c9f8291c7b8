// A .docx is a zip. Before mammoth opens one we read its central directory ourselves and inflate every entry
// with a byte counter, so a zip bomb (declared or lying about its sizes) is refused, not expanded.
// Two steps: `assertDeclaredSafe` reads only the directory (microseconds, fine on an event loop) and refuses what
// the archive admits to; `assertSafeDocx` also inflates every entry and refuses one that produces more than it
// declared, so a lying header cannot get past the limits. The server runs the second step in a worker.
// Pure (fflate, no Node APIs): the server's import and the CLI's gate share it and map the refusal to their own
// error style.
import { Inflate } from 'fflate';

export const DOCX_LIMITS = {
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  /** Compression ratio above which a large archive or entry is treated as a bomb (text XML compresses ~10×). */
  maxRatio: 100,
  /** Small archives cannot hurt us whatever their ratio; below this the ratio rule would only flag odd files. */
  ratioAppliesAbove: 1024 * 1024,
  /**
   * All XML parts together (`*.xml`, `*.rels`: what mammoth parses). Conversion costs ~0.4 s and ~50 MB of heap
   * per MB of XML, so this is what a pool worker converts inside its 512 MB heap and 20 s. It is also about what
   * the 5,000,000-character body limit allows: Word's leanest markup (one plain run per paragraph) needs ~1.45
   * bytes of XML per character of Markdown, i.e. ~7 MB for a body at the limit. More XML could only be refused
   * after an expensive conversion.
   */
  maxXmlBytes: 8 * 1024 * 1024,
};

/**
 * `not_zip`, `not_word` and `unreadable` all mean "not a usable .docx"; `zip_bomb` is a suspected bomb;
 * `too_large`: more XML than a document within the body limit needs; `too_complex`: the conversion ran past its
 * time or memory limit (decided by the caller that runs it, not by this guard).
 */
export type DocxRefusalCode = 'not_zip' | 'not_word' | 'unreadable' | 'zip_bomb' | 'too_large' | 'too_complex';

export class DocxRefusedError extends Error {
  constructor(
    readonly code: DocxRefusalCode,
    /** A short phrase without the file name, e.g. `word/document.xml is missing`. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DocxRefusedError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const unreadable = (reason: string) => new DocxRefusedError('unreadable', reason);
const bomb = (reason: string) => new DocxRefusedError('zip_bomb', reason);

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Throws a DocxRefusedError unless `bytes` is a sane Word document archive (directory and contents). */
export function assertSafeDocx(bytes: Uint8Array): void {
  checkActualSizes(bytes, declaredEntries(bytes));
}

/** The directory-only half of assertSafeDocx: no inflation, cheap enough for an event loop. */
export function assertDeclaredSafe(bytes: Uint8Array): void {
  declaredEntries(bytes);
}

function declaredEntries(bytes: Uint8Array): Entry[] {
  if (!looksLikeZip(bytes)) throw new DocxRefusedError('not_zip', 'not a zip archive');
  const entries = readEntries(bytes);
  checkDeclaredSizes(entries, bytes.length);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new DocxRefusedError('not_word', 'word/document.xml is missing');
  }
  checkXmlSize(entries);
  return entries;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Each entry is later held to its declared size (checkActualSizes), so this bounds the actual XML too. */
function checkXmlSize(entries: Entry[]): void {
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).reduce((sum, e) => sum + e.size, 0);
  const max = DOCX_LIMITS.maxXmlBytes;
  if (xml > max) {
    throw new DocxRefusedError(
      'too_large',
      `its XML parts would expand to ${mb(xml)} MB (limit ${max / 1024 / 1024} MB)`,
    );
  }
}

function findEnd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_END) return i;
  }
  throw unreadable('no zip central directory found (truncated or damaged file)');
}

function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw unreadable('the file is too short to be a zip archive');
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bomb('ZIP64 archives are not accepted');
  if (count > DOCX_LIMITS.maxEntries) throw bomb(`more than ${DOCX_LIMITS.maxEntries} entries`);
  if (cdOffset + cdSize > end) throw unreadable('the central directory points outside the file');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) throw unreadable('damaged zip directory');
    const nameLen = view.getUint16(p + 28, true);
    const entry: Entry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw bomb('ZIP64 entries are not accepted');
    entries.push(entry);
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

const ratioOf = (size: number, compressed: number) => size / Math.max(1, compressed);

function checkDeclaredSizes(entries: Entry[], fileSize: number): void {
  const { maxUncompressedBytes: max, maxRatio, ratioAppliesAbove } = DOCX_LIMITS;
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > max) {
    throw bomb(`it would expand to ${mb(total)} MB (limit ${max / 1024 / 1024} MB)`);
  }
  // One dense entry (a classic bomb hidden among honest parts) and a dense archive as a whole.
  for (const e of entries) {
    const ratio = ratioOf(e.size, e.compressedSize);
    if (e.size > ratioAppliesAbove && ratio > maxRatio) throw bomb(`${e.name} is compressed ${Math.round(ratio)}:1`);
  }
  const ratio = ratioOf(total, fileSize);
  if (total > ratioAppliesAbove && ratio > maxRatio) {
    throw bomb(`compression ratio ${Math.round(ratio)}:1 exceeds ${maxRatio}:1`);
  }
}

/** Inflates each entry and stops as soon as it produces more than its directory promised. */
function checkActualSizes(bytes: Uint8Array, entries: Entry[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== SIG_LOCAL) throw unreadable(`damaged zip entry ${e.name}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw unreadable(`zip entry ${e.name} is truncated`);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw unreadable(`zip entry ${e.name} has inconsistent sizes`);
      continue;
    }
    if (e.method !== 8) throw unreadable(`zip entry ${e.name} uses an unsupported compression method (${e.method})`);
    inflateWithin(data, e);
  }
}

class SizeExceeded extends Error {}

// 1 KB of input inflates to at most ~1 MB, so memory stays bounded even while a bomb is being detected.
const STEP = 1024;

function inflateWithin(data: Uint8Array, e: Entry): void {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > e.size) throw new SizeExceeded();
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (err) {
    if (err instanceof SizeExceeded) throw bomb(`${e.name} expands beyond its declared size`);
    throw unreadable(`${e.name} cannot be decompressed`);
  }
}
