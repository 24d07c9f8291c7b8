// A .docx is a zip. Before mammoth opens one we read its central directory ourselves and inflate every
// entry under a hard output cap, so a zip bomb (declared or lying about its sizes) is refused early.
import { inflateRawSync } from 'node:zlib';
import { badRequest } from '../../http/errors.ts';

export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
export const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;
// Small archives cannot hurt us whatever their ratio; below this the ratio rule would only flag odd but harmless files.
const RATIO_APPLIES_ABOVE = 1024 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const notDocx = (reason: string) =>
  badRequest('not_a_docx', `the file is not a readable .docx: ${reason}`, [{ name: 'file', reason }]);
const bomb = (reason: string) =>
  badRequest('zip_bomb', `the .docx was refused as a possible zip bomb: ${reason}`, [{ name: 'file', reason }]);

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEnd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_END) return i;
  }
  throw notDocx('no zip central directory found (truncated or damaged file)');
}

function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw notDocx('the file is too short to be a zip archive');
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bomb('ZIP64 archives are not accepted');
  if (count > MAX_ENTRIES) throw bomb(`more than ${MAX_ENTRIES} entries`);
  if (cdOffset + cdSize > end) throw notDocx('the central directory points outside the file');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) throw notDocx('damaged central directory');
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

function checkDeclaredSizes(entries: Entry[], fileSize: number): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw bomb(
      `it would expand to ${(total / 1024 / 1024).toFixed(1)} MB (limit ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB)`,
    );
  }
  const ratio = total / Math.max(1, fileSize);
  if (total > RATIO_APPLIES_ABOVE && ratio > MAX_RATIO) {
    throw bomb(`compression ratio ${Math.round(ratio)}:1 exceeds ${MAX_RATIO}:1`);
  }
}

/** Inflates each entry with a cap of its declared size: an entry that lies about its size fails here. */
function checkActualSizes(bytes: Uint8Array, entries: Entry[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== SIG_LOCAL) throw notDocx(`damaged entry ${e.name}`);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw notDocx(`entry ${e.name} is truncated`);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw notDocx(`entry ${e.name} has inconsistent sizes`);
      continue;
    }
    if (e.method !== 8) throw notDocx(`entry ${e.name} uses an unsupported compression method`);
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bomb(`entry ${e.name} expands beyond its declared size`);
      }
      throw notDocx(`entry ${e.name} cannot be decompressed`);
    }
  }
}

/** Throws a 400 problem naming `file` unless `bytes` is a sane Word document archive. */
export function assertSafeDocx(bytes: Uint8Array): void {
  if (!looksLikeZip(bytes)) throw notDocx('it does not start with the zip signature (PK\\x03\\x04)');
  const entries = readEntries(bytes);
  checkDeclaredSizes(entries, bytes.length);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw notDocx('the archive has no word/document.xml');
  checkActualSizes(bytes, entries);
}
