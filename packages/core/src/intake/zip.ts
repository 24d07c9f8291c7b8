// Reading the entries of an export zip (Slack workspace exports; WhatsApp "export with media") without letting a
// zip bomb or a damaged archive through. Two passes over the bytes, both fflate (ADR 0018):
// 1. the central directory (fflate's unzipSync with a filter that takes nothing): refuses a truncated archive (no
//    directory), too many entries and declared sizes over the limits, before anything is inflated;
// 2. the wanted entries, inflated by fflate's streaming Unzip with a byte counter that stops an entry as soon as it
//    produces more than the limits allow, so an entry lying about its size cannot expand past them either.
// docx/zip-guard.ts does the same for Word files but is bound to them (it requires word/document.xml and holds XML
// to Word's limits), so only its zip signature test is shared.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { looksLikeZip } from '../docx/zip-guard.ts';
import { IntakeError } from './errors.ts';

export const ZIP_LIMITS = {
  maxEntries: 200_000,
  /** One day of one Slack channel: far beyond any real day file. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** All wanted entries together, inflated. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** Inflated:compressed ratio above which a large entry is a bomb (Slack JSON compresses about 10–20×). */
  maxRatio: 200,
  ratioAppliesAbove: 1024 * 1024,
};

export type ZipEntryInfo = { name: string; size: number };

const corrupt = (why: string) => new IntakeError('corrupt_zip', `the zip archive is damaged or truncated (${why})`);
const bomb = (why: string) => new IntakeError('zip_bomb', `the zip archive is refused as a possible zip bomb: ${why}`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The names and declared sizes of every entry, read from the central directory only. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  // fflate scans backwards for the end record and does not stop on archives shorter than one.
  if (!looksLikeZip(bytes) || bytes.length < 22) throw corrupt('no zip header');
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        if (entries.length > ZIP_LIMITS.maxEntries) throw bomb(`more than ${ZIP_LIMITS.maxEntries} entries`);
        if (
          file.originalSize > ZIP_LIMITS.ratioAppliesAbove &&
          file.originalSize / Math.max(1, file.size) > ZIP_LIMITS.maxRatio
        ) {
          throw bomb(`${file.name} is compressed ${Math.round(file.originalSize / Math.max(1, file.size))}:1`);
        }
        return false;
      },
    });
  } catch (err) {
    if (err instanceof IntakeError) throw err;
    throw corrupt('no readable central directory');
  }
  return entries;
}

/** Inflates the entries `wanted` selects, holding each and all of them to ZIP_LIMITS whatever their headers say. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const listed = listZip(bytes).filter((e) => wanted(e.name));
  let declared = 0;
  for (const e of listed) {
    if (e.size > ZIP_LIMITS.maxEntryBytes) throw bomb(`${e.name} would expand to ${mb(e.size)}`);
    declared += e.size;
  }
  if (declared > ZIP_LIMITS.maxTotalBytes) throw bomb(`it would expand to ${mb(declared)}`);

  const out = new Map<string, Uint8Array>();
  let total = 0;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err instanceof IntakeError ? err : corrupt(`${file.name} cannot be decompressed`);
      size += chunk.length;
      total += chunk.length;
      if (size > ZIP_LIMITS.maxEntryBytes) throw bomb(`${file.name} expands beyond ${mb(ZIP_LIMITS.maxEntryBytes)}`);
      if (total > ZIP_LIMITS.maxTotalBytes) throw bomb(`it expands beyond ${mb(ZIP_LIMITS.maxTotalBytes)}`);
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const STEP = 64 * 1024;
  try {
    for (let i = 0; i < bytes.length; i += STEP) unzip.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  } catch (err) {
    if (err instanceof IntakeError) throw err;
    throw corrupt('an entry cannot be decompressed');
  }
  for (const e of listed) {
    if (!out.has(e.name)) throw corrupt(`${e.name} is incomplete`);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}
