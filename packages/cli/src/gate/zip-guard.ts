// A .docx is a zip archive; before mammoth unpacks it we check the central directory and then inflate every
// entry with a byte counter, so a zip bomb (or a directory that lies about sizes) is refused, not expanded.
import { Inflate } from 'fflate';
import { GateInputError } from './errors.ts';

export const ZIP_LIMITS = {
  maxEntries: 5000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  /** Compression ratio above which a large entry is treated as a bomb (text XML compresses ~10×). */
  maxRatio: 100,
  ratioAppliesAbove: 1024 * 1024,
};

type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

export function checkDocxZip(data: Uint8Array, file: string): void {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) {
    throw new GateInputError(`${file} is not a .docx file (not a zip archive)`);
  }
  const entries = centralDirectory(data, file);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new GateInputError(`${file} is not a Word document (word/document.xml is missing)`);
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressed);
    if (entry.size > ZIP_LIMITS.maxEntryBytes || total > ZIP_LIMITS.maxTotalBytes)
      bomb(file, `expands to more than ${mb(ZIP_LIMITS.maxTotalBytes)}`);
    if (entry.size > ZIP_LIMITS.ratioAppliesAbove && ratio > ZIP_LIMITS.maxRatio)
      bomb(file, `${entry.name} is compressed ${Math.round(ratio)}:1`);
  }
  for (const entry of entries) verifyInflatedSize(data, entry, file);
}

function centralDirectory(data: Uint8Array, file: string): Entry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GateInputError(`${file} is not a readable .docx (zip directory not found)`);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new GateInputError(`${file} is a zip64 archive, which a .docx never needs`);
  if (count > ZIP_LIMITS.maxEntries) bomb(file, `has ${count} entries`);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new GateInputError(`${file} is not a readable .docx (damaged zip directory)`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Inflates in 1 KB steps and stops as soon as an entry produces more than its directory promised. */
function verifyInflatedSize(data: Uint8Array, entry: Entry, file: string): void {
  if (entry.method === 0) return;
  if (entry.method !== 8)
    throw new GateInputError(`${file} uses an unsupported zip compression method (${entry.method})`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const local = entry.localOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== 0x04034b50) {
    throw new GateInputError(`${file} is not a readable .docx (damaged zip entry ${entry.name})`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const compressed = data.subarray(start, Math.min(data.length, start + entry.compressed));
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw new ZipSizeMismatch();
  });
  try {
    for (let i = 0; i < compressed.length; i += 1024) {
      inflater.push(compressed.subarray(i, i + 1024), i + 1024 >= compressed.length);
    }
  } catch (err) {
    if (err instanceof ZipSizeMismatch) bomb(file, `${entry.name} expands beyond its declared size`);
    throw new GateInputError(`${file} is not a readable .docx (${entry.name}: ${(err as Error).message})`);
  }
}

class ZipSizeMismatch extends Error {}

function bomb(file: string, why: string): never {
  throw new GateInputError(`${file} looks like a zip bomb (${why}); refusing to open it`);
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
